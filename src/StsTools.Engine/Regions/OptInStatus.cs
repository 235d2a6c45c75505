namespace StsTools.Engine.Regions
{
    /// <summary>A region's status for one account. The Account API's names; EC2's map onto them
    /// (opt-in-not-required → EnabledByDefault, opted-in → Enabled, not-opted-in → Disabled).</summary>
    public enum OptInStatus
    {
        /// <summary>Not read live (the table says only whether the region is opt-in).</summary>
        Unknown,
        EnabledByDefault,
        Enabled,
        Enabling,
        Disabling,
        Disabled,
    }

    /// <summary>Where a region's status came from.</summary>
    public enum RegionStatusSource
    {
        /// <summary>The built-in table: opt-in or not, but not whether the account has enabled it.</summary>
        Table,
        /// <summary>Account API ListRegions / GetRegionOptStatus.</summary>
        AccountApi,
        /// <summary>EC2 DescribeRegions.</summary>
        Ec2,
    }
}
