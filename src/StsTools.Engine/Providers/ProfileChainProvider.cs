using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Caching;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Profiles;
using StsTools.Engine.Sts;

namespace StsTools.Engine.Providers
{
    /// <summary>
    /// A config-file role profile run as the AWS CLI runs it: each hop an AssumeRole signed by the one below, each
    /// hop cached in the CLI's cache under the CLI's key, so the CLI and the module reuse each other's sessions.
    /// Nothing below a cached hop is touched (no key is read, no code is asked for).
    /// </summary>
    public sealed class ProfileChainProvider : ICredentialProvider
    {
        private readonly RoleProfileChain _chain;
        private readonly CachingCredentialProvider? _top;
        private readonly Func<CancellationToken, Task<SourceCredential>> _source;

        public ProfileChainProvider(RoleProfileChain chain, StsEndpointOptions endpoints, CacheMode mode, TokenCodePrompt? prompt, string? tokenCode,
            ICredentialStore cliCache, ICredentialStore ownCache)
        {
            _chain = chain;
            var codeGiven = tokenCode;
            TokenCodePrompt? ask = null;
            if (prompt != null || tokenCode != null)
            {
                // -TokenCode answers the first MFA question; any later one is asked for.
                ask = (serial, ct) =>
                {
                    var given = Interlocked.Exchange(ref codeGiven, null);
                    if (given != null)
                    {
                        return Task.FromResult(given);
                    }

                    return prompt != null ? prompt(serial, ct) : throw AssumeRoleProvider.TokenCodeRequired(serial);
                };
            }

            Func<CancellationToken, Task<SourceCredential>> source = _ => Task.FromResult(chain.BaseCredential());
            foreach (var hop in chain.Hops)
            {
                var inner = new AssumeRoleProvider(hop.Spec, source, endpoints, ask);
                var cached = hop.HasVaultExtras
                    ? new CachingCredentialProvider(inner, ownCache, "profile-" + CliCacheKey.Hash(hop.ProfileName + "|" + hop.CliCacheKey + "|" + string.Join(",", hop.Spec.Tags) + "|" + string.Join(",", hop.Spec.TransitiveTagKeys) + "|" + hop.Spec.SourceIdentity), mode)
                    : new CachingCredentialProvider(inner, cliCache, hop.CliCacheKey, mode);
                var profileName = hop.ProfileName;
                var region = endpoints.Region;
                source = async ct =>
                {
                    var c = await cached.GetCredentialsAsync(ct).ConfigureAwait(false);
                    c.Region ??= region;
                    return SourceCredential.FromTemporary(c, $"profile '{profileName}'");
                };
                _top = cached;
            }

            _source = source;
        }

        /// <summary>The chain with the caches every cmdlet shares: the AWS CLI's (~/.aws/cli/cache) for plain hops,
        /// StsTools' own for hops the CLI's key cannot tell apart.</summary>
        public static ProfileChainProvider WithSharedCaches(RoleProfileChain chain, StsEndpointOptions endpoints, CacheMode mode, TokenCodePrompt? prompt, string? tokenCode) =>
            new ProfileChainProvider(chain, endpoints, mode, prompt, tokenCode,
                new FileCredentialStore(CacheLocations.AwsCliCache()), new FileCredentialStore(CacheLocations.StsToolsCache()));

        public string Description => $"profile '{_chain.ProfileName}'";

        /// <summary>The profile's credentials as the source of another call (its keys, or its role session).</summary>
        public Task<SourceCredential> GetSourceAsync(CancellationToken cancellationToken) => _source(cancellationToken);

        /// <summary>The role session the profile names; an error for a profile that only holds keys.</summary>
        public async Task<TemporaryCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            if (_top == null)
            {
                throw new StsToolsException("ProfileIsNotARoleProfile", ErrorKind.InvalidArgument,
                    $"Profile '{_chain.ProfileName}' has no role_arn, so there is no role to assume: give -RoleArn to assume a role with this profile's keys.")
                { Target = _chain.ProfileName };
            }

            var c = await _top.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            c.Source = CredentialSource.AssumeRole;
            return c;
        }

        /// <summary>Cached credentials for the profile's role, without any call (null on a miss).</summary>
        public TemporaryCredentials? TryCached() => _top?.TryCached();
    }
}
