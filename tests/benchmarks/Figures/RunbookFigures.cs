namespace StsTools.Benchmarks.Figures;

/// <summary>The two runbook figures, each run timed in a fresh process with an already open (warm) PowerShell session:
/// first credentials (import + Invoke-StsAssumeRole + Set-StsEnvironment) vs one `aws sts assume-role` process, and
/// ten roles (import + 10 sequential Invoke-StsAssumeRole) vs ten processes.</summary>
public static class RunbookFigures
{
    public const string FirstName = "first credentials in a runbook";
    public const string TenName = "ten roles in one runbook";
    private const string FirstGoal = "≤ 0.5× the CLI";
    private const string TenGoal = "≥ 10× faster (ratio ≤ 0.10×)";

    public static FigureResult MeasureFirst(BenchmarkContext context)
    {
        var (ours, failure, runs, phases) = MeasureRunbook(context, 1, setEnvironment: true);
        if (failure != null)
        {
            return failure with { Figure = FirstName, Goal = FirstGoal };
        }

        var peer = Samples.Median(context.CliSingleMs);
        var ratio = ours / peer;
        return new FigureResult(FirstName, Samples.Ms(ours), Samples.Ms(peer) + " (aws CLI)", FigureResult.RatioText(ours, peer), FirstGoal,
            context.CliSingleMs.Count == 0 ? Verdict.Error : ratio <= 0.5 ? Verdict.Pass : Verdict.Fail,
            $"median of {runs} fresh processes (import + 1 call + Set-StsEnvironment -Target Process, keys from env vars) vs median of " +
            $"{context.CliSingleMs.Count} `aws sts assume-role` processes{CliNote(context)}{phases}");
    }

    public static FigureResult MeasureTen(BenchmarkContext context)
    {
        var (ours, failure, runs, phases) = MeasureRunbook(context, 10, setEnvironment: false);
        if (failure != null)
        {
            return failure with { Figure = TenName, Goal = TenGoal };
        }

        var peer = Samples.Median(context.CliTenMs);
        var ratio = ours / peer;
        return new FigureResult(TenName, Samples.Ms(ours), Samples.Ms(peer) + " (10 aws)", FigureResult.RatioText(ours, peer) + $" ({peer / ours:0}× faster)", TenGoal,
            context.CliTenMs.Count == 0 ? Verdict.Error : ratio <= 0.10 ? Verdict.Pass : Verdict.Fail,
            $"median of {runs} fresh processes (import + 10 roles Bench000…009, sequential) vs median of {context.CliTenMs.Count} runs of 10 " +
            $"sequential `aws sts assume-role` processes{CliNote(context)}{phases}");
    }

    private static string CliNote(BenchmarkContext context) => context.CliError == null ? "" : $" (CLI: {context.CliError})";

    /// <summary>Median phases of the last measurement: import, first call, all calls, Set-StsEnvironment.</summary>
    private static string Phases(List<double[]> phases) =>
        phases.Count == 0 || phases[0].Length < 4 ? "" :
            $"; phases (medians): import {Samples.Ms(Samples.Median(phases.Select(p => p[0])))}, first call {Samples.Ms(Samples.Median(phases.Select(p => p[1])))}" +
            $", all calls {Samples.Ms(Samples.Median(phases.Select(p => p[2])))}, Set-StsEnvironment {Samples.Ms(Samples.Median(phases.Select(p => p[3])))}";

    private static string HostNote(List<double> hostMs) => hostMs.Count == 0 ? "" :
        $"; timed inside the session from Import-Module to the runbook's last command (PowerShell compiling and starting the benchmark's own script, and its check for missing cmdlets, add {Samples.Ms(Samples.Median(hostMs))} outside that, as a shell launching the CLI would add its own)";

    private static (double Ms, FigureResult? Failure, int Runs, string Phases) MeasureRunbook(BenchmarkContext context, int count, bool setEnvironment)
    {
        var samples = new List<double>();
        var hostSamples = new List<double>();
        var phases = new List<double[]>();
        for (var i = 0; i < context.Options.FreshProcessRuns; i++)
        {
            var result = ChildMeasurements.Run(context.Environment, ChildMeasurements.RunbookMode, context.ModulePath, context.EmptyModulePath,
                context.EndpointTemplate, count.ToString(), setEnvironment.ToString(), BenchWorld.RoleArnPrefix);
            var outcome = result.GetProperty("outcome").GetString() ?? "";
            if (outcome.StartsWith("missing:", StringComparison.Ordinal))
            {
                return (double.NaN, FigureResult.NotAvailable("", "", outcome["missing:".Length..]), 0, "");
            }

            if (outcome != "ok")
            {
                return (double.NaN, new FigureResult("", "error", "—", "—", "", Verdict.Error, FigureResult.FirstLine(outcome)), 0, "");
            }

            samples.Add(result.GetProperty("ms").GetDouble());
            hostSamples.Add(result.GetProperty("hostMs").GetDouble() - result.GetProperty("ms").GetDouble());
            phases.Add(result.GetProperty("phases").EnumerateArray().Select(p => p.GetDouble()).ToArray());
        }

        return (Samples.Median(samples), null, samples.Count, Phases(phases) + HostNote(hostSamples));
    }
}
