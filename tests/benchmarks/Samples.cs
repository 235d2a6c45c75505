namespace StsTools.Benchmarks;

/// <summary>Medians: robust against the odd slow run on a noisy machine; every figure is a median.</summary>
public static class Samples
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string Ms(double ms) => ms switch
    {
        double.NaN => "—",
        < 1 => $"{ms:0.000} ms",
        < 10 => $"{ms:0.00} ms",
        < 1000 => $"{ms:0} ms",
        _ => $"{ms / 1000:0.00} s",
    };
}
