using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Credentials;
using StsTools.Engine.Endpoints;

namespace StsTools.Engine.Aws
{
    /// <summary>
    /// The Account API's region calls (FACTS §3), rest-json at account.us-east-1: ListRegions (paged) and
    /// GetRegionOptStatus. Status values: ENABLED, ENABLING, DISABLING, DISABLED, ENABLED_BY_DEFAULT.
    /// </summary>
    public sealed class AccountClient
    {
        private readonly AwsClientOptions _options;
        private readonly TemporaryCredentials _credentials;

        public AccountClient(TemporaryCredentials credentials, AwsClientOptions options)
        {
            _credentials = credentials;
            _options = options;
        }

        public ServiceEndpoint Endpoint => _options.Resolve("account", "us-east-1");

        /// <summary>Every region with its status, all pages.</summary>
        public async Task<IReadOnlyList<KeyValuePair<string, string>>> ListRegionsAsync(CancellationToken cancel)
        {
            var result = new List<KeyValuePair<string, string>>();
            string? next = null;
            do
            {
                var body = next == null ? "{\"MaxResults\":50}" : "{\"MaxResults\":50,\"NextToken\":" + JsonSerializer.Serialize(next) + "}";
                var response = await _options.Transport.JsonAsync(Endpoint, _credentials, "ListRegions", "listRegions", body, cancel).ConfigureAwait(false);
                using (var json = JsonDocument.Parse(response.Body))
                {
                    if (json.RootElement.TryGetProperty("Regions", out var regions))
                    {
                        foreach (var region in regions.EnumerateArray())
                        {
                            result.Add(new KeyValuePair<string, string>(
                                region.GetProperty("RegionName").GetString()!, region.GetProperty("RegionOptStatus").GetString()!));
                        }
                    }

                    next = json.RootElement.TryGetProperty("NextToken", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
                }
            }
            while (next != null);

            return result;
        }

        public async Task<string> GetRegionOptStatusAsync(string region, CancellationToken cancel)
        {
            var response = await _options.Transport.JsonAsync(Endpoint, _credentials, "GetRegionOptStatus", "getRegionOptStatus",
                "{\"RegionName\":" + JsonSerializer.Serialize(region) + "}", cancel).ConfigureAwait(false);
            using var json = JsonDocument.Parse(response.Body);
            return json.RootElement.GetProperty("RegionOptStatus").GetString()!;
        }
    }
}
