namespace StsTools.Tests.Shared.Ci;

/// <summary>
/// Reads a $GITHUB_ENV file by the Actions runner's documented rules (docs "Setting an environment variable",
/// "Multiline strings"; runner's SetEnvFileCommand): lines split on LF or CRLF; a non-empty line is `NAME=VALUE`
/// when '=' comes before any '<<', else `NAME<<DELIM` followed by value lines up to a line equal to DELIM
/// (value = those lines joined with their newlines, without the last one). Anything else, a missing delimiter
/// or an empty name is an error that fails the step.
/// </summary>
public static class GitHubEnvFileParser
{
    public static Dictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = SplitKeepingNewlines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Line;
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (equals >= 0 && (heredoc < 0 || equals < heredoc))
            {
                var name = line[..equals];
                if (name.Length == 0) throw new FormatException($"Invalid format '{line}': name is empty");
                result[name] = line[(equals + 1)..];
            }
            else if (heredoc >= 0)
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                if (name.Length == 0 || delimiter.Length == 0) throw new FormatException($"Invalid format '{line}'");
                var value = new System.Text.StringBuilder();
                var closed = false;
                var first = true;
                for (i++; i < lines.Count; i++)
                {
                    if (lines[i].Line == delimiter)
                    {
                        if (lines[i].Newline.Length == 0 && i == lines.Count - 1) { /* runner accepts EOF after the delimiter */ }
                        closed = true;
                        break;
                    }

                    if (!first) value.Append(lines[i - 1].Newline);
                    value.Append(lines[i].Line);
                    first = false;
                }

                if (!closed) throw new FormatException($"Matching delimiter not found '{delimiter}'");
                result[name] = value.ToString();
            }
            else
            {
                throw new FormatException($"Invalid format '{line}'");
            }
        }

        return result;
    }

    private static List<(string Line, string Newline)> SplitKeepingNewlines(string text)
    {
        var lines = new List<(string, string)>();
        var start = 0;
        while (start < text.Length)
        {
            var lf = text.IndexOf('\n', start);
            if (lf < 0)
            {
                lines.Add((text[start..], ""));
                break;
            }

            var crlf = lf > start && text[lf - 1] == '\r';
            lines.Add((text[start..(crlf ? lf - 1 : lf)], crlf ? "\r\n" : "\n"));
            start = lf + 1;
        }

        return lines;
    }
}
