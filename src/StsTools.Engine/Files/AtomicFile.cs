using System;
using System.IO;
using System.Threading;

namespace StsTools.Engine.Files
{
    /// <summary>
    /// Replaces a file's content all at once: the new content goes to a temporary file in the same directory
    /// (same volume, so the final step is a rename), which is made private (0600) before a byte is written,
    /// flushed to disk, then swapped in with File.Replace (or File.Move when there was no file). A reader sees
    /// the old file or the new one, never half of either; a crash leaves at worst a stray temporary file.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically. Creates the directory (0700) when missing.</summary>
        public static void WriteAllBytes(string path, byte[] content, int unixMode = UnixPermissions.OwnerReadWrite)
        {
            var full = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(full)!;
            UnixPermissions.CreatePrivateDirectory(directory);
            var temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // The file is still empty here: nobody can read the secret through a wider mode.
                    UnixPermissions.Set(temp, unixMode);
                    stream.Write(content, 0, content.Length);
                    stream.Flush(flushToDisk: true);
                }

                Swap(temp, full);
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }

        private static void Swap(string temp, string destination)
        {
            // Windows refuses a replace for a moment while another process (an antivirus, a reader) has the file
            // open; a few short retries ride that out. On Unix File.Replace is a rename(2) and never conflicts.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    if (File.Exists(destination))
                    {
                        File.Replace(temp, destination, destinationBackupFileName: null, ignoreMetadataErrors: true);
                    }
                    else
                    {
                        File.Move(temp, destination);
                    }

                    return;
                }
                catch (IOException) when (attempt < 20 && !UnixPermissions.Applies)
                {
                    Thread.Sleep(25);
                }
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
