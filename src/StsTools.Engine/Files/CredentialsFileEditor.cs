using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using StsTools.Engine.Profiles;

namespace StsTools.Engine.Files
{
    /// <summary>
    /// Edits one profile's section of an AWS credentials file and leaves every other byte as it was: comments,
    /// other profiles, odd spacing, other keys of the same profile, line endings, a missing final newline, even
    /// bytes that are not UTF-8. The bytes are read as ISO-8859-1 (one char per byte, so they round-trip exactly);
    /// new text is UTF-8 encoded first. Lines are told apart the way Python's configparser (the AWS CLI) reads them.
    /// The AWS SDK's own profile writer rewrites the whole file, which is why this exists.
    /// </summary>
    public static class CredentialsFileEditor
    {
        private static readonly Encoding s_bytes = Encoding.GetEncoding("iso-8859-1");

        /// <summary>
        /// Sets the given keys in the profile's section (creating the section at the end when absent). A null value
        /// removes that key. Existing keys keep their place and indentation; new keys follow the section's last option.
        /// </summary>
        public static byte[] SetKeys(byte[] file, string profile, IReadOnlyList<KeyValuePair<string, string?>> values)
        {
            var lines = IniLine.Split(s_bytes.GetString(file));
            var newline = DominantNewline(lines);
            var section = FindSection(lines, ToFileText(profile));
            if (section == null)
            {
                var added = values.Where(v => v.Value != null).ToList();
                if (added.Count == 0)
                {
                    return file;
                }

                EnsureFinalNewline(lines, newline);
                if (lines.Count > 0 && !lines[lines.Count - 1].IsBlank)
                {
                    lines.Add(IniLine.Create(string.Empty, newline));
                }

                lines.Add(IniLine.Create("[" + ToFileText(profile) + "]", newline));
                lines.AddRange(added.Select(v => Option(v.Key, v.Value!, 0, newline)));
                return Join(lines);
            }

            var (start, end) = section.Value;
            var pending = new List<KeyValuePair<string, string?>>();
            foreach (var value in values)
            {
                var at = FindKey(lines, start, end, value.Key);
                if (at < 0)
                {
                    if (value.Value != null)
                    {
                        pending.Add(value);
                    }

                    continue;
                }

                var removed = RemoveOption(lines, at, ref end);
                if (value.Value != null)
                {
                    // Same indentation and line ending as the line it replaces (none, if it ended the file).
                    lines.Insert(at, Option(value.Key, value.Value, removed.Indent, removed.Ending));
                    end++;
                }
            }

            if (pending.Count > 0)
            {
                var insertAt = LastContentLine(lines, start, end) + 1;
                if (insertAt == lines.Count)
                {
                    EnsureFinalNewline(lines, newline);
                }

                var indent = lines.Skip(start + 1).Take(end - start - 1).FirstOrDefault(l => l.Key != null)?.Indent ?? 0;
                lines.InsertRange(insertAt, pending.Select(v => Option(v.Key, v.Value!, indent, newline)));
            }

            return Join(lines);
        }

        /// <summary>
        /// Removes the given keys from the profile's section; when the section then holds no option, removes the
        /// section too (its header and blank lines, but not comments that introduce the next section).
        /// </summary>
        public static byte[] RemoveKeys(byte[] file, string profile, IEnumerable<string> keys, out bool changed)
        {
            var lines = IniLine.Split(s_bytes.GetString(file));
            var section = FindSection(lines, ToFileText(profile));
            changed = false;
            if (section == null)
            {
                return file;
            }

            var (start, end) = section.Value;
            foreach (var key in keys)
            {
                var at = FindKey(lines, start, end, key);
                if (at >= 0)
                {
                    RemoveOption(lines, at, ref end);
                    changed = true;
                }
            }

            var hasOptions = lines.Skip(start + 1).Take(end - start - 1).Any(l => l.Key != null || (!l.IsBlank && !l.IsComment));
            if (!hasOptions)
            {
                // Keep the trailing comments: they usually describe the next section.
                var removeUntil = end;
                while (removeUntil > start + 1 && (lines[removeUntil - 1].IsComment || lines[removeUntil - 1].IsBlank))
                {
                    removeUntil--;
                }

                while (removeUntil < end && lines[removeUntil].IsBlank)
                {
                    removeUntil++;
                }

                lines.RemoveRange(start, removeUntil - start);
                if (start == lines.Count)
                {
                    // It was the last section: drop the blank lines that separated it from the one before.
                    while (lines.Count > 0 && lines[lines.Count - 1].IsBlank)
                    {
                        lines.RemoveAt(lines.Count - 1);
                    }
                }

                changed = true;
            }

            return changed ? Join(lines) : file;
        }

