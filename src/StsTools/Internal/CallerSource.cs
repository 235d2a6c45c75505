using System;
using System.Management.Automation.Host;
using System.Threading;
using StsTools.Engine.Caching;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Profiles;
using StsTools.Engine.Providers;
using StsTools.Engine.Sts;

namespace StsTools.Internal
{
    /// <summary>
    /// The credentials chosen to sign the caller cmdlets' own calls, before any is sent: keys at hand (-Credential, the
    /// environment, a profile's keys), or a way to get them that needs the network — a role profile's AssumeRole chain
    /// (Invoke-StsAssumeRole -ProfileName's engine, caches and MFA prompt), or the SDK's default chain — run only by
    /// <see cref="Resolve"/>, so -WhatIf can stop before it.
    /// </summary>
    internal sealed class CallerSource
    {
        private readonly RoleProfileChain? _roleProfile;

        private CallerSource(string description, TemporaryCredentials? known, RoleProfileChain? roleProfile)
        {
            Description = description;
            Known = known;
            _roleProfile = roleProfile;
        }

        /// <summary>For messages and -WhatIf: where the credentials come from, never a secret.</summary>
        internal string Description { get; }

        /// <summary>The credentials when no call is needed to get them; null for a role profile or the SDK's chain.</summary>
        internal TemporaryCredentials? Known { get; }

        /// <summary>The account the calls will act on when it is known without a call: the credential's, or the account
        /// of the role a role profile names.</summary>
        internal string? AccountId =>
            Known?.AccountId ?? (_roleProfile == null ? null : AccountOf(_roleProfile.Hops[_roleProfile.Hops.Count - 1].Spec.RoleArn));

        internal static CallerSource Given(TemporaryCredentials credentials, string origin) =>
            new CallerSource($"{origin} {TemporaryCredentials.ShortenKeyId(credentials.AccessKeyId)}", credentials, null);

        /// <summary>A profile's keys are read now (files only); a role profile's role is assumed in <see cref="Resolve"/>.</summary>
        internal static CallerSource Profile(RoleProfileChain chain, string origin)
        {
            if (chain.IsRoleProfile)
            {
                var role = chain.Hops[chain.Hops.Count - 1].Spec.RoleArn;
                return new CallerSource($"{origin} '{chain.ProfileName}' (role {role}, from {chain.BaseDescription})", null, chain);
            }

            var keys = chain.BaseCredential().ToTemporary(CredentialSource.Profile);
            keys.Region = Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION") ?? chain.Region;
            return new CallerSource($"{origin} '{chain.ProfileName}' {TemporaryCredentials.ShortenKeyId(keys.AccessKeyId)}", keys, null);
        }

        /// <summary>The rest of the SDK's default chain (web identity, containers, instance metadata), asked only in <see cref="Resolve"/>.</summary>
        internal static CallerSource DefaultChain() => new CallerSource("the AWS SDK's default credential chain", null, null);

        /// <summary>The credentials, getting them if needed through <paramref name="call"/> (its pump answers an MFA
        /// prompt on the pipeline thread while this thread waits).</summary>
        internal TemporaryCredentials Resolve(EngineCall call, PSHost host, CancellationToken cancel, Action<string> verbose)
        {
            if (Known != null)
            {
                verbose($"Calling AWS with {Description}.");
                return Known;
            }

            if (_roleProfile != null)
            {
                var (provider, region) = RoleProvider(_roleProfile, call, host);
                verbose($"Calling AWS with {Description}: assuming the role (or reusing its cached session).");
                var log = call.Log;
                var session = call.Run(ct =>
                {
                    StsDiagnostics.Use(log);
                    return provider.GetCredentialsAsync(ct);
                }, cancel, verbose);
                session.Region ??= region;
                return session;
            }

            var found = call.Run(_ =>
            {
                try
                {
                    return System.Threading.Tasks.Task.FromResult(SourceCredential.FromDefaultChain().ToTemporary(CredentialSource.Profile));
                }
                catch (StsToolsException e) when (e.ErrorId == "NoSourceCredentials")
                {
                    throw CallerCredentials.NoCallerCredentials(e);
                }
            }, cancel, verbose);
            verbose($"Calling AWS with {Description} {TemporaryCredentials.ShortenKeyId(found.AccessKeyId)}.");
            return found;
        }

        /// <summary>For -Offline, which calls nothing: the keys at hand, or the role profile's cached session.</summary>
        internal TemporaryCredentials ResolveOffline(EngineCall call, PSHost host, Action<string> verbose)
        {
            var found = Known;
            if (found == null && _roleProfile != null)
            {
                var (provider, region) = RoleProvider(_roleProfile, call, host);
                found = provider.TryCached();
                if (found != null)
                {
                    found.Region ??= region;
                }
            }

            if (found == null)
            {
                throw new StsToolsException("OfflineNeedsCredential", ErrorKind.InvalidOperation,
                    $"-Offline calls nothing, and {Description} gives no credential without a call (no cached role session).")
                { Remedy = "Run without -Offline, or get the session first (Invoke-StsAssumeRole -ProfileName caches it) and pipe it." };
            }

            verbose($"Testing {Description} offline.");
            return found;
        }

        private static (ProfileChainProvider Provider, string Region) RoleProvider(RoleProfileChain chain, EngineCall call, PSHost host)
        {
            var endpoints = new StsEndpointOptions
            {
                Region = StsEndpointOptions.ResolveRegion(null, chain.Region),
                EndpointUrl = call.Options.EndpointUrl, // -EndpointUrl is every service's endpoint here, STS's too
            };
            endpoints.Plan();
            var prompt = TokenCodePrompter.OnPipelineThread(host, call.Pump, serial => TokenCodeRequired(chain.ProfileName, serial));
            return (ProfileChainProvider.WithSharedCaches(chain, endpoints, CacheMode.Use, prompt, null), endpoints.Region);
        }

        /// <summary>Same id as Invoke-StsAssumeRole's, with the remedy these cmdlets allow (they take no -TokenCode: the
        /// role session Invoke-StsAssumeRole caches for the profile is reused here).</summary>
        private static StsToolsException TokenCodeRequired(string profile, string serial) =>
            new StsToolsException("TokenCodeRequired", ErrorKind.InvalidOperation,
                $"Profile '{profile}' needs an MFA code for {serial}, and this session cannot prompt for it (non-interactive).")
            {
                Remedy = $"Run Invoke-StsAssumeRole -ProfileName {profile} -TokenCode <code> first (the role session is cached and then reused here), or pass -Credential.",
                Target = serial,
            };

        private static string? AccountOf(string roleArn)
        {
            var parts = roleArn.Split(':');
            return parts.Length > 4 && parts[4].Length == 12 ? parts[4] : null;
        }

        private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
    }
}
