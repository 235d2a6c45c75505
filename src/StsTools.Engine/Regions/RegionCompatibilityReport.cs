using System.Collections.Generic;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Regions
{
    /// <summary>Test-StsRegionCompatibility's answer: one verdict per region, and what was learnt about the account.</summary>
    public sealed class RegionCompatibilityReport
    {
        public RegionCompatibilityReport(IReadOnlyList<RegionCompatibility> results, RegionStatusReport statuses)
        {
            Results = results;
            Statuses = statuses;
        }

        public IReadOnlyList<RegionCompatibility> Results { get; }
        public RegionStatusReport Statuses { get; }

        /// <summary>The account's GlobalEndpointTokenVersion (IAM GetAccountSummary), null when the caller may not read it.</summary>
        public TokenVersion? GlobalEndpointTokenVersion { get; set; }

        /// <summary>Who the credential is, as GetCallerIdentity answered (null offline or when no probe succeeded).</summary>
        public string? CallerArn { get; set; }

        /// <summary>Why the setting could not be read (e.g. AwsAccessDenied), when it could not.</summary>
        public string? GlobalEndpointTokenVersionError { get; set; }
    }
}
