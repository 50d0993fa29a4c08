using System;

namespace DcMonitor.Emulator.Mesh.Air
{
    /// <summary>
    /// The clock of an air: virtual time on the timed air (timers fire in order with the transmissions, so SAR timers are
    /// deterministic), real time otherwise.
    /// </summary>
    public interface IAirClock
    {
        /// <summary>The air's current time in microseconds (virtual on the timed air).</summary>
        long NowMicroseconds { get; }

        /// <summary>
        /// Runs <paramref name="action"/> once, <paramref name="delayMicroseconds"/> after now on this clock, on a thread of the
        /// air's own; disposing the result before then cancels it.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Negative delay.</exception>
        IDisposable After(long delayMicroseconds, Action action);
    }
}
