using System;

namespace StsTools.Engine.Credentials
{
    /// <summary>
    /// The engine's view of a set of short-lived credentials and what is known about them. The cmdlets turn it
    /// into StsTools.StsCredential; this type stays inside the engine's load context.
    /// </summary>
    public sealed class TemporaryCredentials
    {
        public TemporaryCredentials(string accessKeyId, string secretAccessKey, string? sessionToken, DateTime expiration)
        {
            AccessKeyId = accessKeyId ?? throw new ArgumentNullException(nameof(accessKeyId));
            SecretAccessKey = secretAccessKey ?? throw new ArgumentNullException(nameof(secretAccessKey));
            SessionToken = sessionToken;
            Expiration = expiration.Kind == DateTimeKind.Utc ? expiration : expiration.ToUniversalTime();
        }

        public string AccessKeyId { get; }
        public string SecretAccessKey { get; }
        public string? SessionToken { get; }
        public DateTime Expiration { get; }
        public string? Region { get; set; }
        public CredentialSource Source { get; set; }
        public string? Arn { get; set; }
        public string? AccountId { get; set; }
        public string? SessionName { get; set; }

        /// <summary><c>global</c>, or the region of the STS endpoint that issued the credentials.</summary>
        public string? IssuedBy { get; set; }

        /// <summary>The URL of the endpoint that issued the credentials.</summary>
        public string? IssuedByEndpoint { get; set; }

        public TokenVersion TokenVersion { get; set; }
        public bool? MfaAuthenticated { get; set; }
        public string? SourceIdentity { get; set; }
        public int? PackedPolicySize { get; set; }
        public string? SubjectArn { get; set; }

        public bool IsExpired(DateTime utcNow) => Expiration <= utcNow;

        /// <summary>The key id with its middle hidden: enough to tell keys apart, never a secret.</summary>
        public static string ShortenKeyId(string? accessKeyId) =>
            string.IsNullOrEmpty(accessKeyId) || accessKeyId!.Length <= 8
                ? accessKeyId ?? string.Empty
                : accessKeyId.Substring(0, 4) + "…" + accessKeyId.Substring(accessKeyId.Length - 4);

        /// <summary>Never the secret or the token.</summary>
        public override string ToString() => $"{ShortenKeyId(AccessKeyId)} {Arn} (expires {Expiration:u})".Trim();
    }
}
