using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using StsTools.Engine.Credentials;
using StsTools.Engine.Endpoints;

namespace StsTools.Engine.Aws
{
    /// <summary>EC2 DescribeRegions AllRegions=true (query protocol, 2016-11-15): every region with its OptInStatus
    /// (opt-in-not-required | opted-in | not-opted-in). The fallback when the Account API may not be called.</summary>
    public sealed class Ec2Client
    {
        private readonly AwsClientOptions _options;
        private readonly TemporaryCredentials _credentials;
        private readonly string _region;

        public Ec2Client(TemporaryCredentials credentials, AwsClientOptions options, string region)
        {
            _credentials = credentials;
            _options = options;
            _region = region;
        }

        public ServiceEndpoint Endpoint => _options.Resolve("ec2", _region);

        public async Task<IReadOnlyList<KeyValuePair<string, string>>> DescribeRegionsAsync(CancellationToken cancel)
        {
            var response = await _options.Transport.QueryAsync(Endpoint, _credentials, AwsProtocol.Ec2Query, "DescribeRegions", "2016-11-15",
                new[] { new KeyValuePair<string, string>("AllRegions", "true") }, cancel).ConfigureAwait(false);
            return XDocument.Parse(response.Body).Descendants().Where(e => e.Name.LocalName == "item")
                .Select(item => new KeyValuePair<string, string>(
                    item.Elements().First(e => e.Name.LocalName == "regionName").Value,
                    item.Elements().FirstOrDefault(e => e.Name.LocalName == "optInStatus")?.Value ?? "opt-in-not-required"))
                .ToList();
        }
    }
}
