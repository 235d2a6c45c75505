using System.Collections.Generic;

namespace StsTools.Engine.Regions
{
    /// <summary>Every region's status for the account, the source it came from, and why the better sources were not
    /// used (e.g. "Account API: AccessDeniedException").</summary>
    public sealed class RegionStatusReport
    {
        public RegionStatusReport(IReadOnlyList<RegionStatus> regions, RegionStatusSource source, IReadOnlyList<string> fallbackReasons)
        {
            Regions = regions;
            Source = source;
            FallbackReasons = fallbackReasons;
        }

        public IReadOnlyList<RegionStatus> Regions { get; }
        public RegionStatusSource Source { get; }
        public IReadOnlyList<string> FallbackReasons { get; }
    }
}
