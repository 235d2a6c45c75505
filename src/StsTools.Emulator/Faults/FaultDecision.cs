namespace StsTools.Emulator.Faults;

/// <summary>What the fault registry decided for one request.</summary>
public sealed record FaultDecision(
    bool Down = false,
    bool Blackhole = false,
    int BlackholeMaxSeconds = 0,
    int LatencyMs = 0,
    bool Throttle = false,
    int ErrorStatus = 0,
    bool Reset = false,
    int SkewSeconds = 0,
    string? ErrorCode = null,
    int ErrorCodeStatus = 400,
    string? ErrorMessage = null)
{
    public static readonly FaultDecision None = new();

    public bool IsNone => this == None;

    /// <summary>How the request log names it.</summary>
    public string? Describe()
    {
        var parts = new List<string>();
        if (Down) parts.Add("down");
        if (Blackhole) parts.Add("blackhole");
        if (LatencyMs > 0) parts.Add($"latency {LatencyMs} ms");
        if (Throttle) parts.Add("throttle");
        if (ErrorStatus > 0) parts.Add($"error {ErrorStatus}");
        if (ErrorCode != null) parts.Add($"error {ErrorCode} {ErrorCodeStatus}");
        if (Reset) parts.Add("reset");
        if (SkewSeconds != 0) parts.Add($"skew {SkewSeconds} s");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
