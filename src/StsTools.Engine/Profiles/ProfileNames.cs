using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace StsTools.Engine.Profiles
{
    /// <summary>The profile names a user can pass to -ProfileName: sections of the credentials file and
    /// <c>[profile name]</c> / <c>[default]</c> sections of the config file. For tab completion: never throws.</summary>
    public static class ProfileNames
    {
        public static IReadOnlyList<string> List()
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var name in Sections(AwsFilePaths.CredentialsFile))
            {
                names.Add(name);
            }

            foreach (var section in Sections(AwsFilePaths.ConfigFile))
            {
                var name = FromConfigSection(section);
                if (name != null)
                {
                    names.Add(name);
                }
            }

            names.Remove("DEFAULT"); // configparser's defaults section, not a profile
            return names.ToList();
        }

        /// <summary>The profile a config file section describes: <c>profile x</c> → x, <c>default</c> → default;
        /// <c>sso-session</c> and <c>services</c> sections are not profiles.</summary>
        public static string? FromConfigSection(string section)
        {
            var trimmed = section.Trim();
            if (trimmed == "default")
            {
                return trimmed;
            }

            if (trimmed.StartsWith("profile ", StringComparison.Ordinal) || trimmed.StartsWith("profile\t", StringComparison.Ordinal))
            {
                var name = trimmed.Substring("profile".Length).Trim().Trim('"', '\'');
                return name.Length > 0 ? name : null;
            }

            return null;
        }

        private static IEnumerable<string> Sections(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                yield break;
            }

            foreach (var line in IniLine.Split(text))
            {
                if (line.SectionName != null)
                {
                    yield return line.SectionName;
                }
            }
        }
    }
}
