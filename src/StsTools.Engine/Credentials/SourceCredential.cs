using System;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Credentials
{
    /// <summary>
    /// The credentials a call is signed with (CMDLETS.md: -Credential, -ProfileName, else the SDK's default chain),
    /// and what matters about them: the key id (cache keys, messages), whether they are a role session (the 1-hour
    /// chaining limit) and whether MFA was used.
    /// </summary>
    public sealed class SourceCredential
    {
        private SourceCredential(AWSCredentials aws, string description, string? accessKeyId, bool isRoleSession, bool mfaAuthenticated, bool hasSessionToken, string? region)
        {
            Aws = aws;
            Description = description;
            AccessKeyId = accessKeyId;
            IsRoleSession = isRoleSession;
            MfaAuthenticated = mfaAuthenticated;
            HasSessionToken = hasSessionToken;
            Region = region;
        }

        public AWSCredentials Aws { get; }

        /// <summary>For -Verbose: where the credentials came from and the shortened key id.</summary>
        public string Description { get; }

        public string? AccessKeyId { get; }

        public bool IsRoleSession { get; }

        public bool MfaAuthenticated { get; }

        public bool HasSessionToken { get; }

        /// <summary>A region the source suggests (the credential's or the profile's), used when none was given.</summary>
        public string? Region { get; }

        public static SourceCredential FromTemporary(TemporaryCredentials c, string origin)
        {
            if (c.Expiration <= DateTime.UtcNow)
            {
                throw new StsToolsException("SourceCredentialExpired", ErrorKind.InvalidData,
                    $"The source credential {TemporaryCredentials.ShortenKeyId(c.AccessKeyId)} expired at {c.Expiration:u}.")
                { Remedy = "Get new source credentials first.", Target = TemporaryCredentials.ShortenKeyId(c.AccessKeyId) };
            }

            AWSCredentials aws = c.SessionToken == null
                ? new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey)
                : new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
            var roleSession = IsRole(c.Source, c.Arn);
            return new SourceCredential(aws, $"{origin} {TemporaryCredentials.ShortenKeyId(c.AccessKeyId)}{(c.Arn == null ? "" : " (" + c.Arn + ")")}",
                c.AccessKeyId, roleSession, c.MfaAuthenticated == true, c.SessionToken != null, c.Region);
        }

        /// <summary>AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN of this process.</summary>
        public static SourceCredential? FromEnvironment(Func<string, string?> environment)
        {
            var keyId = environment("AWS_ACCESS_KEY_ID");
            var secret = environment("AWS_SECRET_ACCESS_KEY");
            if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret))
            {
                return null;
            }

            var token = environment("AWS_SESSION_TOKEN");
            if (string.IsNullOrEmpty(token))
            {
                token = environment("AWS_SECURITY_TOKEN");
            }

            var c = CredentialValidation.Create(keyId, secret, token, null);
            var region = environment("AWS_REGION");
            c.Region = string.IsNullOrEmpty(region) ? environment("AWS_DEFAULT_REGION") : region;
            // Environment keys with a token are most likely a role session (CI, another tool); AWS decides the
            // chaining limit, so only an explicit assumed-role credential is treated as chained up front.
            var s = FromTemporary(c, "environment variables");
            return new SourceCredential(s.Aws, s.Description, s.AccessKeyId, false, false, s.HasSessionToken, c.Region);
        }

        /// <summary>The SDK's default chain (environment, shared files, container, instance metadata).</summary>
        public static SourceCredential FromDefaultChain()
        {
            AWSCredentials aws;
            try
            {
                aws = DefaultAWSCredentialsIdentityResolver.GetCredentials();
            }
            catch (AmazonClientException e)
            {
                throw new StsToolsException("NoSourceCredentials", ErrorKind.AuthenticationError,
                    "No AWS credentials were found to sign the call: give -Credential, -ProfileName, or set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.", e)
                { Remedy = "Pass -Credential (an StsCredential) or -ProfileName, or set the AWS_* environment variables." };
            }

            string? keyId = null;
            var hasToken = false;
            try
            {
                var immutable = aws.GetCredentials();
                keyId = immutable.AccessKey;
                hasToken = immutable.UseToken;
            }
            catch (AmazonClientException e)
            {
                throw new StsToolsException("NoSourceCredentials", ErrorKind.AuthenticationError,
                    "The AWS SDK's default credential chain found no usable credentials: " + e.Message, e);
            }

            return new SourceCredential(aws, $"the AWS SDK's default chain ({aws.GetType().Name}) {TemporaryCredentials.ShortenKeyId(keyId)}", keyId, false, false, hasToken, null);
        }

        /// <summary>Long-term keys from a profile (aws_access_key_id…), optionally with a session token.</summary>
        public static SourceCredential FromProfileKeys(string profile, string accessKeyId, string secretAccessKey, string? sessionToken, string? region)
        {
            var c = CredentialValidation.Create(accessKeyId, secretAccessKey, sessionToken, null);
            AWSCredentials aws = sessionToken == null
                ? new BasicAWSCredentials(accessKeyId, secretAccessKey)
                : new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken);
            return new SourceCredential(aws, $"profile '{profile}' {TemporaryCredentials.ShortenKeyId(c.AccessKeyId)}", accessKeyId, false, false, sessionToken != null, region);
        }

        /// <summary>Credentials of another kind that the SDK resolves (instance metadata, container).</summary>
        public static SourceCredential FromSdk(AWSCredentials aws, string description, string? region) =>
            new SourceCredential(aws, description, null, false, false, true, region);

        /// <summary>The keys themselves, for the module's own signed clients (IAM, Account, EC2, the STS probe), which
        /// sign with <see cref="TemporaryCredentials"/>. Refreshing SDK credentials are read once, which is enough for
        /// the few calls of one command.</summary>
        public TemporaryCredentials ToTemporary(CredentialSource source)
        {
            ImmutableCredentials keys;
            try
            {
                keys = Aws.GetCredentials();
            }
            catch (AmazonClientException e)
            {
                throw new StsToolsException("NoSourceCredentials", ErrorKind.AuthenticationError,
                    $"The credentials of {Description} could not be read: " + e.Message, e);
            }

            var c = CredentialValidation.Create(keys.AccessKey, keys.SecretKey, keys.UseToken ? keys.Token : null, null);
            c.Source = source;
            c.Region = Region;
            return c;
        }

        internal static bool IsRole(CredentialSource source, string? arn) =>
            (arn != null && arn.IndexOf(":assumed-role/", StringComparison.Ordinal) >= 0)
            || source == CredentialSource.AssumeRole || source == CredentialSource.WebIdentity
            || source == CredentialSource.Saml || source == CredentialSource.RolesAnywhere;
    }
}
