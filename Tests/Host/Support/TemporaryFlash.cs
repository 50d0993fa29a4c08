using System;
using System.IO;

namespace DcMonitor.Tests.Support
{
    /// <summary>A fresh folder standing for a board's flash drive, deleted on dispose.</summary>
    public sealed class TemporaryFlash : IDisposable
    {
        public TemporaryFlash()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dcmonitor-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // a node still writing; the OS temp cleaner takes it
            }
        }
    }
}
