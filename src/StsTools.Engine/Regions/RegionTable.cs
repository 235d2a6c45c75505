using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using StsTools.Engine.Endpoints;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Regions
{
    /// <summary>
    /// The regions the module knows (FACTS §3): code, display name, partition, default or opt-in. Live status comes
    /// from the Account or EC2 API (Aws/RegionStatusReader); this table is what is used offline and what tab completion offers.
    /// </summary>
    public static class RegionTable
    {
        // Enabled for every account, cannot be disabled; v1 (global-endpoint) tokens work here.
        private static readonly (string Code, string Name)[] s_default =
        {
            ("us-east-1", "US East (N. Virginia)"),
            ("us-east-2", "US East (Ohio)"),
            ("us-west-1", "US West (N. California)"),
            ("us-west-2", "US West (Oregon)"),
            ("ap-south-1", "Asia Pacific (Mumbai)"),
            ("ap-northeast-1", "Asia Pacific (Tokyo)"),
            ("ap-northeast-2", "Asia Pacific (Seoul)"),
            ("ap-northeast-3", "Asia Pacific (Osaka)"),
            ("ap-southeast-1", "Asia Pacific (Singapore)"),
            ("ap-southeast-2", "Asia Pacific (Sydney)"),
            ("ca-central-1", "Canada (Central)"),
            ("eu-central-1", "Europe (Frankfurt)"),
            ("eu-west-1", "Europe (Ireland)"),
            ("eu-west-2", "Europe (London)"),
            ("eu-west-3", "Europe (Paris)"),
            ("eu-north-1", "Europe (Stockholm)"),
            ("sa-east-1", "South America (São Paulo)"),
        };

        // Launched after 2019-03-20: disabled until enabled, and out of reach of v1 tokens.
        private static readonly (string Code, string Name)[] s_optIn =
        {
            ("af-south-1", "Africa (Cape Town)"),
            ("ap-east-1", "Asia Pacific (Hong Kong)"),
            ("ap-east-2", "Asia Pacific (Taipei)"),
            ("ap-south-2", "Asia Pacific (Hyderabad)"),
            ("ap-southeast-3", "Asia Pacific (Jakarta)"),
            ("ap-southeast-4", "Asia Pacific (Melbourne)"),
            ("ap-southeast-5", "Asia Pacific (Malaysia)"),
            ("ap-southeast-6", "Asia Pacific (New Zealand)"),
            ("ap-southeast-7", "Asia Pacific (Thailand)"),
            ("ca-west-1", "Canada West (Calgary)"),
            ("eu-central-2", "Europe (Zurich)"),
            ("eu-south-1", "Europe (Milan)"),
            ("eu-south-2", "Europe (Spain)"),
            ("il-central-1", "Israel (Tel Aviv)"),
            ("me-central-1", "Middle East (UAE)"),
            ("me-south-1", "Middle East (Bahrain)"),
            ("mx-central-1", "Mexico (Central)"),
            // Newest: in the .NET SDK's region table, not yet everywhere.
            ("me-west-1", "Middle East (Saudi Arabia)"),
            ("sa-west-1", "South America (Chile)"),
        };

        // Other partitions have no opt-in regions and no global STS endpoint.
        private static readonly (string Code, string Name)[] s_otherPartitions =
        {
            ("cn-north-1", "China (Beijing)"),
            ("cn-northwest-1", "China (Ningxia)"),
            ("us-gov-west-1", "AWS GovCloud (US-West)"),
            ("us-gov-east-1", "AWS GovCloud (US-East)"),
            ("eusc-de-east-1", "AWS European Sovereign Cloud (Germany)"),
            ("us-iso-east-1", "US ISO East"),
            ("us-iso-west-1", "US ISO West"),
            ("us-isob-east-1", "US ISOB East (Ohio)"),
        };

        // A region code: geography, one or more words, a number (us-east-1, us-gov-west-1, eusc-de-east-1).
        private static readonly Regex s_shape = new Regex("^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant);

        // The words AWS builds region codes from: a well-formed code made of them is a region newer than this table,
        // anything else ("us-esat-1", "eu-west-one") is a typo worth stopping before a call.
        private static readonly HashSet<string> s_geographies = new HashSet<string>(StringComparer.Ordinal)
        {
            "af", "ap", "ca", "cn", "eu", "eusc", "il", "me", "mx", "sa", "us",
        };

        private static readonly HashSet<string> s_directions = new HashSet<string>(StringComparer.Ordinal)
        {
            "east", "west", "north", "south", "central", "northeast", "northwest", "southeast", "southwest",
            "gov", "iso", "isob", "isof", "isoe", "de",
        };

        private static readonly Dictionary<string, RegionInfo> s_byCode = Build();

        /// <summary>Every region of the table, default ones first, then opt-in, then other partitions; each group sorted.</summary>
        public static IReadOnlyList<RegionInfo> All { get; } = s_byCode.Values
            .OrderBy(r => r.Partition != Partition.Aws).ThenBy(r => r.IsOptIn).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();

        /// <summary>The aws partition's default regions: where v1 tokens work.</summary>
        public static IReadOnlyList<RegionInfo> DefaultRegions { get; } = All.Where(r => r.Partition == Partition.Aws && !r.IsOptIn).ToList();

        public static IReadOnlyList<RegionInfo> OptInRegions { get; } = All.Where(r => r.IsOptIn).ToList();

        /// <summary>The table's entry, or for a well-formed code it does not list, an entry judged by the FACTS §3 rule.
        /// Null when the text is not a plausible region code.</summary>
        public static RegionInfo? Find(string? code)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return null;
            }

            var normalized = code!.Trim().ToLowerInvariant();
            if (s_byCode.TryGetValue(normalized, out var known))
            {
                return known;
            }

            if (!IsPlausible(normalized))
            {
                return null;
            }

            var partition = Partition.OfRegion(normalized);
            return new RegionInfo(normalized, "(not in the built-in table)", partition, isOptIn: partition == Partition.Aws, isKnown: false);
        }

        /// <summary>Like <see cref="Find"/>, but an implausible code is an error (id UnknownRegion) that names the
        /// nearest known codes.</summary>
        public static RegionInfo Get(string? code)
        {
            var region = Find(code);
            if (region != null)
            {
                return region;
            }

            var suggestions = Suggest(code ?? string.Empty);
            var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions)}?" : string.Empty;
            throw new StsToolsException("UnknownRegion", ErrorKind.InvalidArgument,
                $"'{code}' is not an AWS region code.{hint} Region codes look like us-east-1 or me-south-1; Get-StsRegion lists them.")
            { Target = code };
        }

        /// <summary>True for an opt-in region; a well-formed aws-partition code the table does not list counts as opt-in.</summary>
        public static bool IsOptIn(string code) => Get(code).IsOptIn;

        /// <summary>The known codes closest to a mistyped one (edit distance ≤ 2), nearest first.</summary>
        public static IReadOnlyList<string> Suggest(string text)
        {
            var lowered = text.Trim().ToLowerInvariant();
            return s_byCode.Keys
                .Select(k => (Code: k, Distance: Distance(lowered, k)))
                .Where(x => x.Distance <= 2)
                .OrderBy(x => x.Distance).ThenBy(x => x.Code, StringComparer.Ordinal)
                .Take(3).Select(x => x.Code).ToList();
        }

        private static bool IsPlausible(string code)
        {
            if (code == EndpointResolver.GlobalRegion || !s_shape.IsMatch(code))
            {
                return false;
            }

            var words = code.Split('-');
            return s_geographies.Contains(words[0]) && words.Skip(1).Take(words.Length - 2).All(s_directions.Contains);
        }

        private static Dictionary<string, RegionInfo> Build()
        {
            var table = new Dictionary<string, RegionInfo>(StringComparer.Ordinal);
            foreach (var (code, name) in s_default)
            {
                table.Add(code, new RegionInfo(code, name, Partition.Aws, isOptIn: false, isKnown: true));
            }

            foreach (var (code, name) in s_optIn)
            {
                table.Add(code, new RegionInfo(code, name, Partition.Aws, isOptIn: true, isKnown: true));
            }

            foreach (var (code, name) in s_otherPartitions)
            {
                table.Add(code, new RegionInfo(code, name, Partition.OfRegion(code), isOptIn: false, isKnown: true));
            }

            return table;
        }

        // Levenshtein distance: short strings, small table — the plain dynamic programme is plenty.
        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
