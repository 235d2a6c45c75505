using StsTools.Engine.Endpoints;

namespace StsTools.Engine.Regions
{
    /// <summary>One region as the built-in table knows it (FACTS §3).</summary>
    public sealed class RegionInfo
    {
        public RegionInfo(string code, string name, Partition partition, bool isOptIn, bool isKnown)
        {
            Code = code;
            Name = name;
            Partition = partition;
            IsOptIn = isOptIn;
            IsKnown = isKnown;
        }

        /// <summary>us-east-1, me-south-1, …</summary>
        public string Code { get; }

        /// <summary>AWS's display name: "Middle East (Bahrain)". For a region the table does not know: "(not in the built-in table)".</summary>
        public string Name { get; }

        public Partition Partition { get; }

        /// <summary>Launched after 2019-03-20: disabled until the account enables it, and v1 session tokens do not work there.</summary>
        public bool IsOptIn { get; }

        /// <summary>False for a well-formed code the table does not list (a region newer than this module): judged by the
        /// FACTS §3 rule, anything in partition aws that is not a default region is opt-in.</summary>
        public bool IsKnown { get; }

        /// <summary>The region's own STS endpoint (AWS's host name; -EndpointUrl and AWS_ENDPOINT_URL_STS are applied by
        /// <see cref="EndpointResolver"/> when a call is made).</summary>
        public string StsEndpoint => $"https://sts.{Code}.{Partition.DnsSuffix}";

        public override string ToString() => $"{Code} ({Name})";
    }
}
