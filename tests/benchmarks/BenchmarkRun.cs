using System.Diagnostics;
using StsTools.Benchmarks.Figures;
using StsTools.Testing.Emulator;

namespace StsTools.Benchmarks;

/// <summary>One run: the emulator with the benchmark world, the peers, every figure of the table, the report.</summary>
public static class BenchmarkRun
{
    public static int Execute(BenchmarkOptions options)
    {
        var total = Stopwatch.StartNew();
        var modulePath = Path.Combine(EmulatorPaths.RepoRoot, "out", "StsTools");
        if (!Directory.Exists(modulePath) || !Directory.EnumerateFiles(modulePath, "StsTools.psd1", SearchOption.AllDirectories).Any())
        {
            Console.Error.WriteLine($"The module is not built at {modulePath}: run `dotnet build -c Release` first " +
                                   "(building tests/benchmarks builds it too).");
            return 2;
        }

        var machine = MachineInfo.Capture();
        Console.WriteLine($"StsTools benchmarks · {machine.Describe()} · {(options.Quick ? "quick" : "full")} run");
        using var environment = new BenchEnvironment();
        environment.ApplyToThisProcess();
        var emptyModule = WriteEmptyModule(environment.Directory);
        using var emulator = EmulatorProcess.Start(BenchWorld.Json());
        using var context = new BenchmarkContext(options, environment, emulator, modulePath, emptyModule);
        Console.WriteLine($"emulator {emulator.BaseUrl} · module {modulePath} · {context.Cli.Version}");

        var results = new List<FigureResult>();
        void Figure(string name, Func<IEnumerable<FigureResult>> measure)
        {
            if (!options.Runs(name))
            {
                return;
            }

            var watch = Stopwatch.StartNew();
            Console.Write($"  {name} … ");
            List<FigureResult> rows;
            try
            {
                rows = measure().ToList();
            }
            catch (Exception e)
            {
                rows = new List<FigureResult> { FigureResult.Failed(name, "", e) };
            }

            emulator.ClearFaults();
            Console.WriteLine($"{string.Join(", ", rows.Select(r => r.Ours + " " + r.VerdictText))} ({watch.Elapsed.TotalSeconds:0.0} s)");
            results.AddRange(rows);
        }

        if (options.Runs(RunbookFigures.FirstName) || options.Runs(RunbookFigures.TenName))
        {
            Console.Write("  peer: aws sts assume-role processes … ");
            var watch = Stopwatch.StartNew();
            CliPeerRuns.Measure(context);
            Console.WriteLine(context.CliError ?? $"{context.CliSingleMs.Count} processes ({watch.Elapsed.TotalSeconds:0.0} s)");
        }

        Figure(ImportFigure.Name, () => new[] { ImportFigure.Measure(context) });
        Figure(RunbookFigures.FirstName, () => new[] { RunbookFigures.MeasureFirst(context) });
        Figure(RunbookFigures.TenName, () => new[] { RunbookFigures.MeasureTen(context) });
        Figure(CmdletOverheadFigure.Name, () => new[] { CmdletOverheadFigure.Measure(context) });
        Figure(CacheHitFigure.Name, () => new[] { CacheHitFigure.Measure(context) });
        Figure(FanOutFigure.Name, () => new[] { FanOutFigure.Measure(context) });
        Figure(FailoverFigure.Name, () => new[] { FailoverFigure.Measure(context) });
        Figure(RolesAnywhereSigningFigure.Name, () => RolesAnywhereSigningFigure.Measure(context));

        total.Stop();
        var report = new Report(results, machine, options, total.Elapsed, context.Cli.Version);
        Console.WriteLine();
        Console.WriteLine(report.ConsoleTable());
        // A partial run (--only) does not replace the full table.
        var outFile = options.OutFile ?? Path.Combine(EmulatorPaths.RepoRoot, "out", options.Only == null ? "benchmarks.md" : "benchmarks-partial.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        File.WriteAllText(outFile, report.Markdown());
        Console.WriteLine($"written to {outFile} · {total.Elapsed.TotalSeconds:0} s");
        return 0;
    }

    private static string WriteEmptyModule(string directory)
    {
        var folder = Path.Combine(directory, "BenchEmpty");
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, "BenchEmpty.psd1");
        File.WriteAllText(manifest, "@{ ModuleVersion = '1.0.0'; GUID = '5d1b2f6e-0000-4000-8000-00000000be4c'; FunctionsToExport = @(); CmdletsToExport = @() }\n");
        return manifest;
    }
}
