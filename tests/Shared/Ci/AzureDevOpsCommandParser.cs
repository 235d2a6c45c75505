namespace StsTools.Tests.Shared.Ci;

/// <summary>
/// Reads `##vso[area.action key=value;key=value]data` lines as the Azure Pipelines agent does (Command.TryParse):
/// properties split on ';' then on the first '=', property values and data unescaped with the agent's table
/// (%3B → ';', %0D → CR, %0A → LF, %5D → ']', and %AZP25 → '%' last).
/// </summary>
public static class AzureDevOpsCommandParser
{
    public sealed record Command(string Name, IReadOnlyDictionary<string, string> Properties, string Data);

    public static Command? Parse(string line)
    {
        const string prefix = "##vso[";
        var start = line.IndexOf(prefix, StringComparison.Ordinal);
        var end = start < 0 ? -1 : line.IndexOf(']', start);
        if (start < 0 || end < 0)
        {
            return null;
        }

        var inner = line[(start + prefix.Length)..end];
        var space = inner.IndexOf(' ');
        var name = space < 0 ? inner : inner[..space];
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space >= 0)
        {
            foreach (var pair in inner[(space + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                if (eq > 0) properties[pair[..eq]] = Unescape(pair[(eq + 1)..]);
            }
        }

        return new Command(name, properties, Unescape(line[(end + 1)..]));
    }

    public static string Unescape(string escaped) =>
        escaped.Replace("%3B", ";").Replace("%0D", "\r").Replace("%0A", "\n").Replace("%5D", "]").Replace("%AZP25", "%");
}
