using System;
using System.IO;
using System.Runtime.InteropServices;

namespace StsTools.Engine.Profiles
{
    /// <summary>
    /// Where the AWS tools keep their files, found the way the AWS CLI and SDKs find them:
    /// AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE win (a leading ~ is expanded), else ~/.aws/credentials and
    /// ~/.aws/config; home is USERPROFILE on Windows (HOMEDRIVE+HOMEPATH, then HOME as fallbacks) and HOME elsewhere.
    /// Read on every call: tests and runbooks change these variables at run time.
    /// </summary>
    public static class AwsFilePaths
    {
        public const string CredentialsFileVariable = "AWS_SHARED_CREDENTIALS_FILE";
        public const string ConfigFileVariable = "AWS_CONFIG_FILE";

        /// <summary>The user's home directory.</summary>
        public static string Home
        {
            get
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    var profile = Variable("USERPROFILE");
                    if (profile != null)
                    {
                        return profile;
                    }

                    var drive = Variable("HOMEDRIVE");
                    var path = Variable("HOMEPATH");
                    if (drive != null && path != null)
                    {
                        return drive + path;
                    }
                }

                return Variable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }
        }

        /// <summary>~/.aws</summary>
        public static string AwsDirectory => Path.Combine(Home, ".aws");

        /// <summary>The shared credentials file (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials).</summary>
        public static string CredentialsFile => Expand(Variable(CredentialsFileVariable)) ?? Path.Combine(AwsDirectory, "credentials");

        /// <summary>The config file (AWS_CONFIG_FILE or ~/.aws/config).</summary>
        public static string ConfigFile => Expand(Variable(ConfigFileVariable)) ?? Path.Combine(AwsDirectory, "config");

        /// <summary>The AWS CLI's credential cache for role profiles (~/.aws/cli/cache).</summary>
        public static string CliCacheDirectory => Path.Combine(AwsDirectory, "cli", "cache");

        /// <summary>Expands a leading <c>~</c> to <see cref="Home"/>, as the CLI does for these variables.</summary>
        public static string? Expand(string? path)
        {
            if (path == null)
            {
                return null;
            }

            if (path == "~")
            {
                return Home;
            }

            if (path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
            {
                return Path.Combine(Home, path.Substring(2));
            }

            return path;
        }

        private static string? Variable(string name) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
    }
}
