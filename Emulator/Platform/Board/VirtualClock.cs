using System.Diagnostics;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// Monotonic time source shared by a virtual board and its peripherals, in microseconds since the
    /// board powered on. Firmware uses real threads and timers, so this clock runs in real time; it is a
    /// separate type so peripherals (e.g. the INA260's conversion cycles) never read the wall clock.
    /// </summary>
    public sealed class VirtualClock
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

        /// <summary>Microseconds elapsed since the board was created (monotonic, never negative).</summary>
        public long NowMicroseconds => _stopwatch.ElapsedTicks * 1_000_000L / Stopwatch.Frequency;
    }
}
