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
            if (credential != null)
            {
                return CredentialMapper.ToEngine(credential);
            }

            return FromEnvironment() ?? throw new StsToolsException("NoCallerCredentials", ErrorKind.ObjectNotFound,
                "No credentials to call AWS with: pass -Credential (e.g. from Invoke-StsAssumeRole or ConvertTo-StsCredential), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (Set-StsEnvironment does).");
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
