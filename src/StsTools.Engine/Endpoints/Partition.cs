using System;

namespace StsTools.Engine.Endpoints
{
    /// <summary>An AWS partition: its name, DNS suffix, and whether it has a global STS endpoint (only <c>aws</c>).</summary>
    public sealed class Partition
    {
        public static readonly Partition Aws = new Partition("aws", "amazonaws.com", hasGlobalSts: true);
        public static readonly Partition AwsCn = new Partition("aws-cn", "amazonaws.com.cn", hasGlobalSts: false);
        public static readonly Partition AwsUsGov = new Partition("aws-us-gov", "amazonaws.com", hasGlobalSts: false);
        public static readonly Partition AwsEusc = new Partition("aws-eusc", "amazonaws.eu", hasGlobalSts: false);
        public static readonly Partition AwsIso = new Partition("aws-iso", "c2s.ic.gov", hasGlobalSts: false);
        public static readonly Partition AwsIsoB = new Partition("aws-iso-b", "sc2s.sgov.gov", hasGlobalSts: false);

        private Partition(string name, string dnsSuffix, bool hasGlobalSts)
        {
            Name = name;
            DnsSuffix = dnsSuffix;
            HasGlobalSts = hasGlobalSts;
        }

        public string Name { get; }
        public string DnsSuffix { get; }
        public bool HasGlobalSts { get; }

        /// <summary>The partition a region code belongs to, from its prefix (cn-, us-gov-, eusc-, us-iso-, us-isob-).</summary>
        public static Partition OfRegion(string region)
        {
            if (region.StartsWith("cn-", StringComparison.Ordinal)) return AwsCn;
            if (region.StartsWith("us-gov-", StringComparison.Ordinal)) return AwsUsGov;
            if (region.StartsWith("eusc-", StringComparison.Ordinal)) return AwsEusc;
            if (region.StartsWith("us-isob-", StringComparison.Ordinal)) return AwsIsoB;
            if (region.StartsWith("us-iso-", StringComparison.Ordinal)) return AwsIso;
            return Aws;
        }

        public override string ToString() => Name;
    }
}
