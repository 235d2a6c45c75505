namespace StsTools.Emulator.Faults;

/// <summary>
/// Faults in force, by endpoint ("aws-global", "me-south-1", or "*" for every endpoint; an endpoint's own spec
/// wins over "*"). Rates accumulate per spec so that a rate of 0.25 faults exactly every fourth request.
/// </summary>
public sealed class FaultRegistry
{
    public const string AnyEndpoint = "*";

    private readonly object _sync = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Set(string endpoint, FaultSpec spec)
    {
        lock (_sync)
        {
            _entries[endpoint] = new Entry(spec);
        }
    }

    public bool Remove(string endpoint)
    {
        lock (_sync)
        {
            return _entries.Remove(endpoint);
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _entries.Clear();
        }
    }

    public IReadOnlyDictionary<string, FaultSpec> Snapshot()
    {
        lock (_sync)
        {
            return _entries.ToDictionary(e => e.Key, e => e.Value.Spec);
        }
    }

    /// <summary>The endpoint's skew without consuming a request (for the Date header of unmatched paths).</summary>
    public FaultDecision Decide(string endpoint, string service)
    {
        lock (_sync)
        {
            var key = Matches(endpoint, service) ? endpoint : Matches(AnyEndpoint, service) ? AnyEndpoint : null;
            if (key == null)
            {
                return FaultDecision.None;
            }

            var entry = _entries[key];
            var spec = entry.Spec;
            var decision = new FaultDecision(
                Down: spec.Down,
                Blackhole: spec.Blackhole,
                BlackholeMaxSeconds: Math.Max(1, spec.BlackholeMaxSeconds),
                LatencyMs: Math.Max(0, spec.LatencyMs),
                Throttle: entry.Fire(ref entry.ThrottleAccumulator, spec.ThrottleRate),
                ErrorStatus: entry.Fire(ref entry.ErrorAccumulator, spec.ErrorRate) ? (spec.ErrorStatus is >= 500 and <= 599 ? spec.ErrorStatus : 500) : 0,
                Reset: entry.Fire(ref entry.ResetAccumulator, spec.ResetRate),
                SkewSeconds: spec.SkewSeconds,
                ErrorCode: string.IsNullOrEmpty(spec.ErrorCode) ? null : spec.ErrorCode,
                ErrorCodeStatus: spec.ErrorCodeStatus is >= 400 and <= 599 ? spec.ErrorCodeStatus : 400,
                ErrorMessage: spec.ErrorMessage);

            if (spec.Count.HasValue && ++entry.Used >= spec.Count.Value)
            {
                _entries.Remove(key);
            }

            return decision;
        }
    }

    private bool Matches(string key, string service) =>
        _entries.TryGetValue(key, out var e) && (e.Spec.Service == null || string.Equals(e.Spec.Service, service, StringComparison.OrdinalIgnoreCase));

    private sealed class Entry
    {
        public Entry(FaultSpec spec) => Spec = spec;

        public FaultSpec Spec { get; }
        public double ThrottleAccumulator;
        public double ErrorAccumulator;
        public double ResetAccumulator;
        public int Used;

        public bool Fire(ref double accumulator, double rate)
        {
            if (rate <= 0)
            {
                return false;
            }

            accumulator += Math.Min(rate, 1.0);
            if (accumulator >= 1.0 - 1e-9)
            {
                accumulator -= 1.0;
                return true;
            }

            return false;
        }
    }
}
