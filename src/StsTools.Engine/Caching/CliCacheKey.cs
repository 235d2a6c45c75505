using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace StsTools.Engine.Caching
{
    /// <summary>
    /// The AWS CLI's cache file name for an assume-role profile (FACTS §6): SHA-1 hex of Python's
    /// <c>json.dumps(args, sort_keys=True)</c> over RoleArn and whichever of RoleSessionName (only when the profile
    /// sets it), ExternalId, SerialNumber, DurationSeconds the profile sets. Written by hand because the key must be
    /// byte-identical to Python's output (", " and ": " separators, \uXXXX for non-ASCII).
    /// </summary>
    public static class CliCacheKey
    {
        public static string For(string roleArn, string? roleSessionName, string? externalId, string? serialNumber, int? durationSeconds)
        {
            var args = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["RoleArn"] = roleArn };
            if (roleSessionName != null) args["RoleSessionName"] = roleSessionName;
            if (externalId != null) args["ExternalId"] = externalId;
            if (serialNumber != null) args["SerialNumber"] = serialNumber;
            if (durationSeconds != null) args["DurationSeconds"] = durationSeconds.Value;
            return Hash(PythonJson(args));
        }

        /// <summary>Python's json.dumps with sort_keys=True and default separators, for flat string/int maps.</summary>
        public static string PythonJson(IEnumerable<KeyValuePair<string, object>> sorted)
        {
            var text = new StringBuilder("{");
            var first = true;
            foreach (var pair in sorted.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!first) text.Append(", ");
                first = false;
                AppendString(text, pair.Key);
                text.Append(": ");
                if (pair.Value is int i)
                {
                    text.Append(i.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    AppendString(text, Convert.ToString(pair.Value, CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }

            return text.Append('}').ToString();
        }

        public static string Hash(string text)
        {
            using var sha1 = SHA1.Create();
            var hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(text));
            var hex = new StringBuilder(hash.Length * 2);
            foreach (var b in hash) hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return hex.ToString().Replace(':', '_').Replace('/', '_').Replace('\\', '_');
        }

        private static void AppendString(StringBuilder text, string value)
        {
            text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    case '\b': text.Append("\\b"); break;
                    case '\f': text.Append("\\f"); break;
                    default:
                        if (c < 0x20 || c > 0x7e)
                        {
                            text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }

                        break;
                }
            }

            text.Append('"');
        }
    }
}
