using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace StsTools.Engine.Profiles
{
    /// <summary>
    /// The profiles of <c>~/.aws/config</c> (AWS_CONFIG_FILE) and <c>~/.aws/credentials</c>
    /// (AWS_SHARED_CREDENTIALS_FILE), merged per profile as the AWS CLI does (the credentials file wins for a key
    /// both set). Read-only. Hand-written because the SDK's reader drops keys it does not know (aws-vault's
    /// session_tags, transitive_session_tags, source_identity) and resolves role chains itself, without the CLI cache.
    /// </summary>
    public sealed class AwsConfigFiles
    {
        private readonly Dictionary<string, Dictionary<string, string>> _profiles;

        private AwsConfigFiles(Dictionary<string, Dictionary<string, string>> profiles, string configPath, string credentialsPath)
        {
            _profiles = profiles;
            ConfigPath = configPath;
            CredentialsPath = credentialsPath;
        }

        public string ConfigPath { get; }

        public string CredentialsPath { get; }

        public IEnumerable<string> ProfileNames => _profiles.Keys.OrderBy(n => n, StringComparer.Ordinal);

        public static AwsConfigFiles Load(Func<string, string?>? environment = null)
        {
            environment ??= Environment.GetEnvironmentVariable;
            var configPath = AwsFilePaths.ConfigFile;
            var credentialsPath = AwsFilePaths.CredentialsFile;
            var profiles = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            foreach (var (name, values) in Parse(configPath, isConfig: true))
            {
                Merge(profiles, name, values);
            }

            foreach (var (name, values) in Parse(credentialsPath, isConfig: false))
            {
                Merge(profiles, name, values);
            }

            return new AwsConfigFiles(profiles, configPath, credentialsPath);
        }

        public IReadOnlyDictionary<string, string>? Find(string name) =>
            _profiles.TryGetValue(name, out var values) ? values : null;

        /// <summary>Every role_arn in the files (for tab completion of -RoleArn).</summary>
        public IEnumerable<string> RoleArns =>
            _profiles.Values.Select(p => p.TryGetValue("role_arn", out var arn) ? arn : null).Where(a => !string.IsNullOrEmpty(a)).Select(a => a!).Distinct(StringComparer.Ordinal);

        private static void Merge(Dictionary<string, Dictionary<string, string>> profiles, string name, Dictionary<string, string> values)
        {
            if (!profiles.TryGetValue(name, out var existing))
            {
                profiles[name] = existing = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            foreach (var pair in values)
            {
                existing[pair.Key] = pair.Value;
            }
        }

        private static IEnumerable<(string Name, Dictionary<string, string> Values)> Parse(string path, bool isConfig)
        {
            if (!File.Exists(path))
            {
                yield break;
            }

            string? current = null;
            Dictionary<string, string>? values = null;
            string? parentKey = null;
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.TrimEnd();
                var trimmed = line.TrimStart();
                if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';')
                {
                    continue;
                }

                if (trimmed[0] == '[')
                {
                    if (current != null)
                    {
                        yield return (current, values!);
                    }

                    current = SectionName(trimmed, isConfig);
                    values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    parentKey = null;
                    continue;
                }

                if (current == null)
                {
                    continue;
                }

                // Indented lines are sub-settings of the previous key (s3 =\n  max_concurrent_requests = 20): skipped.
                if (line.Length > 0 && char.IsWhiteSpace(line[0]) && parentKey != null)
                {
                    continue;
                }

                var eq = trimmed.IndexOf('=');
                if (eq <= 0)
                {
                    continue;
                }

                var key = trimmed.Substring(0, eq).Trim();
                var value = StripComment(trimmed.Substring(eq + 1).Trim());
                values![key] = value;
                parentKey = value.Length == 0 ? key : null;
            }

            if (current != null)
            {
                yield return (current, values!);
            }
        }

        private static string? SectionName(string header, bool isConfig)
        {
            var end = header.IndexOf(']');
            var inside = (end > 0 ? header.Substring(1, end - 1) : header.Substring(1)).Trim();
            if (!isConfig)
            {
                return inside;
            }

            if (inside == "default")
            {
                return "default";
            }

            if (inside.StartsWith("profile ", StringComparison.Ordinal) || inside.StartsWith("profile\t", StringComparison.Ordinal))
            {
                return inside.Substring(8).Trim();
            }

            // [sso-session x], [services x] and others are not profiles.
            return null;
        }

        /// <summary>A value's inline comment (" # …" or " ; …") is not part of it, as in botocore.</summary>
        private static string StripComment(string value)
        {
            for (var i = 1; i < value.Length; i++)
            {
                if ((value[i] == '#' || value[i] == ';') && char.IsWhiteSpace(value[i - 1]))
                {
                    return value.Substring(0, i).TrimEnd();
                }
            }

            return value;
        }

        private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
    }
}
