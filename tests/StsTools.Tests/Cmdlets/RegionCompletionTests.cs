using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Cmdlets;

/// <summary>Tab completion of region codes as a user presses Tab (TabExpansion2 over the real module).</summary>
public sealed class RegionCompletionTests : IDisposable
{
    private readonly ModuleSession _session = new();

    private List<(string Text, string Tooltip)> Complete(string line)
    {
        var r = _session.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object { $_.CompletionText + '|' + $_.ToolTip }", line);
        r.ThrowIfErrors();
        return r.Output.Select(o => o.ToString().Split('|')).Select(p => (p[0], p[1])).ToList();
    }

    [Fact]
    public void Region_codes_complete_with_their_names_as_tooltips()
    {
        var matches = Complete("ConvertTo-StsCredential -FromEnvironment -Region me-");
        Assert.Contains(("me-south-1", "Middle East (Bahrain) — opt-in"), matches);
        Assert.All(matches, m => Assert.StartsWith("me-", m.Text));
    }

    [Fact]
    public void A_place_name_completes_to_its_code()
    {
        var matches = Complete("ConvertTo-StsCredential -FromEnvironment -Region Tokyo");
        Assert.Equal("ap-northeast-1", Assert.Single(matches).Text);
    }

    public void Dispose() => _session.Dispose();
}
