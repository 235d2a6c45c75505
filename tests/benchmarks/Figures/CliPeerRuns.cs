namespace StsTools.Benchmarks.Figures;

/// <summary>The AWS CLI peer, measured once for both runbook figures: ten sequential `aws sts assume-role` processes
/// (roles Bench000…Bench009), each process also one sample of a single call.</summary>
public static class CliPeerRuns
{
    public static void Measure(BenchmarkContext context)
    {
        if (context.Cli.Executable == null)
        {
            context.CliError = "the AWS CLI (aws) is not on PATH";
            return;
        }

        try
        {
            for (var run = 0; run < context.Options.CliTenRuns; run++)
            {
                double total = 0;
                for (var i = 0; i < 10; i++)
                {
                    var ms = context.Cli.AssumeRoleMs(context.UsEast1, BenchWorld.RoleArn(i), $"bench-cli-{run}-{i}");
                    context.CliSingleMs.Add(ms);
                    total += ms;
                }

                context.CliTenMs.Add(total);
            }
        }
        catch (Exception e)
        {
            context.CliError = FigureResult.FirstLine(e.Message);
        }
    }
}
