using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Amazon.Runtime;
using StsTools.Engine.Caching;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Providers;

namespace StsTools.Engine.Profiles
{
    /// <summary>One role hop of a profile chain: the profile that names the role and its AssumeRole parameters.</summary>
    public sealed class RoleHop
    {
        public RoleHop(string profileName, AssumeRoleSpec spec, bool hasVaultExtras)
        {
            ProfileName = profileName;
            Spec = spec;
            HasVaultExtras = hasVaultExtras;
        }

        public string ProfileName { get; }

        public AssumeRoleSpec Spec { get; }

        /// <summary>aws-vault's session_tags / transitive_session_tags / source_identity, which the AWS CLI ignores:
        /// such hops are not cached in the CLI's cache (its key could not tell them apart).</summary>
        public bool HasVaultExtras { get; }

        /// <summary>The AWS CLI's cache key for this hop (FACTS §6).</summary>
        public string CliCacheKey => Caching.CliCacheKey.For(Spec.RoleArn, Spec.RoleSessionName, Spec.ExternalId, Spec.SerialNumber, Spec.DurationSeconds);
    }

    /// <summary>
    /// A profile resolved the way the AWS CLI does (botocore's AssumeRoleProvider): from the credentials at the base
    /// (static keys, or credential_source) up through each role_arn/source_profile hop to the profile asked for.
    /// Static keys in a source profile win over its role_arn; a profile may name itself as source_profile to use
    /// its own keys; any other repeat is a loop, reported with the whole chain.
    /// </summary>
    public sealed class RoleProfileChain
    {
        private RoleProfileChain(string profileName, string? region, Func<SourceCredential> baseCredential, string baseDescription, IReadOnlyList<RoleHop> hops)
        {
            ProfileName = profileName;
            Region = region;
            BaseCredential = baseCredential;
            BaseDescription = baseDescription;
            Hops = hops;
        }

        public string ProfileName { get; }

        /// <summary>The profile's region (or the first one found down the chain).</summary>
        public string? Region { get; }

        /// <summary>Resolves the base credentials (called only when a hop really needs them).</summary>
        public Func<SourceCredential> BaseCredential { get; }

        public string BaseDescription { get; }

        /// <summary>From the base outwards; empty when the profile holds keys itself.</summary>
        public IReadOnlyList<RoleHop> Hops { get; }

        public bool IsRoleProfile => Hops.Count > 0;

        public static RoleProfileChain Resolve(AwsConfigFiles files, string profileName, Func<string, string?>? environment = null)
        {
            environment ??= Environment.GetEnvironmentVariable;
            var hops = new List<RoleHop>();
            var visited = new List<string>();
            string? region = null;
            var current = profileName;
            while (true)
            {
                var profile = files.Find(current);
                if (profile == null)
                {
                    throw visited.Count == 0
                        ? new StsToolsException("ProfileNotFound", ErrorKind.ObjectNotFound,
                            $"There is no profile '{current}' in {files.ConfigPath} or {files.CredentialsPath}.")
                        { Target = current, Remedy = "Check the name (tab completion lists the profiles), or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE." }
                        : new StsToolsException("SourceProfileNotFound", ErrorKind.ObjectNotFound,
                            $"Profile '{visited.Last()}' names source_profile '{current}', which does not exist in {files.ConfigPath} or {files.CredentialsPath}.")
                        { Target = current };
                }

                region ??= Value(profile, "region");
                var hasStatic = profile.ContainsKey("aws_access_key_id") || profile.ContainsKey("aws_secret_access_key");
                var roleArn = Value(profile, "role_arn");

                // A source profile with keys is used for its keys, whatever else it says (botocore does the same).
                if (visited.Count > 0 && hasStatic)
                {
                    return Done(StaticBase(profile, current, region), $"keys of profile '{current}'");
                }

                if (roleArn == null)
                {
                    if (hasStatic)
                    {
                        return Done(StaticBase(profile, current, region), $"keys of profile '{current}'");
                    }

                    throw new StsToolsException(visited.Count == 0 ? "ProfileHasNoCredentials" : "SourceProfileHasNoCredentials", ErrorKind.InvalidData,
                        $"Profile '{current}' has neither aws_access_key_id/aws_secret_access_key nor role_arn{(visited.Count == 0 ? "" : " (it is the source_profile of '" + visited.Last() + "')")}.")
                    { Target = current };
                }

                hops.Insert(0, HopOf(current, profile, roleArn));
                var sourceProfile = Value(profile, "source_profile");
                var credentialSource = Value(profile, "credential_source");
                if (sourceProfile != null && credentialSource != null)
                {
                    throw new StsToolsException("ProfileSourceConflict", ErrorKind.InvalidData,
                        $"Profile '{current}' has both source_profile and credential_source; the AWS CLI refuses that too. Keep one.")
                    { Target = current };
                }

                if (credentialSource != null)
                {
                    return Done(CredentialSourceBase(credentialSource, current, environment, region), $"credential_source {credentialSource} of profile '{current}'");
                }

                if (sourceProfile == null)
                {
                    throw new StsToolsException("ProfileMissingSource", ErrorKind.InvalidData,
                        $"Profile '{current}' has role_arn but neither source_profile nor credential_source: nothing to sign the AssumeRole call with.")
                    { Target = current };
                }

                if (sourceProfile == current)
                {
                    if (hasStatic)
                    {
                        return Done(StaticBase(profile, current, region), $"keys of profile '{current}'");
                    }

                    throw Loop(visited.Concat(new[] { current, current }));
                }

                visited.Add(current);
                if (visited.Contains(sourceProfile))
                {
                    throw Loop(visited.Concat(new[] { sourceProfile }));
                }

                current = sourceProfile;
            }

            RoleProfileChain Done(Func<SourceCredential> @base, string description) =>
                new RoleProfileChain(profileName, region, @base, description, hops);
        }

