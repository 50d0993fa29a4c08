using System;
using System.Diagnostics;
using System.Threading;

namespace DcMonitor.Emulator.Mesh.Air
{
    /// <summary>An <see cref="IAirClock"/> on real time (a monotonic stopwatch and thread-pool timers): for airs without a virtual clock.</summary>
    public sealed class RealTimeAirClock : IAirClock
    {
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();

        /// <summary>Real µs since this clock was created.</summary>
        public long NowMicroseconds => _elapsed.ElapsedTicks * 1_000_000L / Stopwatch.Frequency;

        /// <inheritdoc/>
        public IDisposable After(long delayMicroseconds, Action action)
        {
            if (delayMicroseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(delayMicroseconds), delayMicroseconds, "A timer cannot fire in the past.");
            }

            return new Timer(_ => action(), null, (long)Math.Ceiling(delayMicroseconds / 1000.0), Timeout.Infinite);
        }
    }
}
