using StsTools.Testing.Emulator;

namespace StsTools.Benchmarks.Figures;

/// <summary>cache hit: a repeated identical request answers from the cache in under 1 ms, with no request reaching
/// the emulator (its request log is the witness).</summary>
public static class CacheHitFigure
{
    public const string Name = "cache hit";
    private const string Goal = "< 1 ms, 0 requests";

    public static FigureResult Measure(BenchmarkContext context)
    {
        if (!context.HasCommand("Invoke-StsAssumeRole"))
        {
            return FigureResult.NotAvailable(Name, Goal, "Invoke-StsAssumeRole");
        }

        context.DefineAlice();
        // The first call fills the cache.
        Calls(context, 1);
        context.Emulator.ClearRequestLog();
        var samples = Calls(context, context.Options.CallSamples);
        var requests = context.Emulator.RequestLog().Count;
        var ours = Samples.Median(samples);
        var peer = context.WarmCallMs ?? double.NaN;
        return new FigureResult(Name, Samples.Ms(ours), Samples.Ms(peer) + " (uncached)", FigureResult.RatioText(ours, peer), Goal,
            ours < 1 && requests == 0 ? Verdict.Pass : Verdict.Fail,
            $"median of {samples.Count} repeated identical calls; {requests} requests reached the emulator; peer: the same call with -NoCache (warm)");
    }

    private static List<double> Calls(BenchmarkContext context, int count) =>
        context.Session.Invoke(InvokeScripts.TimedCalls, context.EndpointTemplate, DefaultWorld.ReadOnlyRoleArn, count, "bench-cache", false)
            .Select(o => Convert.ToDouble(o.BaseObject)).ToList();
}
