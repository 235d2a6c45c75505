using System.Text;

namespace StsTools.Benchmarks;

/// <summary>The table, printed and as markdown (out/benchmarks.md).</summary>
public sealed class Report
{
    private static readonly string[] Headers = { "figure", "ours", "peer", "ratio", "goal", "result" };
    private readonly IReadOnlyList<FigureResult> _results;
    private readonly MachineInfo _machine;
    private readonly BenchmarkOptions _options;
    private readonly TimeSpan _elapsed;
    private readonly string _cliVersion;

    public Report(IReadOnlyList<FigureResult> results, MachineInfo machine, BenchmarkOptions options, TimeSpan elapsed, string cliVersion)
    {
        _results = results;
        _machine = machine;
        _options = options;
        _elapsed = elapsed;
        _cliVersion = cliVersion;
    }

    private static string[] Cells(FigureResult r) => new[] { r.Figure, r.Ours, r.Peer, r.Ratio, r.Goal, r.VerdictText };

    public string ConsoleTable()
    {
        var rows = _results.Select(Cells).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) => text.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(Headers);
        Line(widths.Select(w => new string('-', w)).ToArray());
        rows.ForEach(Line);
        text.AppendLine();
        foreach (var r in _results)
        {
            text.AppendLine($"- {r.Figure}: {r.Note}");
        }

        return text.ToString();
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# StsTools benchmarks");
        text.AppendLine();
        text.AppendLine($"Run {_machine.StartedUtc:yyyy-MM-dd HH:mm} UTC · machine: {_machine.Cores} cores (nproc) · {_machine.Os} · {_machine.Runtime}" +
                        (_machine.LoadAverage.Length > 0 ? $" · load average at start {_machine.LoadAverage}" : "") +
                        $" · {_cliVersion} · {(_options.Quick ? "quick" : "full")} run, {_elapsed.TotalSeconds:0} s");
        text.AppendLine();
        text.AppendLine("Command: `dotnet run -c Release --project tests/benchmarks" + (_options.Quick ? " -- --quick" : "") + "`");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", Headers) + " |");
        text.AppendLine("|" + string.Concat(Headers.Select(_ => "---|")));
        foreach (var r in _results)
        {
            text.AppendLine("| " + string.Join(" | ", Cells(r).Select(Escape)) + " |");
        }

        text.AppendLine();
        text.AppendLine("How each figure was taken:");
        text.AppendLine();
        foreach (var r in _results)
        {
            text.AppendLine($"- **{r.Figure}**: {Escape(r.Note)}");
        }

        return text.ToString();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|");
}
