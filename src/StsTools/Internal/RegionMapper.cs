using StsTools.Engine.Credentials;
using StsTools.Engine.Regions;

namespace StsTools.Internal
{
    /// <summary>Engine region types → the cmdlets' result types (BCL only). The engine's enums have the same order.</summary>
    internal static class RegionMapper
    {
        internal static StsRegion ToStsRegion(RegionStatus s) => new StsRegion
        {
            Region = s.Region.Code,
            Name = s.Region.Name,
            Partition = s.Region.Partition.Name,
            OptIn = s.Region.IsOptIn,
            Status = (StsRegionOptInStatus)(int)s.Status,
            StatusSource = (StsRegionStatusSource)(int)s.Source,
            StsEndpoint = s.Region.StsEndpoint,
            InTable = s.Region.IsKnown,
        };

        internal static StsRegionCompatibility ToResult(RegionCompatibility r, RegionCompatibilityReport report, TemporaryCredentials credentials) =>
            new StsRegionCompatibility
            {
                Region = r.Region.Code,
                Name = r.Region.Name,
                OptIn = r.Region.IsOptIn,
                OptInStatus = (StsRegionOptInStatus)(int)r.Status.Status,
                OptInStatusSource = (StsRegionStatusSource)(int)r.Status.Source,
                TokenVersion = (StsTokenVersion)(int)r.TokenVersion,
                Compatible = r.Compatible,
                Reason = (StsCompatibilityReason)(int)r.Reason,
                ErrorCode = r.ErrorCode,
                Explanation = r.Explanation,
                Remedy = r.Remedy,
                GlobalEndpointTokenVersion = ToSetting(report.GlobalEndpointTokenVersion),
                Endpoint = r.Endpoint,
                AccessKeyId = TemporaryCredentials.ShortenKeyId(credentials.AccessKeyId),
                Arn = credentials.Arn ?? report.CallerArn,
                Offline = r.Offline,
            };

        internal static StsGlobalTokenVersion ToSetting(TokenVersion? version) => version switch
        {
            TokenVersion.V1 => StsGlobalTokenVersion.V1Token,
            TokenVersion.V2 => StsGlobalTokenVersion.V2Token,
            _ => StsGlobalTokenVersion.Unknown,
        };
    }
}
