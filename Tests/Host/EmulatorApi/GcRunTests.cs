using System;
using DcMonitor.Emulator.Board;
using DcMonitor.Tests.Network;
using Xunit;

namespace DcMonitor.Tests.EmulatorApi
{
    /// <summary>
    /// The emulated <c>nanoFramework.Runtime.Native.GC.Run</c> (<see cref="ManagedHeap"/>): the free heap falls by what the
    /// process keeps alive and comes back when it is released. Runs alone (the figure is process-wide).
    /// </summary>
    [Collection(CpuLoadCollection.Name)]
    public class GcRunTests
    {
        private const int HeldBytes = 32_000_000;

        /// <summary>
        /// Noise allowed: what the rest of the process (runtime, test runner, timers of earlier tests' nodes) allocates and keeps
        /// between two collections, bytes (measured up to ≈ 650 KB; held is 50 times more).
        /// </summary>
        private const int NoiseBytes = 2_000_000;

        [Fact]
        public void TheFreeHeapFallsByWhatIsHeldAndComesBackWhenReleased()
        {
            long configured = ManagedHeap.SizeBytes;
            ManagedHeap.SizeBytes = 1L << 30; // far above the host's noise, so no figure is clamped to 0
            try
            {
                uint before = nanoFramework.Runtime.Native.GC.Run(true);
                byte[] held = new byte[HeldBytes];
                uint holding = nanoFramework.Runtime.Native.GC.Run(false);
                GC.KeepAlive(held);
                held = null;
                uint released = nanoFramework.Runtime.Native.GC.Run(true);

                long fell = (long)before - holding;
                Assert.InRange(fell, HeldBytes - NoiseBytes, HeldBytes + NoiseBytes);
                Assert.InRange((long)released - holding, HeldBytes - NoiseBytes, HeldBytes + NoiseBytes);
            }
            finally
            {
                ManagedHeap.SizeBytes = configured;
            }
        }

        [Fact]
        public void TheDefaultSizeIsTheEsp32C6Figure()
        {
            Assert.Equal(82_488, ManagedHeap.Esp32C6StartupBytes);
            Assert.Equal(ManagedHeap.Esp32C6StartupBytes, ManagedHeap.SizeBytes);
        }

        [Fact]
        public void ASizeThatIsNotPositiveIsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => ManagedHeap.SizeBytes = 0);
            Assert.Throws<ArgumentOutOfRangeException>(() => ManagedHeap.SizeBytes = -1);
        }
    }
}
