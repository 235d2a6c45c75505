using System.Text.RegularExpressions;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Module;

/// <summary>about_StsTools, in English and Japanese, tells the five seed stories and names every exported cmdlet.</summary>
public sealed class AboutHelpTests
{
    public static TheoryData<string> Cultures => new() { "en-US", "ja-JP" };

    private static IEnumerable<string> ManifestCmdlets()
    {
        var manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "module", "StsTools.psd1"));
        var list = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<names>[^)]*)\)").Groups["names"].Value;
        return Regex.Matches(list, @"'(?<name>[A-Za-z]+-[A-Za-z]+)'").Select(m => m.Groups["name"].Value);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void About_StsTools_names_every_exported_cmdlet_and_the_five_seed_stories(string culture)
    {
        var path = Path.Combine(RepoPaths.ModuleVersionDirectory, culture, "about_StsTools.help.txt");
        Assert.True(File.Exists(path), path + " is not in the built module.");
        var text = File.ReadAllText(path);

        var cmdlets = ManifestCmdlets().ToList();
        Assert.NotEmpty(cmdlets);
        foreach (var cmdlet in cmdlets)
        {
            Assert.True(text.Contains(cmdlet, StringComparison.Ordinal), $"{culture}/about_StsTools does not mention {cmdlet}.");
        }

        foreach (var seed in new[] { "000", "001", "002", "003", "004" })
        {
            Assert.True(text.Contains(seed, StringComparison.Ordinal), $"{culture}/about_StsTools does not tell seed {seed}.");
        }

        Assert.Contains("build.ps1 -Task Demo", text);
    }
}
