using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace StsTools.Engine.Caching
{
    /// <summary>
    /// Writes a cache file the way the AWS CLI does: owner-only (0600, directory 0700 on Unix), complete or not at
    /// all (temp file in the same directory, then replace). Minimal on purpose: the environment helper's
    /// Files/AtomicFile and Files/UnixPermissions had not landed when this was written; switch to them once they do.
    /// </summary>
    internal static class CacheFile
    {
        private static readonly bool s_isUnix = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public static void WriteAllText(string path, string text)
        {
            var directory = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
                Chmod(directory, 0x1C0); // 0700
            }

            var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                // Create empty, restrict, then fill: the secret is never in a file others can read.
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    Chmod(temp, 0x180); // 0600
                    var bytes = new UTF8Encoding(false).GetBytes(text);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }

                if (File.Exists(path))
                {
                    File.Replace(temp, path, null);
                }
                else
                {
                    File.Move(temp, path);
                }
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }

        private static void Chmod(string path, int mode)
        {
            if (s_isUnix && chmod(path, mode) != 0)
            {
                throw new IOException($"Could not restrict the permissions of {path} (errno {Marshal.GetLastWin32Error()}).");
            }
        }

        [DllImport("libc", SetLastError = true, EntryPoint = "chmod")]
        private static extern int chmod(string path, int mode);
    }
}
