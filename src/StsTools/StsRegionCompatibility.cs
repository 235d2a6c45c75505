namespace StsTools
{
    /// <summary>Why a credential does or does not work in a region.</summary>
    public enum StsCompatibilityReason
    {
        Compatible,
        /// <summary>A v1 token (global STS endpoint under a v1 account setting) in an opt-in region.</summary>
        V1TokenInOptInRegion,
        /// <summary>The account has not enabled this opt-in region.</summary>
        RegionNotEnabled,
        Expired,
        /// <summary>The region's STS endpoint did not answer.</summary>
        NoNetwork,
        /// <summary>The key or token is not recognised anywhere.</summary>
        InvalidCredentials,
        /// <summary>Offline, or more than one cause fits the evidence.</summary>
        Undetermined,
        OtherError,
    }

    /// <summary>Test-StsRegionCompatibility's verdict for one credential in one region.</summary>
    public sealed class StsRegionCompatibility
    {
        public string Region { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public bool OptIn { get; set; }
        public StsRegionOptInStatus OptInStatus { get; set; }
        public StsRegionStatusSource OptInStatusSource { get; set; }

        /// <summary>The credential's token version as best known (issuer, live evidence, token-prefix hint).</summary>
        public StsTokenVersion TokenVersion { get; set; }

        /// <summary>Null when it cannot be told (offline with an unknown token version).</summary>
        public bool? Compatible { get; set; }

        public StsCompatibilityReason Reason { get; set; }

        /// <summary>The AWS error code the probe got (InvalidClientTokenId, ExpiredToken…), or AwsEndpointUnreachable /
        /// AwsEndpointTimeout.</summary>
        public string? ErrorCode { get; set; }

        public string Explanation { get; set; } = string.Empty;
        public string? Remedy { get; set; }

        /// <summary>The account's GlobalEndpointTokenVersion, when the credential may read it.</summary>
        public StsGlobalTokenVersion GlobalEndpointTokenVersion { get; set; }

        /// <summary>The STS endpoint probed (null with -Offline).</summary>
        public string? Endpoint { get; set; }

        /// <summary>The credential's key id, shortened (ASIA…WXYZ).</summary>
        public string? AccessKeyId { get; set; }

        public string? Arn { get; set; }
        public bool Offline { get; set; }

        public override string ToString() => $"{Region}: {(Compatible == true ? "compatible" : Compatible == false ? "incompatible (" + Reason + ")" : "undetermined")}";
    }
}
