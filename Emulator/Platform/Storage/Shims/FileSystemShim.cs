// Host build only. Compiled into every firmware host assembly so that firmware code written against
// nanoFramework.System.IO.FileSystem (File.WriteAllBytes("I:\\x.bin", ...)) binds here rather than to the
// desktop System.IO.File (C# prefers a type in the compilation over one in a reference: warning CS0436,
// silenced in FirmwareHost.props). Members and exceptions are those of nanoFramework's File and Directory;
// the work is done by DcMonitor.Emulator.Storage.FlashDrive.
using DcMonitor.Emulator.Storage;

namespace System.IO
{
    /// <summary>nanoFramework's <c>System.IO.File</c> on the emulated flash drive.</summary>
    internal static class File
    {
        public static bool Exists(string path) => FlashDrive.FileExists(path);

        public static void Delete(string path) => FlashDrive.DeleteFile(path);

        public static void WriteAllBytes(string path, byte[] bytes) => FlashDrive.WriteAllBytes(path, bytes);

        public static byte[] ReadAllBytes(string path) => FlashDrive.ReadAllBytes(path);

        public static void WriteAllText(string path, string contents) => FlashDrive.WriteAllText(path, contents);

        public static string ReadAllText(string path) => FlashDrive.ReadAllText(path);

        public static void AppendAllText(string path, string contents) => FlashDrive.AppendAllText(path, contents);

        public static void Copy(string sourceFileName, string destFileName) => FlashDrive.CopyFile(sourceFileName, destFileName, false);

        public static void Copy(string sourceFileName, string destFileName, bool overwrite) => FlashDrive.CopyFile(sourceFileName, destFileName, overwrite);

        public static void Move(string sourceFileName, string destFileName) => FlashDrive.MoveFile(sourceFileName, destFileName);
    }

    /// <summary>nanoFramework's <c>System.IO.Directory</c> on the emulated flash drive.</summary>
    internal static class Directory
    {
        public static bool Exists(string path) => FlashDrive.DirectoryExists(path);

        public static DirectoryInfo CreateDirectory(string path) => FlashDrive.CreateDirectory(path);

        public static void Delete(string path) => FlashDrive.DeleteDirectory(path, false);

        public static void Delete(string path, bool recursive) => FlashDrive.DeleteDirectory(path, recursive);

        public static string[] GetFiles(string path) => FlashDrive.GetFiles(path);
    }
}