        private static StsToolsException Loop(IEnumerable<string> chain) =>
            new StsToolsException("ProfileSourceLoop", ErrorKind.InvalidData,
                $"The profiles' source_profile settings go round in a loop: {string.Join(" → ", chain)}.")
            { Remedy = "Make one profile in the chain hold keys (aws_access_key_id) or use credential_source.", Target = chain.First() };

        private static RoleHop HopOf(string name, IReadOnlyDictionary<string, string> profile, string roleArn)
        {
            int? duration = null;
            var durationText = Value(profile, "duration_seconds");
            if (durationText != null)
            {
                if (!int.TryParse(durationText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d))
                {
                    throw new StsToolsException("InvalidProfileValue", ErrorKind.InvalidData,
                        $"Profile '{name}': duration_seconds '{durationText}' is not a whole number of seconds.")
                    { Target = name };
                }

                duration = d;
            }

            var spec = new AssumeRoleSpec
            {
                RoleArn = roleArn,
                RoleSessionName = Value(profile, "role_session_name"),
                ExternalId = Value(profile, "external_id"),
                SerialNumber = Value(profile, "mfa_serial"),
                DurationSeconds = duration,
                SourceIdentity = Value(profile, "source_identity"),
            };
            var tags = Value(profile, "session_tags");
            if (tags != null)
            {
                foreach (var pair in tags.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=');
                    if (eq <= 0)
                    {
                        throw new StsToolsException("InvalidProfileValue", ErrorKind.InvalidData,
                            $"Profile '{name}': session_tags must be key=value pairs separated by commas (aws-vault's format).")
                        { Target = name };
                    }

                    spec.Tags[pair.Substring(0, eq).Trim()] = pair.Substring(eq + 1).Trim();
                }
            }

            var transitive = Value(profile, "transitive_session_tags");
            if (transitive != null)
            {
                spec.TransitiveTagKeys = transitive.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(k => k.Trim()).ToList();
            }

            try
            {
                spec.Validate(chained: false);
            }
            catch (StsToolsException e)
            {
                throw new StsToolsException(e.ErrorId, e.Kind, $"Profile '{name}': {e.Message}") { Target = e.Target };
            }

            return new RoleHop(name, spec, tags != null || transitive != null || spec.SourceIdentity != null);
        }

        private static Func<SourceCredential> StaticBase(IReadOnlyDictionary<string, string> profile, string name, string? region)
        {
            var keyId = Value(profile, "aws_access_key_id");
            var secret = Value(profile, "aws_secret_access_key");
            if (keyId == null || secret == null)
            {
                throw new StsToolsException("ProfileIncompleteKeys", ErrorKind.InvalidData,
                    $"Profile '{name}' has only one of aws_access_key_id and aws_secret_access_key.")
                { Target = name };
            }

            var token = Value(profile, "aws_session_token") ?? Value(profile, "aws_security_token");
            return () => SourceCredential.FromProfileKeys(name, keyId, secret, token, region);
        }

        private static Func<SourceCredential> CredentialSourceBase(string source, string name, Func<string, string?> environment, string? region)
        {
            switch (source)
            {
                case "Environment":
                    return () => SourceCredential.FromEnvironment(environment)
                        ?? throw new StsToolsException("CredentialSourceEnvironmentEmpty", ErrorKind.ObjectNotFound,
                            $"Profile '{name}' has credential_source = Environment, but AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set.")
                        { Target = name };
                case "Ec2InstanceMetadata":
                    return () => SourceCredential.FromSdk(new InstanceProfileAWSCredentials(), "EC2 instance metadata", region);
                case "EcsContainer":
                    return () => SourceCredential.FromSdk(new GenericContainerCredentials(), "the ECS container credentials endpoint", region);
                default:
                    throw new StsToolsException("InvalidCredentialSource", ErrorKind.InvalidData,
                        $"Profile '{name}': credential_source '{source}' is not one of Environment, Ec2InstanceMetadata, EcsContainer.")
                    { Target = name };
            }
        }

        private static string? Value(IReadOnlyDictionary<string, string> profile, string key) =>
            profile.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
    }
}
