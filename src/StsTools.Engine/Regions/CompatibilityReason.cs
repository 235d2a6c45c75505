namespace StsTools.Engine.Regions
{
    /// <summary>Why a credential does or does not work in a region.</summary>
    public enum CompatibilityReason
    {
        /// <summary>It works (live: GetCallerIdentity answered).</summary>
        Compatible,
        /// <summary>A v1 token (global endpoint under a v1 account setting) in an opt-in region.</summary>
        V1TokenInOptInRegion,
        /// <summary>The account has not enabled this opt-in region (whatever the token).</summary>
        RegionNotEnabled,
        /// <summary>The session token has expired.</summary>
        Expired,
        /// <summary>The region's STS endpoint could not be reached (offline, DNS, proxy, firewall).</summary>
        NoNetwork,
        /// <summary>The key or token is not recognised anywhere (wrong, deleted, mistyped).</summary>
        InvalidCredentials,
        /// <summary>Offline, or the evidence allows more than one cause.</summary>
        Undetermined,
        /// <summary>Another AWS error (see ErrorCode).</summary>
        OtherError,
    }
}
