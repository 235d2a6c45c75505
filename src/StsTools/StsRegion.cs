namespace StsTools
{
    /// <summary>A region's status for an account (the Account API's names; EC2's map onto them).</summary>
    public enum StsRegionOptInStatus
    {
        /// <summary>Not read live: the built-in table tells only whether the region is opt-in.</summary>
        Unknown,
        EnabledByDefault,
        Enabled,
        Enabling,
        Disabling,
        Disabled,
    }

    /// <summary>Where a region status came from.</summary>
    public enum StsRegionStatusSource
    {
        Table,
        AccountApi,
        Ec2,
    }

    /// <summary>One AWS region, as Get-StsRegion shows it.</summary>
    public sealed class StsRegion
    {
        /// <summary>us-east-1, me-south-1, …</summary>
        public string Region { get; set; } = string.Empty;

        /// <summary>Middle East (Bahrain), …</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>aws, aws-cn, aws-us-gov, …</summary>
        public string Partition { get; set; } = string.Empty;

        /// <summary>Disabled until the account enables it; v1 (global-endpoint) tokens do not work there.</summary>
        public bool OptIn { get; set; }

        public StsRegionOptInStatus Status { get; set; }
        public StsRegionStatusSource StatusSource { get; set; }

        /// <summary>The region's own STS endpoint (AWS's host name).</summary>
        public string StsEndpoint { get; set; } = string.Empty;

        /// <summary>False for a region newer than the built-in table (judged by rule: in partition aws, opt-in).</summary>
        public bool InTable { get; set; }

        public override string ToString() => Region;
    }
}
