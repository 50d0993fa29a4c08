namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// One firmware path driven end to end, one operation at a time, through the firmware's own Shared/ classes. One
    /// implementation for every instrument of issue 16: compiled into NFUnitTest (the heap leak test, on nanoCLR and on the
    /// host), which the host's allocation regression tests (Tests/Host/Allocation) use, and linked into the benchmarks
    /// (Tests/Benchmarks). nanoFramework 1.x code (no generics, C# 9). Single-threaded: every allocation of an operation happens
    /// on the calling thread, so the host's GC.GetAllocatedBytesForCurrentThread counts all of it.
    /// </summary>
    public abstract class WholePath
    {
        /// <summary>The path's name in test output, benchmark tables and docs/memory.md.</summary>
        public abstract string Name { get; }

        /// <summary>Runs one operation of the path (for example one STATUS forwarded, one tick).</summary>
        public abstract void Run();

        /// <summary>What the path handed to the radio or the notifier so far (an operation that did nothing is a broken driver).</summary>
        public abstract int Handed { get; }

        /// <inheritdoc/>
        public override string ToString() => Name;
    }
}
