using StsTools.Engine.Credentials;

namespace StsTools.Engine.Regions
{
    /// <summary>The verdict for one region: does the credential work there, and if not, why and what to do.</summary>
    public sealed class RegionCompatibility
    {
        public RegionCompatibility(RegionStatus status) => Status = status;

        public RegionStatus Status { get; }
        public RegionInfo Region => Status.Region;

        /// <summary>The credential's token version as best known (issuer, live evidence, else the token-prefix hint).</summary>
        public TokenVersion TokenVersion { get; set; }

        /// <summary>Null when it cannot be told (offline, unknown token version in an opt-in region).</summary>
        public bool? Compatible { get; set; }

        public CompatibilityReason Reason { get; set; }

        /// <summary>The AWS error code the probe got (InvalidClientTokenId, ExpiredToken…), or the module's id for a
        /// network failure (AwsEndpointUnreachable, AwsEndpointTimeout).</summary>
        public string? ErrorCode { get; set; }

        public string Explanation { get; set; } = string.Empty;
        public string? Remedy { get; set; }

        /// <summary>The STS endpoint probed; null offline.</summary>
        public string? Endpoint { get; set; }

        /// <summary>True when decided without calling AWS.</summary>
        public bool Offline { get; set; }
    }
}
