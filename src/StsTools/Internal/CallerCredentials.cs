using System;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Profiles;

namespace StsTools.Internal
{
    /// <summary>
    /// Whose credentials sign the module's own IAM/Account/EC2/STS calls (Get-/Set-StsTokenVersion, Get-StsRegion -Live,
    /// Test-StsRegionCompatibility without a credential), in the order the acquisition cmdlets and the AWS CLI use:
    /// -Credential, -ProfileName, the AWS_* keys, AWS_PROFILE, the [default] profile, then the rest of the SDK's chain.
    /// </summary>
    internal static class CallerCredentials
    {
        /// <summary>Chooses the source without sending anything; bad names and missing profiles fail here.</summary>
        internal static CallerSource Choose(TemporaryCredentials? given, string? profileName)
        {
            ProfileArguments.RefuseBoth(given != null, profileName);

            if (given != null)
            {
                return CallerSource.Given(given, "-Credential");
            }

            if (profileName != null)
            {
                return CallerSource.Profile(ProfileArguments.Resolve(profileName), "profile");
            }

            if (FromEnvironment() is { } environment)
            {
                return CallerSource.Given(environment, "the AWS_* environment variables");
            }

            // As the AWS CLI and SDKs: AWS_PROFILE names the profile (and must exist); else [default] when there is one.
            // A profile with neither keys nor role_arn (only region, or sso_*/credential_process, which the SDK resolves)
            // is left to the SDK's chain, which reads AWS_PROFILE itself: [default] often holds just a region.
            var named = Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 } n ? n : null;
            if (named != null)
            {
                ProfileArguments.Check(named);
            }

            var files = AwsConfigFiles.Load();
            var implicitName = named ?? "default";
            var profile = files.Find(implicitName);
            if (profile == null && named != null)
            {
                RoleProfileChain.Resolve(files, named); // ProfileNotFound, with the files' paths
            }

            if (profile != null && (profile.ContainsKey("aws_access_key_id") || profile.ContainsKey("role_arn")))
            {
                return CallerSource.Profile(RoleProfileChain.Resolve(files, implicitName), named != null ? "AWS_PROFILE profile" : "profile");
            }

            return CallerSource.DefaultChain();
        }

        /// <summary>Nothing anywhere to sign with (the SDK's chain found nothing either).</summary>
        internal static StsToolsException NoCallerCredentials(Exception? cause = null) =>
            new StsToolsException("NoCallerCredentials", ErrorKind.ObjectNotFound,
                "No credentials to call AWS with: pass -Credential (e.g. from Invoke-StsAssumeRole or ConvertTo-StsCredential) or -ProfileName, " +
                "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (Set-StsEnvironment does), or AWS_PROFILE, or add a [default] profile.", cause);

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
