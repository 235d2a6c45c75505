namespace StsTools.Emulator.Logging;

/// <summary>The requests every endpoint received since the last reset (bounded, oldest dropped first).</summary>
public sealed class RequestLog
{
    private const int Capacity = 20_000;
    private readonly object _sync = new();
    private readonly LinkedList<RequestLogEntry> _entries = new();
    private long _sequence;

    public void Add(RequestLogEntry entry)
    {
        lock (_sync)
        {
            entry.Sequence = ++_sequence;
            _entries.AddLast(entry);
            if (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot(string? endpoint = null, long? since = null)
    {
        lock (_sync)
        {
            return _entries.Where(e => (endpoint == null || e.Endpoint == endpoint) && (since == null || e.Sequence > since)).ToList();
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _entries.Clear();
        }
    }
}
