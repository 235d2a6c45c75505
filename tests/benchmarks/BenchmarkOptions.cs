namespace StsTools.Benchmarks;

/// <summary>Command line of a run. <c>--quick</c> takes fewer repetitions (a smoke run; figures are noisier).</summary>
public sealed record BenchmarkOptions(bool Quick, string? OutFile, string? Only)
{
    /// <summary>Fresh processes per fresh-process figure (import, first credentials).</summary>
    public int FreshProcessRuns => Quick ? 3 : 5;

    /// <summary>AWS CLI runs of ten sequential processes (each process also counts as one single-call sample).</summary>
    public int CliTenRuns => Quick ? 1 : 2;

    /// <summary>Calls per in-process per-call figure (cmdlet overhead, cache hit, signing).</summary>
    public int CallSamples => Quick ? 30 : 100;

    /// <summary>Repetitions of the fan-out (parallel and sequential) and failover figures.</summary>
    public int HeavyRuns => Quick ? 1 : 2;

    public static BenchmarkOptions? Parse(string[] args)
    {
        bool quick = false;
        string? outFile = null;
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--out" when i + 1 < args.Length:
                    outFile = args[++i];
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i];
                    break;
                default:
                    return null;
            }
        }

        return new BenchmarkOptions(quick, outFile, only);
    }

    /// <summary>Whether a figure is selected (<c>--only import</c> runs the figures whose name contains "import").</summary>
    public bool Runs(string figure) => Only == null || figure.Contains(Only, StringComparison.OrdinalIgnoreCase);
}
