using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Files;
using StsTools.Engine.Profiles;

namespace StsTools.Engine.Exporters
{
    /// <summary>
    /// The Profile target: one profile of the shared credentials file, written the way seed 001's
    /// `aws configure set` + `echo >>` should have been — under a cross-process lock, read, edited in place
    /// (every other byte kept), and swapped in atomically with mode 0600.
    /// </summary>
    public static class ProfileExporter
    {
        public const string AccessKeyIdKey = "aws_access_key_id";
        public const string SecretAccessKeyKey = "aws_secret_access_key";
        public const string SessionTokenKey = "aws_session_token";
        public const string SecurityTokenKey = "aws_security_token";
        public const string ExpiresKey = "x_security_token_expires";

        // The lock is normally held for milliseconds, and the OS drops it when a holder dies (no stale locks), so a
        // long wait only ever queues behind live writers: on a starved machine 32 cold processes can take a while.
        private static readonly TimeSpan s_lockTimeout = TimeSpan.FromMinutes(2);

        /// <summary>The keys a credential becomes; null removes a stale key (an old token beside new long-term keys).</summary>
        public static IReadOnlyList<KeyValuePair<string, string?>> KeysFor(TemporaryCredentials c) => new[]
        {
            new KeyValuePair<string, string?>(AccessKeyIdKey, c.AccessKeyId),
            new KeyValuePair<string, string?>(SecretAccessKeyKey, c.SecretAccessKey),
            new KeyValuePair<string, string?>(SessionTokenKey, c.SessionToken),
            new KeyValuePair<string, string?>(SecurityTokenKey, null),
            new KeyValuePair<string, string?>(ExpiresKey, ExportedVariables.FormatExpiration(c)),
        };

        /// <summary>Fails (CredentialsFileNotWritable) when the file or its folder cannot be written, before anything changes.</summary>
        public static void EnsureWritable(string path)
        {
            string? problem = null;
            try
            {
                var full = Path.GetFullPath(path);
                if (Directory.Exists(full))
                {
                    problem = "it is a directory";
                }
                else if (File.Exists(full) && (File.GetAttributes(full) & FileAttributes.ReadOnly) != 0)
                {
                    problem = "the file is read-only";
                }
                else
                {
                    var directory = ExistingAncestor(Path.GetDirectoryName(full)!);
                    if (directory != null && !CanCreateFileIn(directory))
                    {
                        problem = $"'{directory}' does not allow creating files";
                    }
                }
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is IOException || e is UnauthorizedAccessException)
            {
                problem = e.Message;
            }

            if (problem != null)
            {
                throw NotWritable(path, problem, null);
            }
        }

        /// <summary>Writes the profile; returns the full path written.</summary>
        public static string Export(string path, string profile, TemporaryCredentials c, CancellationToken cancellation)
        {
            ProfileNameRules.Validate(profile);
            return Edit(path, existing => CredentialsFileEditor.SetKeys(existing, profile, KeysFor(c)), cancellation);
        }

        /// <summary>Removes the credential keys from the profile (and the profile when nothing else is left in it).
        /// Returns false when the profile held none of them.</summary>
        public static bool Remove(string path, string profile, CancellationToken cancellation)
        {
            ProfileNameRules.Validate(profile);
            var changed = false;
            Edit(path, existing =>
            {
                var edited = CredentialsFileEditor.RemoveKeys(existing, profile,
                    new[] { AccessKeyIdKey, SecretAccessKeyKey, SessionTokenKey, SecurityTokenKey, ExpiresKey }, out changed);
                return changed ? edited : null;
            }, cancellation);
            return changed;
        }

        private static string Edit(string path, Func<byte[], byte[]?> edit, CancellationToken cancellation)
        {
            var full = Path.GetFullPath(path);
            try
            {
                using (FileLock.Acquire(full, s_lockTimeout, cancellation))
                {
                    var existing = File.Exists(full) ? File.ReadAllBytes(full) : new byte[0];
                    var edited = edit(existing);
                    if (edited != null)
                    {
                        AtomicFile.WriteAllBytes(full, edited);
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw NotWritable(path, e.Message, e);
            }

            return full;
        }

        private static StsToolsException NotWritable(string path, string problem, Exception? inner) =>
            new StsToolsException("CredentialsFileNotWritable", ErrorKind.WriteError,
                $"Cannot write the shared credentials file '{path}': {problem}.", inner)
            {
                Target = path,
                Remedy = "Point AWS_SHARED_CREDENTIALS_FILE at a file you can write, or fix the file's permissions.",
            };

        private static string? ExistingAncestor(string directory)
        {
            var current = directory;
            while (!string.IsNullOrEmpty(current) && !Directory.Exists(current))
            {
                if (File.Exists(current))
                {
                    throw new IOException($"'{current}' is a file, not a folder");
                }

                current = Path.GetDirectoryName(current);
            }

            return string.IsNullOrEmpty(current) ? null : current;
        }

        // The atomic write needs to create a temporary file beside the target: try exactly that.
        private static bool CanCreateFileIn(string directory)
        {
            var probe = Path.Combine(directory, ".ststools-probe-" + Guid.NewGuid().ToString("N"));
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }

                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
