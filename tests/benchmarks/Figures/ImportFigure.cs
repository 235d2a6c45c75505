namespace StsTools.Benchmarks.Figures;

/// <summary>import: `Import-Module StsTools` in a fresh process each time; no AWS SDK assembly loaded after it.</summary>
public static class ImportFigure
{
    public const string Name = "import";
    private const string Goal = "≤ 150 ms, no AWSSDK loaded";

    public static FigureResult Measure(BenchmarkContext context)
    {
        var warm = new List<double>();
        var cold = new List<double>();
        var empty = new List<double>();
        var sdkLoaded = new HashSet<string>();
        var engineLoaded = false;
        for (var i = 0; i < context.Options.FreshProcessRuns; i++)
        {
            // The cold variant (the very first import of a process) is context, taken twice.
            foreach (var variant in i < 2 ? new[] { "warm", "cold" } : new[] { "warm" })
            {
                var result = ChildMeasurements.Run(context.Environment, ChildMeasurements.ImportMode, context.ModulePath, context.EmptyModulePath, variant);
                (variant == "warm" ? warm : cold).Add(result.GetProperty("ms").GetDouble());
                if (variant == "warm")
                {
                    empty.Add(result.GetProperty("emptyMs").GetDouble());
                }

                foreach (var name in result.GetProperty("awsSdk").EnumerateArray())
                {
                    sdkLoaded.Add(name.GetString()!);
                }

                engineLoaded |= result.GetProperty("engineLoaded").GetBoolean();
            }
        }

        var ours = Samples.Median(warm);
        var peer = Samples.Median(empty);
        var pass = ours <= 150 && sdkLoaded.Count == 0;
        var note = $"median of {warm.Count} fresh processes, PowerShell's import machinery warm as in any pwsh session " +
                   $"(cold, as the very first import of a process: {Samples.Ms(Samples.Median(cold))}); peer: an empty manifest module, " +
                   $"same conditions (PowerShell's floor); after import: AWSSDK {(sdkLoaded.Count == 0 ? "not loaded" : "LOADED (" + string.Join(", ", sdkLoaded) + ")")}, " +
                   $"StsTools.Engine {(engineLoaded ? "loaded" : "not loaded")}";
        return new FigureResult(Name, Samples.Ms(ours), Samples.Ms(peer), FigureResult.RatioText(ours, peer), Goal,
            pass ? Verdict.Pass : Verdict.Fail, note);
    }
}
