namespace StsTools.Testing.Emulator;

/// <summary>A fault for one endpoint (see docs/emulator.md, "Faults"). Fields combine; rates are deterministic
/// (0.5 = every second request); <see cref="Count"/> makes it a burst that clears itself.</summary>
public sealed record EmulatorFault
{
    /// <summary>Only requests to this service (sts, iam, ec2, account, rolesanywhere); all when null.</summary>
    public string? Service { get; init; }
    public bool Down { get; init; }
    public bool Blackhole { get; init; }
    public int BlackholeMaxSeconds { get; init; } = 120;
    public int LatencyMs { get; init; }
    public double ThrottleRate { get; init; }
    public double ErrorRate { get; init; }
    public int ErrorStatus { get; init; } = 500;
    /// <summary>Every matching request answered with this AWS error code (status <see cref="ErrorCodeStatus"/>).</summary>
    public string? ErrorCode { get; init; }
    public int ErrorCodeStatus { get; init; } = 400;
    public string? ErrorMessage { get; init; }
    public double ResetRate { get; init; }
    public int SkewSeconds { get; init; }
    public int? Count { get; init; }

    /// <summary>Connections dropped before any answer, as if nothing listened.</summary>
    public static EmulatorFault Refusing() => new() { Down = true };

    /// <summary>Accepts and never answers (until the client gives up, at most <paramref name="maxSeconds"/>).</summary>
    public static EmulatorFault Blackholing(int maxSeconds = 120) => new() { Blackhole = true, BlackholeMaxSeconds = maxSeconds };

    public static EmulatorFault Slow(int milliseconds) => new() { LatencyMs = milliseconds };

    /// <summary>The protocol's throttling error (STS: Throttling) for this fraction of requests.</summary>
    public static EmulatorFault Throttling(double rate = 1.0, int? count = null) => new() { ThrottleRate = rate, Count = count };

    public static EmulatorFault ServerErrors(double rate = 1.0, int status = 500, int? count = null) => new() { ErrorRate = rate, ErrorStatus = status, Count = count };

    /// <summary>An arbitrary AWS error answer (code, HTTP status, message) in the called service's protocol.</summary>
    public static EmulatorFault AwsError(string code, int status = 400, string? message = null, string? service = null, int? count = null) =>
        new() { ErrorCode = code, ErrorCodeStatus = status, ErrorMessage = message, Service = service, Count = count };

    public static EmulatorFault Resetting(double rate = 1.0, int? count = null) => new() { ResetRate = rate, Count = count };

    /// <summary>The endpoint's clock runs this many seconds off (signature window, Date header).</summary>
    public static EmulatorFault SkewedClock(int seconds) => new() { SkewSeconds = seconds };
}
