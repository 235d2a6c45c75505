using StsTools.Testing.Emulator;

namespace StsTools.Benchmarks.Figures;

/// <summary>cmdlet overhead: a warm, uncached Invoke-StsAssumeRole vs the bare SDK AssumeRoleAsync in the same process,
/// no added latency. Interleaved in blocks so drift on a noisy machine hits both alike.</summary>
public static class CmdletOverheadFigure
{
    public const string Name = "cmdlet overhead";
    private const string Goal = "≤ 1.3× the bare SDK";
    private const int Block = 10;
    private const int MinWarmCalls = 200;
    private static readonly TimeSpan QuietSpell = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(30);

    public static FigureResult Measure(BenchmarkContext context)
    {
        if (!context.HasCommand("Invoke-StsAssumeRole"))
        {
            return FigureResult.NotAvailable(Name, Goal, "Invoke-StsAssumeRole");
        }

        context.DefineAlice();
        using var sdk = new BareSdk(context.UsEast1);
        var ours = new List<double>();
        var peer = new List<double>();
        // Client-side CPU per call (this process; the emulator is another): robust where wall time is not, on a loaded machine.
        var oursCpu = TimeSpan.Zero;
        var peerCpu = TimeSpan.Zero;
        // Warm-up until the JIT is done with both sides: no method compiled for a whole second of calls (tiering promotes
        // hot code in the background after a 100 ms quiet spell, so a short quiet spell proves nothing). "Warm" is the
        // steady state a long runbook reaches, not call number six; both sides get the same warm-up, interleaved.
        var warmCalls = 0;
        var warmWatch = System.Diagnostics.Stopwatch.StartNew();
        var quietSince = TimeSpan.Zero;
        for (var compiled = -1L; warmWatch.Elapsed < MaxWarmUp && (warmCalls < MinWarmCalls || warmWatch.Elapsed - quietSince < QuietSpell); warmCalls += Block)
        {
            Ours(context, Block, $"bench-warm{warmCalls}");
            for (var i = 0; i < Block; i++)
            {
                sdk.AssumeRoleMs(DefaultWorld.ReadOnlyRoleArn, $"bench-sdk-warm{warmCalls}-{i}");
            }

            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = warmWatch.Elapsed;
            }
        }

        for (var block = 0; ours.Count < SteadySamples(context); block++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            ours.AddRange(Ours(context, Block, $"bench-o{block}"));
            oursCpu += Environment.CpuUsage.TotalTime - cpu;
            cpu = Environment.CpuUsage.TotalTime;
            for (var i = 0; i < Block; i++)
            {
                peer.Add(sdk.AssumeRoleMs(DefaultWorld.ReadOnlyRoleArn, $"bench-sdk-{block}-{i}"));
            }

            peerCpu += Environment.CpuUsage.TotalTime - cpu;
        }

        var o = Samples.Median(ours);
        var p = Samples.Median(peer);
        context.WarmCallMs = o;
        return new FigureResult(Name, Samples.Ms(o), Samples.Ms(p) + " (SDK)", FigureResult.RatioText(o, p), Goal,
            o / p <= 1.3 ? Verdict.Pass : Verdict.Fail,
            $"median of {ours.Count} calls each, interleaved in blocks of {Block}, after {warmCalls} warm-up calls each ({warmWatch.Elapsed.TotalSeconds:0.0} s: until a second of calls JIT-compiled nothing); -NoCache, -Credential, loopback, no latency; SDK: one client reused; " +
            $"client CPU per call (less sensitive to load than wall time, not immune): ours {Samples.Ms(oursCpu.TotalMilliseconds / ours.Count)}, SDK {Samples.Ms(peerCpu.TotalMilliseconds / peer.Count)} " +
            $"({oursCpu.TotalMilliseconds / Math.Max(0.001, peerCpu.TotalMilliseconds):0.00}×)");
    }

    // Warm calls are short (a loopback round trip, about 0.3 ms), so five times the usual samples cost under a second
    // and steady the median on a noisy machine.
    private static int SteadySamples(BenchmarkContext context) => context.Options.CallSamples * 5;

    private static IEnumerable<double> Ours(BenchmarkContext context, int count, string prefix) =>
        context.Session.Invoke(InvokeScripts.TimedCalls, context.EndpointTemplate, DefaultWorld.ReadOnlyRoleArn, count, prefix, true)
            .Select(o => Convert.ToDouble(o.BaseObject)).ToList();
}
