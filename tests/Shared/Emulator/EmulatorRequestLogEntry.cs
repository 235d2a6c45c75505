using System;

namespace StsTools.Testing.Emulator;

/// <summary>One request as an endpoint of the emulator saw it.</summary>
public sealed record EmulatorRequestLogEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset Time { get; init; }
    /// <summary>aws-global or a region.</summary>
    public string Endpoint { get; init; } = "";
    public string Service { get; init; } = "";
    public string Operation { get; init; } = "";
    public string Method { get; init; } = "";
    /// <summary>The caller's ARN when the signature was verified (the web identity's subject for unsigned calls).</summary>
    public string? Caller { get; init; }
    public string? AccessKeyId { get; init; }
    public bool SignatureVerified { get; init; }
    public int Status { get; init; }
    /// <summary>"OK", the AWS error code, or "fault: …".</summary>
    public string Outcome { get; init; } = "";
    public string? Fault { get; init; }
    public string RequestId { get; init; } = "";
    public int? PresentedTokenVersion { get; init; }
    public int? IssuedTokenVersion { get; init; }
    public double DurationMs { get; init; }
}
