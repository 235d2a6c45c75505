using System;
using System.IO;
using System.Runtime.InteropServices;

namespace StsTools.Engine.Files
{
    /// <summary>
    /// File modes on Linux and macOS. netstandard2.0 has no File.SetUnixFileMode (it arrived in .NET 7), and the
    /// module must also load on Windows PowerShell 5.1, so this calls libc's chmod directly. On Windows it does
    /// nothing: the user profile's ACLs already keep ~/.aws private.
    /// </summary>
    public static class UnixPermissions
    {
        /// <summary>rw------- : credentials, caches, lock files.</summary>
        public const int OwnerReadWrite = 0x180; // octal 0600

        /// <summary>rwx------ : directories the module creates.</summary>
        public const int OwnerAll = 0x1C0; // octal 0700

        public static bool Applies { get; } = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>Sets the mode of a file or directory (no-op on Windows).</summary>
        public static void Set(string path, int mode)
        {
            if (!Applies)
            {
                return;
            }

            if (chmod(path, (uint)mode) != 0)
            {
                var errno = Marshal.GetLastWin32Error();
                throw new IOException($"Could not set the mode of '{path}' to {Convert.ToString(mode, 8)} (errno {errno}).");
            }
        }

        /// <summary>Creates a directory (and its parents) with mode 0700 for every level it creates.</summary>
        public static void CreatePrivateDirectory(string path)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                return;
            }

            var parent = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(parent))
            {
                CreatePrivateDirectory(parent!);
            }

            Directory.CreateDirectory(full);
            Set(full, OwnerAll);
        }

        // mode_t is 32 bits on Linux and 16 on macOS; either way the argument travels in a full register.
        [DllImport("libc", SetLastError = true)]
        private static extern int chmod([MarshalAs(UnmanagedType.LPStr)] string path, uint mode);
    }
}
