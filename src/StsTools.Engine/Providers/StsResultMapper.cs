using System;
using StsTools.Engine.Credentials;
using StsTools.Engine.Endpoints;

namespace StsTools.Engine.Providers
{
    /// <summary>An STS answer's credentials as TemporaryCredentials, with who issued them and the token's scope.</summary>
    internal static class StsResultMapper
    {
        public static TemporaryCredentials Map(Amazon.SecurityToken.Model.Credentials c, ServiceEndpoint servedBy, string region, CredentialSource source)
        {
            var expiration = c.Expiration.HasValue ? DateTime.SpecifyKind(c.Expiration.Value.ToUniversalTime(), DateTimeKind.Utc) : DateTime.UtcNow.AddHours(1);
            return new TemporaryCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken, expiration)
            {
                Region = region,
                Source = source,
                IssuedBy = servedBy.IssuedBy,
                IssuedByEndpoint = servedBy.Url.ToString(),
                TokenVersion = TokenVersionOf(servedBy, c.SessionToken),
            };
        }

        /// <summary>Regional endpoints always issue tokens valid everywhere (FACTS §1); the global endpoint's depend on
        /// the account setting, which the token's prefix hints at.</summary>
        public static TokenVersion TokenVersionOf(ServiceEndpoint servedBy, string? sessionToken) =>
            servedBy.IsGlobal ? TokenVersionHint.FromToken(sessionToken) : TokenVersion.V2;

        public static string? AccountOf(string? arn)
        {
            var parts = arn?.Split(':');
            return parts != null && parts.Length > 4 && parts[4].Length == 12 ? parts[4] : null;
        }

        /// <summary>The session name from an assumed-role ARN (…:assumed-role/Role/session).</summary>
        public static string? SessionNameOf(string? arn)
        {
            if (arn == null)
            {
                return null;
            }

            var slash = arn.LastIndexOf('/');
            return arn.Contains(":assumed-role/") && slash > 0 ? arn.Substring(slash + 1) : null;
        }
    }
}