        /// <summary>The section's keys, as configparser reads them (last one wins), or null when there is no such section.</summary>
        public static IReadOnlyDictionary<string, string>? ReadSection(byte[] file, string profile)
        {
            var lines = IniLine.Split(s_bytes.GetString(file));
            var section = FindSection(lines, ToFileText(profile));
            if (section == null)
            {
                return null;
            }

            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = section.Value.Start + 1; i < section.Value.End; i++)
            {
                if (lines[i].Key is string key && !IsContinuation(lines, section.Value.Start, i))
                {
                    var text = lines[i].Text;
                    var value = text.Substring(text.IndexOfAny(new[] { '=', ':' }) + 1).Trim();
                    result[key] = Encoding.UTF8.GetString(s_bytes.GetBytes(value));
                }
            }

            return result;
        }

        // A section runs from its header to the next header (configparser has no end marker). Duplicate sections
        // make botocore refuse the file, so the first one is the one.
        private static (int Start, int End)? FindSection(List<IniLine> lines, string name)
        {
            var start = lines.FindIndex(l => l.SectionName == name);
            if (start < 0)
            {
                return null;
            }

            var end = lines.FindIndex(start + 1, l => l.IsHeader);
            return (start, end < 0 ? lines.Count : end);
        }

        private static int FindKey(List<IniLine> lines, int start, int end, string key)
        {
            for (var i = start + 1; i < end; i++)
            {
                if (lines[i].Key == key && !IsContinuation(lines, start, i))
                {
                    return i;
                }
            }

            return -1;
        }

        // configparser: a non-blank line indented deeper than the option before it continues that option's value.
        private static bool IsContinuation(List<IniLine> lines, int start, int index)
        {
            for (var i = index - 1; i > start; i--)
            {
                if (lines[i].IsBlank || lines[i].IsComment)
                {
                    continue;
                }

                return lines[index].Indent > lines[i].Indent && lines[i].Key != null;
            }

            return false;
        }

        // Removes an option line and its continuation lines; returns the option line.
        private static IniLine RemoveOption(List<IniLine> lines, int at, ref int end)
        {
            var option = lines[at];
            var count = 1;
            while (at + count < end && !lines[at + count].IsBlank && !lines[at + count].IsComment && lines[at + count].Indent > option.Indent)
            {
                count++;
            }

            var last = lines[at + count - 1];
            lines.RemoveRange(at, count);
            end -= count;
            return last.Ending.Length == 0 ? option.WithEnding(string.Empty) : option;
        }

        private static int LastContentLine(List<IniLine> lines, int start, int end)
        {
            for (var i = end - 1; i > start; i--)
            {
                if (!lines[i].IsBlank && !lines[i].IsComment)
                {
                    return i;
                }
            }

            return start;
        }

        private static IniLine Option(string key, string value, int indent, string newline) =>
            IniLine.Create(new string(' ', indent) + key + " = " + ToFileText(value), newline);

        private static string DominantNewline(List<IniLine> lines)
        {
            var crlf = lines.Count(l => l.Ending == "\r\n");
            var lf = lines.Count(l => l.Ending == "\n");
            return crlf > lf ? "\r\n" : "\n";
        }

        private static void EnsureFinalNewline(List<IniLine> lines, string newline)
        {
            if (lines.Count > 0 && lines[lines.Count - 1].Ending.Length == 0)
            {
                lines[lines.Count - 1] = lines[lines.Count - 1].WithEnding(newline);
            }
        }

        private static string ToFileText(string text) => s_bytes.GetString(Encoding.UTF8.GetBytes(text));

        private static byte[] Join(List<IniLine> lines)
        {
            var text = new StringBuilder();
            foreach (var line in lines)
            {
                text.Append(line.Text).Append(line.Ending);
            }

            return s_bytes.GetBytes(text.ToString());
        }
    }
}
