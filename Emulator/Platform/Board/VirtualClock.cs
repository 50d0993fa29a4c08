using System.Diagnostics;
using System.Threading;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// Monotonic time source of a virtual board and its peripherals, in microseconds since creation. A board
    /// running firmware uses a real-time clock (firmware uses real threads and timers); peripheral tests use a
    /// manual clock that only moves when told to (<see cref="Advance"/>), which makes conversion timing exact.
    /// Peripherals never read the wall clock directly. Thread-safe.
    /// </summary>
    public sealed class VirtualClock
    {
        private readonly Stopwatch _stopwatch;
        private long _manualMicroseconds;

        private VirtualClock(bool manual)
        {
            _stopwatch = manual ? null : Stopwatch.StartNew();
        }

        /// <summary>A clock that follows real time.</summary>
        public static VirtualClock RealTime() => new VirtualClock(false);

        /// <summary>A clock that stands still until <see cref="Advance"/>.</summary>
        public static VirtualClock Manual() => new VirtualClock(true);

        /// <summary>True for a manual clock.</summary>
        public bool IsManual => _stopwatch == null;

        /// <summary>Microseconds elapsed since the clock was created (monotonic, never negative).</summary>
        public long NowMicroseconds => _stopwatch == null
            ? Interlocked.Read(ref _manualMicroseconds)
            : _stopwatch.ElapsedTicks * 1_000_000L / Stopwatch.Frequency;

        /// <summary>Moves a manual clock forward.</summary>
        /// <exception cref="System.InvalidOperationException">The clock follows real time.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">Negative step.</exception>
        public void Advance(long microseconds)
        {
            if (_stopwatch != null)
            {
                throw new System.InvalidOperationException("A real-time clock cannot be advanced.");
            }

            if (microseconds < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(microseconds), microseconds, "Time only moves forward.");
            }

            Interlocked.Add(ref _manualMicroseconds, microseconds);
        }
    }
}
