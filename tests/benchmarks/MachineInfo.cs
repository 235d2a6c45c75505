using System.Runtime.InteropServices;

namespace StsTools.Benchmarks;

/// <summary>Where and when the figures were taken: date, cores (nproc), OS, load at the start (noise indicator).</summary>
public sealed record MachineInfo(DateTime StartedUtc, int Cores, string Os, string Runtime, string LoadAverage)
{
    public static MachineInfo Capture()
    {
        var load = "";
        try
        {
            load = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return new MachineInfo(DateTime.UtcNow, Environment.ProcessorCount, RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, load);
    }

    public string Describe() =>
        $"{StartedUtc:yyyy-MM-dd HH:mm} UTC · {Cores} cores · {Os} · {Runtime}" + (LoadAverage.Length > 0 ? $" · load {LoadAverage}" : "");
}
