namespace StsTools.Emulator.Logging;

/// <summary>One request as an endpoint saw it (GET /_emulator/requests).</summary>
public sealed class RequestLogEntry
{
    public long Sequence { get; set; }
    /// <summary>Wall-clock time the request arrived.</summary>
    public DateTimeOffset Time { get; set; }
    /// <summary>The path prefix: aws-global or a region.</summary>
    public string Endpoint { get; set; } = "";
    public string Service { get; set; } = "";
    public string Operation { get; set; } = "";
    public string Method { get; set; } = "";
    /// <summary>Who called: the caller's ARN when authenticated, else the access key id or certificate serial seen.</summary>
    public string? Caller { get; set; }
    public string? AccessKeyId { get; set; }
    /// <summary>Whether a signature was checked and matched (false for unsigned calls and failed checks).</summary>
    public bool SignatureVerified { get; set; }
    public int Status { get; set; }
    /// <summary>"OK" or the AWS error code; "fault: …" when a fault ended the request.</summary>
    public string Outcome { get; set; } = "";
    /// <summary>The fault applied, if any (down, blackhole, latency 30 ms, throttle, error 500, reset, skew 900 s).</summary>
    public string? Fault { get; set; }
    public string RequestId { get; set; } = "";
    /// <summary>Version (1/2) of the session token the request carried, if any.</summary>
    public int? PresentedTokenVersion { get; set; }
    /// <summary>Version of a token the request was answered with, if it issued one.</summary>
    public int? IssuedTokenVersion { get; set; }
    public double DurationMs { get; set; }
}
