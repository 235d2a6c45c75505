namespace StsTools.Emulator.Clock;

/// <summary>
/// The world's time: real time plus an offset tests move forward (never back) to make credentials,
/// certificates and web-identity tokens expire without waiting. Signature timestamps are checked against the
/// wall clock instead (see <see cref="WallNow"/>), so moving the world clock does not turn every client into a
/// clock-skew failure.
/// </summary>
public sealed class EmulatorClock
{
    private long _offsetTicks;

    /// <summary>The world's "now": what expiry, validity and TOTP are judged by.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow + Offset;

    /// <summary>Real time, for signature timestamps and the HTTP Date header (plus an endpoint's skew fault).</summary>
    public static DateTimeOffset WallNow => DateTimeOffset.UtcNow;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        }

        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
