using System;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Endpoints
{
    /// <summary>
    /// Picks the endpoint for a service call: a custom URL (-EndpointUrl, then AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then
    /// AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true) with a <c>{region}</c> placeholder, else AWS's
    /// own host names (FACTS §1–§5). The one place that knows them, used by the STS, IAM, Account, EC2 and Roles
    /// Anywhere clients. The placeholder is ours: it lets one URL serve every region (VPC endpoints, the emulator).
    /// </summary>
    public static class EndpointResolver
    {
        /// <summary>The pseudo-region of the global STS endpoint, as the AWS SDKs name it.</summary>
        public const string GlobalRegion = "aws-global";

        public const string RegionPlaceholder = "{region}";

        /// <param name="service">Signing name: sts, iam, account, ec2, rolesanywhere.</param>
        /// <param name="region">A region code, or <see cref="GlobalRegion"/> for the global STS endpoint.</param>
        /// <param name="explicitUrl">-EndpointUrl, when given.</param>
        /// <param name="environment">Reads an environment variable (tests pass their own).</param>
        public static ServiceEndpoint Resolve(string service, string region, string? explicitUrl = null, Func<string, string?>? environment = null)
        {
            environment ??= Environment.GetEnvironmentVariable;
            var isGlobal = region == GlobalRegion;
            var partition = Partition.OfRegion(isGlobal ? "us-east-1" : region);
            if (isGlobal && service != "sts")
            {
                throw new ArgumentException("Only STS has a global endpoint region.", nameof(region));
            }

            var custom = CustomUrl(service, explicitUrl, environment);
            if (custom != null)
            {
                var url = ParseCustom(custom.Replace(RegionPlaceholder, region));
                return new ServiceEndpoint(service, region, url, SigningRegionFor(service, region, partition), isCustom: true);
            }

            return new ServiceEndpoint(service, region, DefaultUrl(service, region, partition), SigningRegionFor(service, region, partition), isCustom: false);
        }

        /// <summary>The global STS endpoint, refused with a clear error in partitions that have none.</summary>
        public static ServiceEndpoint ResolveGlobalSts(string homeRegion, string? explicitUrl = null, Func<string, string?>? environment = null)
        {
            var partition = Partition.OfRegion(homeRegion);
            if (!partition.HasGlobalSts)
            {
                throw new StsToolsException("GlobalEndpointNotInPartition", ErrorKind.InvalidArgument,
                    $"The {partition.Name} partition (region {homeRegion}) has no global STS endpoint: use -StsEndpoint Regional.")
                { Target = homeRegion };
            }

            return Resolve("sts", GlobalRegion, explicitUrl, environment);
        }

        private static string? CustomUrl(string service, string? explicitUrl, Func<string, string?> environment)
        {
            if (!string.IsNullOrWhiteSpace(explicitUrl))
            {
                return explicitUrl;
            }

            if (string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var specific = environment("AWS_ENDPOINT_URL_" + service.ToUpperInvariant());
            if (!string.IsNullOrWhiteSpace(specific))
            {
                return specific;
            }

            var general = environment("AWS_ENDPOINT_URL");
            return string.IsNullOrWhiteSpace(general) ? null : general;
        }

        private static Uri ParseCustom(string text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                throw new StsToolsException("InvalidEndpointUrl", ErrorKind.InvalidArgument,
                    $"The endpoint URL '{text}' is not an absolute http(s) URL. Example: https://vpce-0abc.sts.us-east-1.vpce.amazonaws.com or http://127.0.0.1:4566/{{region}}/")
                { Target = text };
            }

            return url;
        }

        private static string SigningRegionFor(string service, string region, Partition partition)
        {
            switch (service)
            {
                case "sts" when region == GlobalRegion:
                    return "us-east-1";
                case "iam":
                    return partition == Partition.AwsCn ? "cn-north-1" : partition == Partition.AwsUsGov ? "us-gov-west-1" : partition == Partition.Aws ? "us-east-1" : region;
                case "account":
                    return partition == Partition.Aws ? "us-east-1" : region;
                default:
                    return region;
            }
        }

        private static Uri DefaultUrl(string service, string region, Partition partition)
        {
            switch (service)
            {
                case "sts" when region == GlobalRegion:
                    return new Uri("https://sts.amazonaws.com/");
                case "iam" when partition == Partition.Aws:
                    return new Uri("https://iam.amazonaws.com/");
                case "iam" when partition == Partition.AwsCn:
                    return new Uri("https://iam.cn-north-1.amazonaws.com.cn/");
                case "iam" when partition == Partition.AwsUsGov:
                    return new Uri("https://iam.us-gov.amazonaws.com/");
                case "account" when partition == Partition.Aws:
                    return new Uri("https://account.us-east-1.amazonaws.com/");
                default:
                    return new Uri($"https://{service}.{region}.{partition.DnsSuffix}/");
            }
        }
    }
}
