using System;
using System.IO;
using System.Threading;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Files
{
    /// <summary>
    /// A lock shared by every process on the machine: holding <c>&lt;file&gt;.lock</c> open with FileShare.None
    /// (an exclusive flock on Unix, a share-mode lock on Windows). Writers of one file take it around their
    /// read-modify-write, so two runbooks saving different profiles at once both end up in the file.
    /// The lock file stays in place: deleting it on release would let two processes lock two different files.
    /// </summary>
    public sealed class FileLock : IDisposable
    {
        private readonly FileStream _stream;

        private FileLock(FileStream stream) => _stream = stream;

        /// <summary>The lock file that guards <paramref name="path"/>.</summary>
        public static string LockPathFor(string path) => Path.GetFullPath(path) + ".lock";

        /// <summary>Waits for the lock on <paramref name="path"/> until <paramref name="timeout"/>, or until cancelled.</summary>
        public static FileLock Acquire(string path, TimeSpan timeout, CancellationToken cancellation = default)
        {
            var lockPath = LockPathFor(path);
            UnixPermissions.CreatePrivateDirectory(Path.GetDirectoryName(lockPath)!);
            var deadline = DateTime.UtcNow + timeout;
            var random = new Random();
            var pause = 5;
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                try
                {
                    var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    UnixPermissions.Set(lockPath, UnixPermissions.OwnerReadWrite);
                    return new FileLock(stream);
                }
                catch (IOException e) when (e is not FileNotFoundException && e is not DirectoryNotFoundException && !(e is PathTooLongException))
                {
                    // Held by another process: wait a little (jittered, growing) and try again.
                    if (DateTime.UtcNow >= deadline)
                    {
                        throw new StsToolsException("FileLockTimeout", ErrorKind.OperationTimeout,
                            $"Another process kept '{path}' locked for more than {timeout.TotalSeconds:0.#} s (lock file '{lockPath}').")
                        {
                            Target = path,
                            Remedy = "Retry; if no other StsTools or AWS tool is running, delete the lock file.",
                        };
                    }

                    if (cancellation.WaitHandle.WaitOne(random.Next(pause, pause * 2)))
                    {
                        cancellation.ThrowIfCancellationRequested();
                    }

                    pause = Math.Min(pause * 2, 100);
                }
            }
        }

        public void Dispose() => _stream.Dispose();
    }
}
