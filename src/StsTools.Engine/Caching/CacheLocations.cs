using System;
using System.IO;

namespace StsTools.Engine.Caching
{
    /// <summary>
    /// Where caches live: the AWS CLI's <c>~/.aws/cli/cache</c> (shared with the CLI for role profiles, FACTS §6)
    /// and StsTools' own <c>~/.aws/ststools/cache</c> (MFA sessions, explicit requests), or STSTOOLS_CACHE_DIR.
    /// Home and ~/.aws as Profiles/AwsFilePaths finds them.
    /// </summary>
    public static class CacheLocations
    {
        public static string AwsCliCache(Func<string, string?>? environment = null) =>
            Profiles.AwsFilePaths.CliCacheDirectory;

        public static string StsToolsCache(Func<string, string?>? environment = null)
        {
            environment ??= Environment.GetEnvironmentVariable;
            var own = environment("STSTOOLS_CACHE_DIR");
            return string.IsNullOrEmpty(own) ? Path.Combine(Profiles.AwsFilePaths.AwsDirectory, "ststools", "cache") : own!;
        }
    }
}
