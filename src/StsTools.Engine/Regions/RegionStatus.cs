namespace StsTools.Engine.Regions
{
    /// <summary>One region and its status for the account, with where the status came from.</summary>
    public sealed class RegionStatus
    {
        public RegionStatus(RegionInfo region, OptInStatus status, RegionStatusSource source)
        {
            Region = region;
            Status = status;
            Source = source;
        }

        public RegionInfo Region { get; }
        public OptInStatus Status { get; }
        public RegionStatusSource Source { get; }

        /// <summary>True when the account can use the region; null when not known (table only, opt-in region).</summary>
        public bool? IsEnabled => Status switch
        {
            OptInStatus.EnabledByDefault or OptInStatus.Enabled => true,
            OptInStatus.Disabled or OptInStatus.Enabling or OptInStatus.Disabling => false,
            _ => Region.IsOptIn ? (bool?)null : true,
        };

        public static OptInStatus Parse(string? text) => text switch
        {
            "ENABLED_BY_DEFAULT" or "opt-in-not-required" => OptInStatus.EnabledByDefault,
            "ENABLED" or "opted-in" => OptInStatus.Enabled,
            "ENABLING" => OptInStatus.Enabling,
            "DISABLING" => OptInStatus.Disabling,
            "DISABLED" or "not-opted-in" => OptInStatus.Disabled,
            _ => OptInStatus.Unknown,
        };

        /// <summary>From the table alone: default regions are enabled for everyone; opt-in ones unknown.</summary>
        public static RegionStatus FromTable(RegionInfo region) =>
            new RegionStatus(region, region.IsOptIn ? OptInStatus.Unknown : OptInStatus.EnabledByDefault, RegionStatusSource.Table);
    }
}
