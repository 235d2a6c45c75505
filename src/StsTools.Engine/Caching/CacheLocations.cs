using System;
using System.IO;

namespace StsTools.Engine.Caching
{
    /// <summary>
    /// Where caches live: the AWS CLI's <c>~/.aws/cli/cache</c> (shared with the CLI for role profiles, FACTS §6)
    /// and StsTools' own <c>~/.aws/ststools/cache</c> (MFA sessions, explicit requests), or STSTOOLS_CACHE_DIR.
    /// The home directory is HOME (Unix) or USERPROFILE (Windows), read each time so tests and users can move it.
    /// </summary>
    public static class CacheLocations
    {
        public static string Home(Func<string, string?>? environment = null)
        {
            environment ??= Environment.GetEnvironmentVariable;
            var home = environment("HOME");
            if (string.IsNullOrEmpty(home))
            {
                home = environment("USERPROFILE");
            }

            return string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home!;
        }

        public static string AwsCliCache(Func<string, string?>? environment = null) =>
            Path.Combine(Home(environment), ".aws", "cli", "cache");

        public static string StsToolsCache(Func<string, string?>? environment = null)
        {
            environment ??= Environment.GetEnvironmentVariable;
            var own = environment("STSTOOLS_CACHE_DIR");
            return string.IsNullOrEmpty(own) ? Path.Combine(Home(environment), ".aws", "ststools", "cache") : own!;
        }
    }
}
