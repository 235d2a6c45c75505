using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Exporters
{
    /// <summary>
    /// The GitHubActions target (FACTS §8): first `::add-mask::` for the key id, the secret and the token on the
    /// step's output — the runner logs GITHUB_ENV values at debug level, so masking must come before any write —
    /// then each variable appended to $GITHUB_ENV in the heredoc form with a random delimiter, UTF-8, LF.
    /// </summary>
    public static class GitHubActionsExporter
    {
        public const string EnvFileVariable = "GITHUB_ENV";

        /// <summary>The $GITHUB_ENV file, or GitHubEnvNotSet when the variable is missing.</summary>
        public static string EnvFile()
        {
            var path = Environment.GetEnvironmentVariable(EnvFileVariable);
            if (string.IsNullOrEmpty(path))
            {
                throw new StsToolsException("GitHubEnvNotSet", ErrorKind.InvalidOperation,
                    "GITHUB_ENV is not set: the GitHubActions target only works inside a GitHub Actions job step.")
                { Remedy = "Run it in a workflow step, use -Target Auto to fall back to the process, or -Target Process." };
            }

            return path!;
        }

        public static IReadOnlyList<string> MaskCommands(TemporaryCredentials c)
        {
            var lines = new List<string> { "::add-mask::" + c.AccessKeyId, "::add-mask::" + c.SecretAccessKey };
            if (c.SessionToken != null)
            {
                lines.Add("::add-mask::" + c.SessionToken);
            }

            return lines;
        }

        /// <summary>The text appended to $GITHUB_ENV. GITHUB_ENV cannot unset a variable: a removed one is set empty.</summary>
        public static string EnvFileText(TemporaryCredentials c)
        {
            var text = new StringBuilder();
            foreach (var variable in ExportedVariables.For(c))
            {
                var value = variable.Value ?? string.Empty;
                var delimiter = Delimiter(variable.Key, value);
                text.Append(variable.Key).Append("<<").Append(delimiter).Append('\n')
                    .Append(value).Append('\n')
                    .Append(delimiter).Append('\n');
            }

            return text.ToString();
        }

        /// <summary>Masks through <paramref name="writeCommand"/> (the step's output), then appends to the file.</summary>
        public static void Export(TemporaryCredentials c, string envFile, Action<string> writeCommand)
        {
            foreach (var mask in MaskCommands(c))
            {
                writeCommand(mask);
            }

            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(EnvFileText(c));
            try
            {
                // One append of the whole block: the runner reads the file after the step, and no half block remains on failure.
                using (var stream = new FileStream(envFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
                {
                    stream.Write(bytes, 0, bytes.Length);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new StsToolsException("GitHubEnvNotWritable", ErrorKind.WriteError, $"Cannot append to GITHUB_ENV ('{envFile}'): {e.Message}", e)
                { Target = envFile };
            }
        }

        // Like the Actions toolkit: ghadelimiter_<uuid>, checked against the name and the value.
        private static string Delimiter(string name, string value)
        {
            while (true)
            {
                var delimiter = "ghadelimiter_" + Guid.NewGuid().ToString("D");
                if (!name.Contains(delimiter) && !value.Contains(delimiter))
                {
                    return delimiter;
                }
            }
        }
    }
}
