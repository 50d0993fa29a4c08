using System;
using System.IO;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// The flash folder of one demo run. A run starts from the documented state: the folder is erased, unless the user
    /// asked to keep it (<c>--keep-flash</c>, or a folder named with <c>--flash-root</c>/<c>--flash</c>), and then only
    /// when it was written by a run with the same layout (<see cref="LayoutFileName"/>), so what the demo prints about its
    /// layout is what runs. One emulator at a time: a second one on the same folder is refused (an exclusive lock on
    /// <c>&lt;folder&gt;.lock</c>, held until the run ends).
    /// </summary>
    public sealed class DemoFlash : IDisposable
    {
        /// <summary>File in the folder naming the layout the flash was written for.</summary>
        public const string LayoutFileName = "demo-layout.txt";

        private readonly FileStream _lock;
        private readonly string _lockPath;

        private DemoFlash(string root, FileStream lockFile, string lockPath)
        {
            Root = root;
            _lock = lockFile;
            _lockPath = lockPath;
        }

        /// <summary>The folder.</summary>
        public string Root { get; }

        /// <summary>True when the folder was kept from an earlier run with the same layout.</summary>
        public bool Kept { get; private set; }

        /// <summary>Takes the folder for this run.</summary>
        /// <param name="root">The flash folder.</param>
        /// <param name="keep">True when the user asked to keep flash between runs.</param>
        /// <param name="layout">One line describing what will run (nodes, fresh or provisioned, uplink), e.g. <c>universal=4 relay=1 provisioned mqtt=none</c>.</param>
        /// <param name="error">Why the folder cannot be used, or null.</param>
        /// <returns>The folder, or null with <paramref name="error"/> set.</returns>
        public static DemoFlash Open(string root, bool keep, string layout, out string error)
        {
            root = Path.GetFullPath(root);
            string lockPath = root.TrimEnd(Path.DirectorySeparatorChar) + ".lock";
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath));
            FileStream lockFile;
            try
            {
                lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                error = "flash folder " + root + " is in use by another emulator; stop it, or give this one its own folder with --flash-root DIR";
                return null;
            }

            var flash = new DemoFlash(root, lockFile, lockPath);
            string layoutFile = Path.Combine(root, LayoutFileName);
            if (keep && Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).GetEnumerator().MoveNext())
            {
                string written = File.Exists(layoutFile) ? File.ReadAllText(layoutFile).Trim() : "(an unknown layout)";
                if (written != layout)
                {
                    flash.Dispose();
                    error = "flash in " + root + " was written for " + written + ", not for this run's " + layout
                        + "; run with the options that made it, or without --keep-flash/--flash-root to start clean";
                    return null;
                }

                flash.Kept = true;
                error = null;
                return flash;
            }

            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            Directory.CreateDirectory(root);
            File.WriteAllText(layoutFile, layout + Environment.NewLine);
            error = null;
            return flash;
        }

        /// <summary>Releases the folder for the next emulator.</summary>
        public void Dispose()
        {
            _lock.Dispose();
            try
            {
                File.Delete(_lockPath);
            }
            catch (IOException)
            {
                // another emulator took the lock in between: it owns the file now
            }
        }
    }
}
