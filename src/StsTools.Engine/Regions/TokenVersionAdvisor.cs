using System;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Aws;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Regions
{
    /// <summary>
    /// Catches seed 000's trap before it bites: credentials from the global STS endpoint meant for an opt-in region are
    /// v1 (useless there) unless the calling account's GlobalEndpointTokenVersion is v2Token. Invoke-StsAssumeRole
    /// -StsEndpoint Global asks <see cref="CheckGlobalEndpointAsync"/> before its call and writes the warning it returns.
    /// </summary>
    public static class TokenVersionAdvisor
    {
        /// <summary>The warning for the global endpoint and a target region, given the account setting (Unknown when
        /// it could not be read); null when there is nothing to warn about.</summary>
        public static string? GlobalEndpointWarning(string targetRegion, TokenVersion accountSetting)
        {
            var region = RegionTable.Find(targetRegion);
            if (region == null || !region.IsOptIn || accountSetting == TokenVersion.V2)
            {
                return null;
            }

            var setting = accountSetting == TokenVersion.V1
                ? "the calling account's GlobalEndpointTokenVersion is v1Token"
                : "the calling account's GlobalEndpointTokenVersion could not be read (it is v1Token unless someone changed it)";
            return $"{region.Code} ({region.Name}) is an opt-in region and {setting}: credentials from the global STS endpoint will be v1 tokens, " +
                $"which {region.Code} refuses (InvalidClientTokenId / AuthFailure). Use -StsEndpoint Regional, or Set-StsTokenVersion V2Token first.";
        }

        /// <summary>Reads the setting with the caller's credentials (IAM GetAccountSummary) only when the target region is
        /// opt-in, and returns the warning, if any. A failed read counts as Unknown: it never stops the caller.</summary>
        public static async Task<string?> CheckGlobalEndpointAsync(TemporaryCredentials callerCredentials, string targetRegion,
            AwsClientOptions options, CancellationToken cancel)
        {
            var region = RegionTable.Find(targetRegion);
            if (region == null || !region.IsOptIn)
            {
                return null;
            }

            TokenVersion setting;
            try
            {
                setting = await new IamClient(callerCredentials, options, region.Code).GetGlobalEndpointTokenVersionAsync(cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                setting = TokenVersion.Unknown; // the advice never stops the call it is about
            }

            return GlobalEndpointWarning(region.Code, setting);
        }

        /// <summary>The same check for the credentials that will sign the AssumeRole call (any source: keys, profile,
        /// default chain). Only opt-in target regions cost an IAM read.</summary>
        public static async Task<string?> CheckGlobalEndpointAsync(SourceCredential signer, string targetRegion, string? endpointUrl,
            CancellationToken cancel)
        {
            if (RegionTable.Find(targetRegion)?.IsOptIn != true)
            {
                return null; // no need to read the caller's keys
            }

            var keys = await signer.Aws.GetCredentialsAsync().ConfigureAwait(false);
            var caller = new TemporaryCredentials(keys.AccessKey, keys.SecretKey, string.IsNullOrEmpty(keys.Token) ? null : keys.Token, DateTime.MaxValue);
            return await CheckGlobalEndpointAsync(caller, targetRegion, new AwsClientOptions { EndpointUrl = endpointUrl }, cancel).ConfigureAwait(false);
        }
    }
}
