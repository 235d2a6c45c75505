using System;
using System.Collections.Generic;
using System.Globalization;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Exporters
{
    /// <summary>
    /// The environment variables a credential becomes, in the order they are written (FACTS §7). A null value
    /// means "remove": long-term keys must not travel with a stale session token from an earlier run.
    /// </summary>
    public static class ExportedVariables
    {
        public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
        public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
        public const string SessionToken = "AWS_SESSION_TOKEN";
        public const string SecurityToken = "AWS_SECURITY_TOKEN";
        public const string Expiration = "AWS_CREDENTIAL_EXPIRATION";
        public const string Region = "AWS_REGION";
        public const string DefaultRegion = "AWS_DEFAULT_REGION";
        public const string Profile = "AWS_PROFILE";
        public const string DefaultProfile = "AWS_DEFAULT_PROFILE";

        /// <summary>Every variable Set-StsEnvironment may write; what Clear-StsEnvironment removes.</summary>
        public static IReadOnlyList<string> All { get; } = new[] { AccessKeyId, SecretAccessKey, SessionToken, SecurityToken, Expiration, Region, DefaultRegion };

        /// <summary>Names whose values are secrets: masked in CI logs, never printed by the cmdlets.</summary>
        public static bool IsSecret(string name) => name == SecretAccessKey || name == SessionToken || name == SecurityToken;

        public static IReadOnlyList<KeyValuePair<string, string?>> For(TemporaryCredentials c)
        {
            var variables = new List<KeyValuePair<string, string?>>
            {
                Pair(AccessKeyId, c.AccessKeyId),
                Pair(SecretAccessKey, c.SecretAccessKey),
                Pair(SessionToken, c.SessionToken),
            };
            if (c.SessionToken == null)
            {
                // botocore falls back to the legacy name: a stale one would pair an old token with the new keys.
                variables.Add(Pair(SecurityToken, null));
            }

            variables.Add(Pair(Expiration, FormatExpiration(c)));
            if (!string.IsNullOrEmpty(c.Region))
            {
                variables.Add(Pair(Region, c.Region));
                variables.Add(Pair(DefaultRegion, c.Region));
            }

            return variables;
        }

        /// <summary>RFC 3339 UTC (<c>2026-11-23T12:00:00Z</c>), or null for credentials that do not expire.</summary>
        public static string? FormatExpiration(TemporaryCredentials c) =>
            c.Expiration >= DateTime.MaxValue.AddDays(-1) ? null : c.Expiration.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>
        /// Refuses credentials that cannot be exported safely: expired ones, and values with control characters
        /// (a newline in a value would inject lines into a file, a script or a CI log).
        /// </summary>
        public static void EnsureExportable(TemporaryCredentials c, DateTime utcNow)
        {
            if (c.IsExpired(utcNow))
            {
                throw new StsToolsException("ExpiredCredential", ErrorKind.InvalidData,
                    $"The credential {TemporaryCredentials.ShortenKeyId(c.AccessKeyId)} expired at {c.Expiration:u}; an expired credential is not exported.")
                {
                    Target = TemporaryCredentials.ShortenKeyId(c.AccessKeyId),
                    Remedy = "Get new credentials (Invoke-StsAssumeRole, Get-StsMfaSession, …) and pipe those.",
                };
            }

            foreach (var variable in For(c))
            {
                if (variable.Value != null && HasControlCharacter(variable.Value))
                {
                    throw new StsToolsException("InvalidCredentialValue", ErrorKind.InvalidData,
                        $"The value for {variable.Key} contains a line break or another control character; AWS credentials never do.")
                    { Target = variable.Key };
                }
            }
        }

        private static bool HasControlCharacter(string value)
        {
            foreach (var ch in value)
            {
                if (char.IsControl(ch))
                {
                    return true;
                }
            }

            return false;
        }

        private static KeyValuePair<string, string?> Pair(string name, string? value) => new KeyValuePair<string, string?>(name, value);
    }
}
