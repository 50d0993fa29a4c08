using DcMonitor.Emulator.Board;

namespace nanoFramework.Runtime.Native
{
    /// <summary>
    /// Emulation of nanoFramework.Runtime.Native 1.7.11's <c>nanoFramework.Runtime.Native.GC</c>: runs the collector and
    /// reports the free managed heap. On the host the figure comes from the host's collector (<see cref="ManagedHeap"/>:
    /// the configured ESP32-C6 heap size minus what the host heap has grown by since the first call, after a full collection),
    /// an approximation fit for comparing two calls, not an absolute device figure.
    /// </summary>
    public static class GC
    {
        /// <summary>
        /// Runs a full, blocking collection (compacting whatever <paramref name="compactHeap"/> says: the host's forced
        /// collection always compacts) and returns the free managed heap, bytes.
        /// </summary>
        public static uint Run(bool compactHeap)
        {
            return ManagedHeap.FreeAfterCollection();
        }

        /// <summary>nanoCLR prints a line per collection when enabled; the emulator has no such output and ignores it.</summary>
        public static void EnableGCMessages(bool enable)
        {
        }
    }
}
