using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using StsTools.Engine.Credentials;
using StsTools.Engine.Endpoints;

namespace StsTools.Engine.Aws
{
    /// <summary>
    /// sts:GetCallerIdentity at one region's regional endpoint: needs no permission, so it answers exactly "are these
    /// credentials good in this region?" (FACTS §1's authoritative test).
    /// </summary>
    public sealed class StsProbe
    {
        private readonly AwsClientOptions _options;

        public StsProbe(AwsClientOptions options) => _options = options;

        public ServiceEndpoint EndpointFor(string region) => _options.Resolve("sts", region);

        /// <summary>The caller's ARN; an AWS error or a network failure throws StsToolsException.</summary>
        public async Task<string?> GetCallerIdentityAsync(TemporaryCredentials credentials, string region, bool inOptInRegion, CancellationToken cancel)
        {
            var response = await _options.Transport.QueryAsync(EndpointFor(region), credentials, AwsProtocol.Query, "GetCallerIdentity", "2011-06-15",
                null, cancel, inOptInRegion).ConfigureAwait(false);
            return XDocument.Parse(response.Body).Descendants().FirstOrDefault(e => e.Name.LocalName == "Arn")?.Value;
        }
    }
}
