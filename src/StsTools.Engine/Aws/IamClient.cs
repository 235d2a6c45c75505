using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using StsTools.Engine.Credentials;
using StsTools.Engine.Endpoints;

namespace StsTools.Engine.Aws
{
    /// <summary>
    /// The two IAM calls the module needs (FACTS §2), query protocol, Version 2010-05-08: GetAccountSummary (whose
    /// SummaryMap carries GlobalEndpointTokenVersion as 1 or 2; missing means 1) and SetSecurityTokenServicePreferences.
    /// </summary>
    public sealed class IamClient
    {
        private const string Version = "2010-05-08";
        private readonly AwsClientOptions _options;
        private readonly TemporaryCredentials _credentials;
        private readonly string _region;

        /// <param name="region">Any region of the credentials' partition: IAM is global per partition.</param>
        public IamClient(TemporaryCredentials credentials, AwsClientOptions options, string? region = null)
        {
            _credentials = credentials;
            _options = options;
            _region = PartitionHome(region);
        }

        public ServiceEndpoint Endpoint => _options.Resolve("iam", _region);

        public async Task<IReadOnlyDictionary<string, long>> GetAccountSummaryAsync(CancellationToken cancel)
        {
            var response = await _options.Transport.QueryAsync(Endpoint, _credentials, AwsProtocol.Query, "GetAccountSummary", Version, null, cancel)
                .ConfigureAwait(false);
            var map = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var entry in XDocument.Parse(response.Body).Descendants().Where(e => e.Name.LocalName == "entry"))
            {
                var key = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "key")?.Value;
                var value = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "value")?.Value;
                if (key != null && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    map[key] = number;
                }
            }

            return map;
        }

        /// <summary>The version of tokens the global STS endpoint issues for the account now (V1 when the entry is missing).</summary>
        public async Task<TokenVersion> GetGlobalEndpointTokenVersionAsync(CancellationToken cancel)
        {
            var summary = await GetAccountSummaryAsync(cancel).ConfigureAwait(false);
            return summary.TryGetValue("GlobalEndpointTokenVersion", out var v) && v == 2 ? TokenVersion.V2 : TokenVersion.V1;
        }

        public Task SetGlobalEndpointTokenVersionAsync(TokenVersion version, CancellationToken cancel)
        {
            if (version == TokenVersion.Unknown)
            {
                throw new ArgumentOutOfRangeException(nameof(version));
            }

            var value = version == TokenVersion.V2 ? "v2Token" : "v1Token";
            return _options.Transport.QueryAsync(Endpoint, _credentials, AwsProtocol.Query, "SetSecurityTokenServicePreferences", Version,
                new[] { new KeyValuePair<string, string>("GlobalEndpointTokenVersion", value) }, cancel);
        }

        // IAM's endpoint is per partition; for aws the {region} of a custom URL is us-east-1 (IAM's signing region).
        private static string PartitionHome(string? region)
        {
            if (string.IsNullOrEmpty(region) || region == EndpointResolver.GlobalRegion)
            {
                return "us-east-1";
            }

            var partition = Partition.OfRegion(region!);
            return partition == Partition.Aws ? "us-east-1" : region!;
        }
    }
}
