using System;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// Bytes the emulator's stand-ins for native code allocated on the calling thread: on the device these calls (an I2C transfer,
    /// for example) run in C and allocate nothing on the managed heap, so an allocation count of the firmware subtracts them
    /// (Tests/Host/Allocation, issue 16). Each stand-in that allocates while the firmware waits for it wraps its work in
    /// <see cref="Begin"/> / <see cref="End"/>.
    /// </summary>
    public static class EmulatedNativeAllocations
    {
        [ThreadStatic]
        private static long t_bytes;

        /// <summary>Bytes the stand-ins allocated on the calling thread since it started.</summary>
        public static long OnCurrentThread => t_bytes;

        /// <summary>Marks the start of a stand-in's work; pass the result to <see cref="End"/>.</summary>
        internal static long Begin() => GC.GetAllocatedBytesForCurrentThread();

        /// <summary>Counts what the calling thread allocated since <paramref name="begin"/> as the stand-in's.</summary>
        internal static void End(long begin) => t_bytes += GC.GetAllocatedBytesForCurrentThread() - begin;
    }
}
