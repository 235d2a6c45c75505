using System.Text.RegularExpressions;

namespace StsTools.Emulator.World;

/// <summary>The aws partition's regions (FACTS §3): which are enabled for every account and which are opt-in.</summary>
public static partial class Regions
{
    public const string Global = "aws-global";

    public static readonly IReadOnlyList<string> Default = new[]
    {
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ap-south-1", "ap-northeast-1", "ap-northeast-2",
        "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-west-1",
        "eu-west-2", "eu-west-3", "eu-north-1", "sa-east-1",
    };

    public static readonly IReadOnlyList<string> OptIn = new[]
    {
        "af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
        "ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1",
        "me-central-1", "me-south-1", "mx-central-1",
    };

    public static IEnumerable<string> All => Default.Concat(OptIn).Order(StringComparer.Ordinal);

    /// <summary>FACTS §3: in partition aws, a region not in the default list is opt-in.</summary>
    public static bool IsOptIn(string region) => region != Global && !Default.Contains(region);

    /// <summary>Shaped like a region code (us-east-1, us-gov-west-1); the path prefix must be one.</summary>
    public static bool LooksLikeRegion(string text) => text == Global || RegionShape().IsMatch(text);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionShape();
}
