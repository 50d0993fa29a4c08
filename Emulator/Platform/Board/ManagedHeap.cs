namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// The managed heap the emulated nanoCLR reports through <c>nanoFramework.Runtime.Native.GC.Run</c>: a configured size
    /// (the device's heap) minus what the host's collector holds after a full collection beyond what it held at the first
    /// call (the host process holds megabytes of runtime, test runner and emulator that the device has not, so the first
    /// call is the zero). An approximation: the figure is process-wide (other threads' live objects count), and .NET object
    /// sizes differ from nanoCLR's (see docs/memory.md); differences between two calls on a quiet process are what it is
    /// meant for (leak checks), not the absolute figure.
    /// </summary>
    public static class ManagedHeap
    {
        /// <summary>
        /// The ESP32_C6 nanoCLR image's managed heap at start-up, bytes: 82,488, measured by nanoFramework on the stock
        /// ESP32_C6 image after its memory adjustment (nanoframework/nf-interpreter pull request 3037, "Memory All (startup)
        /// Managed:82488"). The size is not a build constant: targets/ESP32/_nanoCLR/Memory.cpp (HeapLocation) allocates the
        /// internal RAM left after reserving 90 KB for ESP-IDF on ESP32-C6, plus 30 KB more when the image has BLE — so an
        /// image with the BLE Mesh component has less.
        /// </summary>
        public const long Esp32C6StartupBytes = 82488;

        private static readonly object Gate = new object();
        private static long _sizeBytes = Esp32C6StartupBytes;
        private static long _baselineBytes = -1;

        /// <summary>The heap size GC.Run subtracts from, bytes (default <see cref="Esp32C6StartupBytes"/>).</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">A size that is not positive.</exception>
        public static long SizeBytes
        {
            get => System.Threading.Interlocked.Read(ref _sizeBytes);
            set
            {
                if (value <= 0)
                {
                    throw new System.ArgumentOutOfRangeException(nameof(value), value, "the managed heap size must be positive");
                }

                System.Threading.Interlocked.Exchange(ref _sizeBytes, value);
            }
        }

        /// <summary>
        /// Runs a full, blocking, compacting host collection and returns <see cref="SizeBytes"/> minus the bytes the host heap
        /// holds (GC.GetTotalMemory after it) beyond those it held after the first call's collection, clamped to
        /// 0..uint.MaxValue: the first call returns <see cref="SizeBytes"/>; a later one more when the process holds less than then.
        /// </summary>
        public static uint FreeAfterCollection()
        {
            lock (Gate)
            {
                System.GC.Collect(System.GC.MaxGeneration, System.GCCollectionMode.Forced, blocking: true, compacting: true);
                System.GC.WaitForPendingFinalizers();
                System.GC.Collect(System.GC.MaxGeneration, System.GCCollectionMode.Forced, blocking: true, compacting: true);
                long held = System.GC.GetTotalMemory(false);
                if (_baselineBytes < 0)
                {
                    _baselineBytes = held;
                }

                long free = SizeBytes - (held - _baselineBytes);
                return free <= 0 ? 0u : free >= uint.MaxValue ? uint.MaxValue : (uint)free;
            }
        }
    }
}
