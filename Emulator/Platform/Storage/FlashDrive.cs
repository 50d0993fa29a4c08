using System;
using System.IO;
using DcMonitor.Emulator.Board;

namespace DcMonitor.Emulator.Storage
{
    /// <summary>
    /// Maps nanoFramework paths on the ESP32's internal flash drive (<c>I:\dir\file</c>; littlefs, mounted by
    /// nf-interpreter's target_FileSystem.cpp) to the active board's <see cref="VirtualBoard.FlashDirectory"/>.
    /// Paths on any other drive fail with <see cref="IOException"/>, as an unmounted drive does on a board.
    /// </summary>
    public static class FlashDrive
    {
        /// <summary>The drive name firmware uses.</summary>
        public const string DriveName = "I:";

        /// <summary>Host path for a device path.</summary>
        /// <exception cref="ArgumentNullException">path is null.</exception>
        /// <exception cref="IOException">The path is not on drive I: or leaves it.</exception>
        public static string ToHostPath(string path)
        {
            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            if (!path.StartsWith(DriveName, StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException("Drive of '" + path + "' is not mounted (only " + DriveName + " exists on this board).");
            }

            string root = VirtualBoard.Current.FlashDirectory;
            string relative = path.Substring(DriveName.Length).Replace('\\', '/').TrimStart('/');
            string full = Path.GetFullPath(Path.Combine(root, relative));
            if (!full.StartsWith(root, StringComparison.Ordinal))
            {
                throw new IOException("Path '" + path + "' leaves drive " + DriveName + ".");
            }

            return full;
        }

        /// <summary>nanoFramework File.Exists.</summary>
        public static bool FileExists(string path) => File.Exists(ToHostPath(path));

        /// <summary>nanoFramework File.Delete: nothing when missing; IOException when the folder is missing.</summary>
        public static void DeleteFile(string path)
        {
            string host = ToHostPath(path);
            if (!Directory.Exists(Path.GetDirectoryName(host)))
            {
                throw new IOException("Directory of '" + path + "' not found.");
            }

            File.Delete(host);
        }

        /// <summary>nanoFramework File.WriteAllBytes (overwrites).</summary>
        public static void WriteAllBytes(string path, byte[] bytes)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException(nameof(bytes));
            }

            Program(ToHostPath(path), bytes, append: false);
        }

        /// <summary>
        /// Programs a file as the flash does: byte by byte in order, so a power cut in the middle (<see cref="VirtualBoard.CutPower"/>,
        /// <see cref="VirtualBoard.PowerCutAfterFlashBytes"/>) leaves the file with what was written so far, and the writing
        /// thread gets an IOException (on a board it would never run again).
        /// </summary>
        private static void Program(string host, byte[] bytes, bool append)
        {
            VirtualBoard board = VirtualBoard.Current;
            int programmed = board == null ? bytes.Length : board.FlashBytesBeforePowerCut(bytes.Length);
            if (board != null && board.PoweredOff && programmed == 0)
            {
                throw new IOException("power lost: flash not written");
            }

            using (var stream = new FileStream(host, append ? FileMode.Append : FileMode.Create, FileAccess.Write))
            {
                stream.Write(bytes, 0, programmed);
            }

            if (programmed < bytes.Length)
            {
                throw new IOException("power lost after " + programmed + " of " + bytes.Length + " bytes");
            }
        }

        /// <summary>nanoFramework File.ReadAllBytes.</summary>
        public static byte[] ReadAllBytes(string path) => File.ReadAllBytes(ToHostPath(path));

        /// <summary>nanoFramework File.WriteAllText (UTF-8).</summary>
        public static void WriteAllText(string path, string contents) => Program(ToHostPath(path), new System.Text.UTF8Encoding(false).GetBytes(contents), append: false);

        /// <summary>nanoFramework File.ReadAllText.</summary>
        public static string ReadAllText(string path) => File.ReadAllText(ToHostPath(path));

        /// <summary>nanoFramework File.AppendAllText.</summary>
        public static void AppendAllText(string path, string contents) => Program(ToHostPath(path), new System.Text.UTF8Encoding(false).GetBytes(contents), append: true);

        /// <summary>nanoFramework File.Copy.</summary>
        public static void CopyFile(string source, string destination, bool overwrite) => File.Copy(ToHostPath(source), ToHostPath(destination), overwrite);

        /// <summary>nanoFramework File.Move: no overwrite; a missing source or an existing destination throws IOException.</summary>
        public static void MoveFile(string source, string destination)
        {
            string from = ToHostPath(source);
            string to = ToHostPath(destination);
            if (!File.Exists(from))
            {
                throw new IOException("File '" + source + "' not found.");
            }

            if (File.Exists(to))
            {
                throw new IOException("File '" + destination + "' already exists.");
            }

            File.Move(from, to);
        }

        /// <summary>nanoFramework Directory.Exists.</summary>
        public static bool DirectoryExists(string path) => Directory.Exists(ToHostPath(path));

        /// <summary>nanoFramework Directory.CreateDirectory.</summary>
        public static DirectoryInfo CreateDirectory(string path) => Directory.CreateDirectory(ToHostPath(path));

        /// <summary>nanoFramework Directory.Delete.</summary>
        public static void DeleteDirectory(string path, bool recursive) => Directory.Delete(ToHostPath(path), recursive);

        /// <summary>nanoFramework Directory.GetFiles: device paths of the files in a folder.</summary>
        public static string[] GetFiles(string path)
        {
            string[] files = Directory.GetFiles(ToHostPath(path));
            string prefix = path.TrimEnd('\\', '/') + "\\";
            for (int i = 0; i < files.Length; i++)
            {
                files[i] = prefix + Path.GetFileName(files[i]);
            }

            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }
    }
}
