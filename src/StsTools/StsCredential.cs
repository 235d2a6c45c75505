using System;

namespace StsTools
{
    /// <summary>How a credential was obtained. Mirrors the engine's enum: kept here so that this type, which
    /// users name in scripts, lives in the default load context and never drags the engine's types with it.</summary>
    public enum StsCredentialSource
    {
        AssumeRole,
        MfaSession,
        WebIdentity,
        Saml,
        RolesAnywhere,
        Profile,
        Environment,
    }

    /// <summary>Session token scope: V1 = default regions only, V2 = every region, Unknown = cannot tell.</summary>
    public enum StsTokenVersion
    {
        Unknown,
        V1,
        V2,
    }

    /// <summary>
    /// Short-lived AWS credentials and what is known about them; what every StsTools cmdlet that obtains
    /// credentials writes, and what Set-StsEnvironment and the others take from the pipeline.
    /// The secret key and the session token never appear in ToString() or the default views.
    /// </summary>
    public sealed class StsCredential
    {
        public string AccessKeyId { get; set; } = string.Empty;
        public string SecretAccessKey { get; set; } = string.Empty;
        public string? SessionToken { get; set; }

        /// <summary>UTC.</summary>
        public DateTime Expiration { get; set; }

        public string? Region { get; set; }
        public StsCredentialSource Source { get; set; }
        public string? Arn { get; set; }
        public string? AccountId { get; set; }
        public string? SessionName { get; set; }

        /// <summary><c>global</c>, or the region of the STS endpoint that issued the credentials.</summary>
        public string? IssuedBy { get; set; }

        /// <summary>The endpoint URL that issued the credentials.</summary>
        public string? IssuedByEndpoint { get; set; }

        public StsTokenVersion TokenVersion { get; set; }
        public bool? MfaAuthenticated { get; set; }
        public string? SourceIdentity { get; set; }
        public int? PackedPolicySize { get; set; }

        /// <summary>Roles Anywhere: the subject of the certificate the session was created with.</summary>
        public string? SubjectArn { get; set; }

        /// <summary>The key id with its middle hidden (<c>ASIA…WXYZ</c>).</summary>
        public string ShortAccessKeyId =>
            AccessKeyId.Length <= 8 ? AccessKeyId : AccessKeyId.Substring(0, 4) + "…" + AccessKeyId.Substring(AccessKeyId.Length - 4);

        /// <summary>Time until expiry (zero once expired).</summary>
        public TimeSpan TimeLeft
        {
            get
            {
                var left = Expiration.ToUniversalTime() - DateTime.UtcNow;
                return left < TimeSpan.Zero ? TimeSpan.Zero : left;
            }
        }

        public bool IsExpired => Expiration.ToUniversalTime() <= DateTime.UtcNow;

        /// <summary>Never the secret or the token.</summary>
        public override string ToString() =>
            string.IsNullOrEmpty(Arn) ? $"{ShortAccessKeyId} (expires {Expiration:u})" : $"{ShortAccessKeyId} {Arn} (expires {Expiration:u})";
    }
}
