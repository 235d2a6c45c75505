namespace StsTools.Benchmarks;

public enum Verdict
{
    Pass,
    Fail,
    NotAvailable,
    Error,
}

/// <summary>One row of the table: figure, ours, peer, ratio, goal, pass/fail (and a note saying how it was taken).</summary>
public sealed record FigureResult(string Figure, string Ours, string Peer, string Ratio, string Goal, Verdict Verdict, string Note)
{
    public string VerdictText => Verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "FAIL",
        Verdict.NotAvailable => "n/a",
        _ => "ERROR",
    };

    public static FigureResult NotAvailable(string figure, string goal, string what) =>
        new(figure, "n/a (cmdlet not available)", "—", "—", goal, Verdict.NotAvailable, what + " is not in this build of the module");

    public static FigureResult Failed(string figure, string goal, Exception e) =>
        new(figure, "error", "—", "—", goal, Verdict.Error, FirstLine(e.Message));

    public static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    /// <summary>ours / peer, e.g. "0.04×".</summary>
    public static string RatioText(double ours, double peer) =>
        double.IsNaN(ours) || double.IsNaN(peer) || peer <= 0 ? "—" : $"{ours / peer:0.00}×";
}
