using System;
using System.Collections.Generic;
using StsTools.Engine.Endpoints;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Sts
{
    /// <summary>
    /// Where STS calls go (CMDLETS.md, common endpoint parameters): the region (-Region, AWS_REGION,
    /// AWS_DEFAULT_REGION, the profile's region, us-east-1), regional or global, fallback regions, a custom URL.
    /// </summary>
    public sealed class StsEndpointOptions
    {
        public const string DefaultRegion = "us-east-1";

        public string Region { get; set; } = DefaultRegion;

        public bool UseGlobalEndpoint { get; set; }

        public IList<string> FallbackRegions { get; set; } = new List<string>();

        public string? EndpointUrl { get; set; }

        public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

        public StsTimeouts Timeouts { get; set; } = StsTimeouts.Default;

        /// <summary>The region in order of precedence (FACTS §7): explicit, AWS_REGION, AWS_DEFAULT_REGION, the profile's.</summary>
        public static string ResolveRegion(string? explicitRegion, string? profileRegion, Func<string, string?>? environment = null)
        {
            environment ??= System.Environment.GetEnvironmentVariable;
            foreach (var candidate in new[] { explicitRegion, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION"), profileRegion })
            {
                if (!string.IsNullOrWhiteSpace(candidate))
                {
                    return candidate!.Trim();
                }
            }

            return DefaultRegion;
        }

        /// <summary>The endpoints to try, in order: the primary (regional or global), then each fallback region's.</summary>
        public IReadOnlyList<ServiceEndpoint> Plan()
        {
            var plan = new List<ServiceEndpoint>();
            plan.Add(UseGlobalEndpoint
                ? EndpointResolver.ResolveGlobalSts(Region, EndpointUrl, Environment)
                : EndpointResolver.Resolve("sts", Region, EndpointUrl, Environment));
            foreach (var fallback in FallbackRegions)
            {
                if (string.Equals(fallback, Region, StringComparison.OrdinalIgnoreCase) && !UseGlobalEndpoint)
                {
                    throw new StsToolsException("FallbackRegionIsPrimary", ErrorKind.InvalidArgument,
                        $"-FallbackRegion lists {fallback}, which is already the primary region: name other regions.")
                    { Target = fallback };
                }

                plan.Add(EndpointResolver.Resolve("sts", fallback, EndpointUrl, Environment));
            }

            return plan;
        }
    }
}
