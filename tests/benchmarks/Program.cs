// tests/benchmarks: the performance table of shared/design/QUALITY.md, measured in one run against peers measured
// in the same run (the AWS CLI as a process, the bare AWS SDK in this process). See docs/benchmarks.md.
//   dotnet run -c Release --project tests/benchmarks [-- --quick] [--out FILE]
// The same executable, started as a child with --measure-import or --measure-runbook, times what must happen
// in a fresh process (import, a runbook's first credentials).
using StsTools.Benchmarks;

try
{
    if (args.Length > 0 && args[0] == ChildMeasurements.ImportMode)
    {
        return ChildMeasurements.MeasureImport(args.Skip(1).ToArray());
    }

    if (args.Length > 0 && args[0] == ChildMeasurements.RunbookMode)
    {
        return ChildMeasurements.MeasureRunbook(args.Skip(1).ToArray());
    }

    var options = BenchmarkOptions.Parse(args);
    if (options == null)
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/benchmarks [-- --quick] [--out FILE] [--only FIGURE]");
        return 2;
    }

    return BenchmarkRun.Execute(options);
}
catch (Exception e)
{
    Console.Error.WriteLine("benchmarks: " + e);
    return 1;
}
