using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Aws;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Regions
{
    /// <summary>
    /// Live region status for the credentials' account: the Account API (ListRegions) when the caller may call it, else
    /// EC2 DescribeRegions, else the built-in table — and the report says which. Regions live sources list that the
    /// table does not know are added (judged by the FACTS §3 rule); table regions missing from a live answer keep the
    /// table's status.
    /// </summary>
    public sealed class RegionStatusReader
    {
        private readonly AwsClientOptions _options;

        public RegionStatusReader(AwsClientOptions options) => _options = options;

        public async Task<RegionStatusReport> ReadAsync(TemporaryCredentials credentials, string? homeRegion, CancellationToken cancel)
        {
            var reasons = new List<string>();
            try
            {
                var regions = await new AccountClient(credentials, _options).ListRegionsAsync(cancel).ConfigureAwait(false);
                return Report(regions, RegionStatusSource.AccountApi, reasons);
            }
            catch (StsToolsException e) when (!IsCredentialProblem(e))
            {
                reasons.Add("Account API ListRegions: " + (e.AwsErrorCode ?? e.ErrorId));
            }

            try
            {
                var region = string.IsNullOrEmpty(homeRegion) || homeRegion == Endpoints.EndpointResolver.GlobalRegion ? "us-east-1" : homeRegion!;
                var regions = await new Ec2Client(credentials, _options, region).DescribeRegionsAsync(cancel).ConfigureAwait(false);
                return Report(regions, RegionStatusSource.Ec2, reasons);
            }
            catch (StsToolsException e) when (!IsCredentialProblem(e))
            {
                reasons.Add("EC2 DescribeRegions: " + (e.AwsErrorCode ?? e.ErrorId));
            }

            return new RegionStatusReport(RegionTable.All.Select(RegionStatus.FromTable).ToList(), RegionStatusSource.Table, reasons);
        }

        /// <summary>The table only, no call.</summary>
        public static RegionStatusReport FromTable() =>
            new RegionStatusReport(RegionTable.All.Select(RegionStatus.FromTable).ToList(), RegionStatusSource.Table, Array.Empty<string>());

        // Bad or expired credentials fail every source alike: say so instead of quietly falling back to the table.
        private static bool IsCredentialProblem(StsToolsException e) =>
            e.AwsErrorCode is "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "ExpiredTokenException"
                or "UnrecognizedClientException" or "InvalidSignatureException";

        private static RegionStatusReport Report(IEnumerable<KeyValuePair<string, string>> live, RegionStatusSource source, List<string> reasons)
        {
            var byCode = new Dictionary<string, RegionStatus>(StringComparer.Ordinal);
            foreach (var region in RegionTable.All)
            {
                byCode[region.Code] = RegionStatus.FromTable(region);
            }

            foreach (var pair in live)
            {
                var info = RegionTable.Find(pair.Key);
                if (info != null)
                {
                    byCode[info.Code] = new RegionStatus(info, RegionStatus.Parse(pair.Value), source);
                }
            }

            var ordered = byCode.Values
                .OrderBy(r => r.Region.Partition.Name != "aws").ThenBy(r => r.Region.IsOptIn).ThenBy(r => r.Region.Code, StringComparer.Ordinal)
                .ToList();
            return new RegionStatusReport(ordered, source, reasons);
        }
    }
}
