namespace StsTools.Emulator.Faults;

/// <summary>
/// What goes wrong at one endpoint (world file "faults" or PUT /_emulator/faults/&lt;endpoint&gt;). Fields combine:
/// e.g. latency plus throttling. Rates are deterministic (0.5 = every second request), so tests need no luck.
/// </summary>
public sealed class FaultSpec
{
    /// <summary>Only requests to this service (sts, iam, ec2, account, rolesanywhere); all when null.</summary>
    public string? Service { get; set; }

    /// <summary>Refuse: the connection is dropped before any answer, as when nothing listens there.</summary>
    public bool Down { get; set; }

    /// <summary>Accept and never answer, until the client gives up (or <see cref="BlackholeMaxSeconds"/> pass, so
    /// a forgotten client does not pin the request forever).</summary>
    public bool Blackhole { get; set; }

    public int BlackholeMaxSeconds { get; set; } = 120;

    /// <summary>Added before answering.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Fraction of requests answered with the protocol's throttling error.</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Fraction of requests answered with a server error (<see cref="ErrorStatus"/>, 500 or 503).</summary>
    public double ErrorRate { get; set; }

    public int ErrorStatus { get; set; } = 500;

    /// <summary>Answer every matching request with this AWS error code (in the called service's protocol), e.g.
    /// RegionDisabledException or IDPCommunicationError: for errors no world condition produces.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The HTTP status of <see cref="ErrorCode"/>'s answer (400 by default).</summary>
    public int ErrorCodeStatus { get; set; } = 400;

    /// <summary>The message of <see cref="ErrorCode"/>'s answer.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>Fraction of requests whose connection is reset after the request was read.</summary>
    public double ResetRate { get; set; }

    /// <summary>The endpoint's clock runs this many seconds off: signature timestamps are judged against it and the
    /// Date header says it.</summary>
    public int SkewSeconds { get; set; }

    /// <summary>The spec applies to this many matching requests, then removes itself (a burst); forever when null.</summary>
    public int? Count { get; set; }
}
