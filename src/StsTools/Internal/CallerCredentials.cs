using System;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;

namespace StsTools.Internal
{
    /// <summary>
    /// Whose credentials sign the module's own IAM/Account/EC2 calls (Get-/Set-StsTokenVersion, Get-StsRegion -Live,
    /// Test-StsRegionCompatibility without a credential): -Credential when given, else the AWS_* environment variables.
    /// The one place to swap in profile-aware resolution (AWS_PROFILE, SSO, …) later.
    /// </summary>
    internal static class CallerCredentials
    {
        internal static TemporaryCredentials Resolve(StsCredential? credential)
        {
            var resolved = credential != null ? CredentialMapper.ToEngine(credential) : FromEnvironment() ?? throw new StsToolsException("NoCallerCredentials", ErrorKind.ObjectNotFound,
                "No credentials to call AWS with: pass -Credential (e.g. from Invoke-StsAssumeRole or ConvertTo-StsCredential), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (Set-StsEnvironment does).");
            return resolved;
        }

        /// <summary><see cref="Resolve"/>, refusing an expired credential (for calls that can only fail with it).</summary>
        internal static TemporaryCredentials ResolveUnexpired(StsCredential? credential) => EnsureNotExpired(Resolve(credential));

        /// <summary>An expired credential is refused before any call (AWS would only answer ExpiredToken), with the id
        /// Set-StsEnvironment uses for the same mistake.</summary>
        internal static TemporaryCredentials EnsureNotExpired(TemporaryCredentials c)
        {
            if (c.Expiration <= DateTime.UtcNow)
            {
                throw new StsToolsException("ExpiredCredential", ErrorKind.InvalidData,
                    $"The credential {TemporaryCredentials.ShortenKeyId(c.AccessKeyId)} expired at {c.Expiration:u}; AWS would refuse it.")
                { Remedy = "Get new credentials first (run the command that produced them again).", Target = TemporaryCredentials.ShortenKeyId(c.AccessKeyId) };
            }

            return c;
        }

        /// <summary>The account the credentials belong to: known already, else asked of STS (GetCallerIdentity needs no
        /// permission). Null when STS cannot say; never fails the caller.</summary>
        internal static string? AccountId(TemporaryCredentials credentials, EngineCall call, System.Threading.CancellationToken cancel, Action<string> verbose)
        {
            if (credentials.AccountId != null)
            {
                return credentials.AccountId;
            }

            try
            {
                var region = credentials.Region is { Length: > 0 } r && r != Engine.Endpoints.EndpointResolver.GlobalRegion ? r : "us-east-1";
                var arn = call.Run(c => new Engine.Aws.StsProbe(call.Options).GetCallerIdentityAsync(credentials, region, false, c), cancel, verbose);
                var parts = arn?.Split(':');
                return parts != null && parts.Length > 4 && parts[4].Length == 12 ? parts[4] : null;
            }
            catch (StsToolsException e)
            {
                verbose($"The credentials' account could not be read ({e.ErrorId}).");
                return null;
            }
        }

        /// <summary>The AWS_* variables of this process, checked; null when AWS_ACCESS_KEY_ID is not set.</summary>
        internal static TemporaryCredentials? FromEnvironment()
        {
            string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
            var keyId = Env("AWS_ACCESS_KEY_ID");
            if (keyId == null)
            {
                return null;
            }

            DateTime? expiration = null;
            if (Env("AWS_CREDENTIAL_EXPIRATION") is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                expiration = parsed.UtcDateTime;
            }

            var c = CredentialValidation.Create(keyId, Env("AWS_SECRET_ACCESS_KEY"), Env("AWS_SESSION_TOKEN") ?? Env("AWS_SECURITY_TOKEN"), expiration);
            c.Source = CredentialSource.Environment;
            c.Region = Env("AWS_REGION") ?? Env("AWS_DEFAULT_REGION");
            return c;
        }
    }
}
