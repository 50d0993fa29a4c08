using System;
using System.Runtime.CompilerServices;
using DcMonitor.Emulator.Board;
using DcMonitor.PathDrivers;

namespace DcMonitor.Tests.Allocation
{
    /// <summary>
    /// Bytes a <see cref="WholePath"/> allocates per operation on the host: <see cref="WarmUpOperations"/> operations first
    /// (first-call allocations: static constructors, lazily built tables, JIT), then <see cref="MeasuredOperations"/> counted
    /// with <see cref="GC.GetAllocatedBytesForCurrentThread"/>. A path driver is single-threaded, so the count holds all of the
    /// operation's allocations and nothing of other threads: a count, not a time, the same on every run. What the emulator's stand-ins
    /// for native code allocate on the way (<see cref="EmulatedNativeAllocations"/>: an emulated I2C transfer; C on the device, no managed
    /// allocation there) is not the firmware's and is left out; the Shared/ drivers call none.
    /// </summary>
    internal static class AllocationMeter
    {
        /// <summary>Operations run before counting.</summary>
        public const int WarmUpOperations = 1000;

        /// <summary>Operations counted.</summary>
        public const int MeasuredOperations = 1000;

        /// <summary>The environment variable that turns .NET's stack allocation of non-escaping objects off (nanoCLR has none).</summary>
        public const string StackAllocationKnob = "DOTNET_JitObjectStackAllocation";

        /// <summary>Bytes allocated per operation of <paramref name="path"/> in steady state.</summary>
        /// <exception cref="InvalidOperationException">Stack allocation is on (figures would be too low), or the path handed nothing on.</exception>
        public static double BytesPerOperation(WholePath path)
        {
            RequireStackAllocationOff();
            for (int i = 0; i < WarmUpOperations; i++)
            {
                path.Run();
            }

            int handedBefore = path.Handed;
            long nativeBefore = EmulatedNativeAllocations.OnCurrentThread;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < MeasuredOperations; i++)
            {
                path.Run();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before - (EmulatedNativeAllocations.OnCurrentThread - nativeBefore);
            if (path.Handed - handedBefore < MeasuredOperations)
            {
                throw new InvalidOperationException(path.Name + ": handed on " + (path.Handed - handedBefore) + " results in "
                    + MeasuredOperations + " operations; the driver no longer reaches the end of its path");
            }

            return (double)allocated / MeasuredOperations;
        }

        /// <summary>
        /// Throws unless stack allocation is off in this process: the probe allocates one small object that never escapes,
        /// compiled fully optimised at once; with stack allocation on (the .NET 10 default) it costs 0 heap bytes.
        /// </summary>
        /// <exception cref="InvalidOperationException">Stack allocation is on.</exception>
        public static void RequireStackAllocationOff()
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            int value = NonEscapingAllocation(7);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated == 0 || value != 7)
            {
                throw new InvalidOperationException("The JIT allocates non-escaping objects on the stack in this process ("
                    + StackAllocationKnob + "=" + (Environment.GetEnvironmentVariable(StackAllocationKnob) ?? "unset")
                    + "): allocation figures would be lower than on nanoCLR, which has no stack allocation. Run the tests with "
                    + StackAllocationKnob + "=0 (test.sh and Tests/Host/host.runsettings set it).");
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static int NonEscapingAllocation(int value)
        {
            var box = new Probe(value);
            return box.Value;
        }

        private sealed class Probe
        {
            public Probe(int value)
            {
                Value = value;
            }

            public int Value { get; }
        }
    }
}
