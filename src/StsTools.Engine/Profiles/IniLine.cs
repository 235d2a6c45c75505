using System;
using System.Collections.Generic;

namespace StsTools.Engine.Profiles
{
    /// <summary>
    /// One line of an AWS INI file (credentials or config) as Python's configparser — what the AWS CLI and
    /// botocore use — reads it: a section header, a comment, a blank line, an option (<c>key = value</c> or
    /// <c>key: value</c>), or a continuation of the previous option's value (more indented). The text keeps its
    /// line ending so a file can be put back together byte for byte.
    /// </summary>
    public sealed class IniLine
    {
        private IniLine(string text, string ending)
        {
            Text = text;
            Ending = ending;
            var stripped = text.Trim();
            Indent = text.Length - text.TrimStart().Length;
            if (stripped.Length == 0)
            {
                IsBlank = true;
            }
            else if (stripped[0] == '#' || stripped[0] == ';')
            {
                IsComment = true;
            }
            else if (stripped[0] == '[' && Indent == 0)
            {
                // configparser: SECTCRE = \[(?P<header>.+)\] matched at the start; the name is taken as is.
                var close = stripped.LastIndexOf(']');
                if (close > 1)
                {
                    SectionName = stripped.Substring(1, close - 1);
                }
            }
            else
            {
                var separator = stripped.IndexOfAny(new[] { '=', ':' });
                if (separator > 0)
                {
                    Key = stripped.Substring(0, separator).Trim().ToLowerInvariant();
                }
            }
        }

        /// <summary>The line without its ending.</summary>
        public string Text { get; }

        /// <summary><c>\n</c>, <c>\r\n</c>, <c>\r</c>, or empty for a last line without one.</summary>
        public string Ending { get; }

        public int Indent { get; }
        public bool IsBlank { get; }
        public bool IsComment { get; }

        /// <summary>The name between the brackets of a section header, else null.</summary>
        public string? SectionName { get; }

        /// <summary>The option name (lower case, as configparser folds it), else null.</summary>
        public string? Key { get; }

        public bool IsHeader => SectionName != null;

        /// <summary>Splits text into lines, each keeping its own ending.</summary>
        public static List<IniLine> Split(string text)
        {
            var lines = new List<IniLine>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' || text[i] == '\r')
                {
                    var ending = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : text[i].ToString();
                    lines.Add(new IniLine(text.Substring(start, i - start), ending));
                    i += ending.Length - 1;
                    start = i + 1;
                }
            }

            if (start < text.Length)
            {
                lines.Add(new IniLine(text.Substring(start), string.Empty));
            }

            return lines;
        }

        public static IniLine Create(string text, string ending) => new IniLine(text, ending);

        public IniLine WithEnding(string ending) => new IniLine(Text, ending);

        public override string ToString() => Text + Ending;
    }
}
