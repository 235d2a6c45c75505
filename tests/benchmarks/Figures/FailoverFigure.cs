using System.Diagnostics;
using StsTools.Testing.Emulator;

namespace StsTools.Benchmarks.Figures;

/// <summary>failover: the primary region's endpoint accepts and never answers; credentials come from the fallback region.</summary>
public static class FailoverFigure
{
    public const string Name = "failover";
    private const string Goal = "≤ 3 s";

    private const string Script = """
        param($endpoint, $role, $name)
        Invoke-StsAssumeRole -RoleArn $role -RoleSessionName $name -Credential $alice -Region us-east-1 -FallbackRegion us-west-2 `
            -EndpointUrl $endpoint -NoCache -ErrorAction Stop
        """;

    public static FigureResult Measure(BenchmarkContext context)
    {
        if (!context.HasCommand("Invoke-StsAssumeRole"))
        {
            return FigureResult.NotAvailable(Name, Goal, "Invoke-StsAssumeRole");
        }

        context.DefineAlice();
        // Warm: the session, the engine and the clients are loaded, as in a runbook that already made a call.
        context.Session.Invoke(Script, context.EndpointTemplate, DefaultWorld.ReadOnlyRoleArn, "bench-failover-warm");
        var samples = new List<double>();
        string? issuedBy = null;
        context.Emulator.SetFault("us-east-1", EmulatorFault.Blackholing(maxSeconds: 30));
        try
        {
            for (var i = 0; i < context.Options.HeavyRuns; i++)
            {
                var watch = Stopwatch.StartNew();
                var output = context.Session.Invoke(Script, TimeSpan.FromSeconds(40), context.EndpointTemplate, DefaultWorld.ReadOnlyRoleArn, $"bench-failover-{i}");
                watch.Stop();
                samples.Add(watch.Elapsed.TotalMilliseconds);
                var credential = output.LastOrDefault();
                issuedBy = credential?.Properties["IssuedBy"]?.Value?.ToString() ?? credential?.Properties["Region"]?.Value?.ToString();
            }
        }
        finally
        {
            context.Emulator.ClearFault("us-east-1");
        }

        var ours = Samples.Median(samples);
        var fromFallback = issuedBy?.Contains("us-west-2", StringComparison.Ordinal) == true;
        return new FigureResult(Name, Samples.Ms(ours), "— (the CLI has no fallback region)", "—", Goal,
            ours <= 3000 && fromFallback ? Verdict.Pass : Verdict.Fail,
            $"median of {samples.Count}; us-east-1 blackholed (accepts, never answers), -FallbackRegion us-west-2; issued by: {issuedBy ?? "?"}");
    }
}
