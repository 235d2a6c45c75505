using StsTools.Testing.Emulator;

namespace StsTools.Benchmarks.Figures;

/// <summary>fan-out: 200 roles piped with -ThrottleLimit 32 against 30 ms of emulator latency, vs a sequential loop.</summary>
public static class FanOutFigure
{
    public const string Name = "fan-out";
    private const string Goal = "≥ 20× faster, ≥ 0.8 efficiency";
    private const int Throttle = 32;
    private const int LatencyMs = 30;

    public static FigureResult Measure(BenchmarkContext context)
    {
        if (!context.HasCommand("Invoke-StsAssumeRole"))
        {
            return FigureResult.NotAvailable(Name, Goal, "Invoke-StsAssumeRole");
        }

        context.DefineAlice();
        var arns = Enumerable.Range(0, BenchWorld.RoleCount).Select(BenchWorld.RoleArn).ToArray();
        var parallel = new List<double>();
        var sequential = new List<double>();
        var bare = new List<double>();
        using var sdk = new BareSdk(context.UsEast1);
        var parallelCpu = TimeSpan.Zero;
        context.Emulator.SetFault("us-east-1", EmulatorFault.Slow(LatencyMs));
        try
        {
            // Warm-up: one full fan-out opens the connections the pool keeps and compiles what 200 calls run, as the
            // sequential loop is warm for all but its first call.
            Run(context, arns, Throttle);
            sdk.FanOutMs(arns, Throttle);
            for (var i = 0; i < context.Options.HeavyRuns; i++)
            {
                var cpu = Environment.CpuUsage.TotalTime;
                parallel.Add(Run(context, arns, Throttle));
                parallelCpu += Environment.CpuUsage.TotalTime - cpu;
                sequential.Add(Run(context, arns, 0));
                bare.Add(sdk.FanOutMs(arns, Throttle));
            }
        }
        finally
        {
            context.Emulator.ClearFault("us-east-1");
        }

        var ours = Samples.Median(parallel);
        var peer = Samples.Median(sequential);
        var ideal = (double)BenchWorld.RoleCount / Throttle * LatencyMs;
        var speedup = peer / ours;
        var efficiency = ideal / ours;
        var bareMs = Samples.Median(bare);
        return new FigureResult(Name, Samples.Ms(ours), Samples.Ms(peer) + " (sequential)",
            FigureResult.RatioText(ours, peer) + $" ({speedup:0.0}× faster)", Goal,
            speedup >= 20 && efficiency >= 0.8 ? Verdict.Pass : Verdict.Fail,
            $"efficiency {efficiency:0.00} (ideal 200/32 × 30 ms = {ideal:0} ms); median of {parallel.Count} runs each; 200 different roles, -NoCache, {LatencyMs} ms latency per request; " +
            $"client CPU per call in the fan-out {Samples.Ms(parallelCpu.TotalMilliseconds / (parallel.Count * arns.Length))} (the emulator's on the same cores comes on top); " +
            $"the same fan-out written directly against the bare SDK (SemaphoreSlim of {Throttle}, Task.WhenAll) in this process: {Samples.Ms(bareMs)}, efficiency {ideal / bareMs:0.00} " +
            $"(ours {ours / bareMs:0.00}× its time): what this machine allows with the emulator on the same cores");
    }

    private static double Run(BenchmarkContext context, string[] arns, int throttle)
    {
        var output = context.Session.Invoke(InvokeScripts.ManyRoles, TimeSpan.FromSeconds(120), context.EndpointTemplate, arns, throttle);
        var count = Convert.ToInt32(output[1].BaseObject);
        if (count != arns.Length)
        {
            throw new InvalidOperationException($"{count} credentials for {arns.Length} roles");
        }

        return Convert.ToDouble(output[0].BaseObject);
    }
}
