using System;

namespace DcMonitor.Tests.Support.Scheduling
{
    /// <summary>
    /// Marks a test class that runs for a long time, mostly waiting on the firmware's own timing (outages, failovers, node
    /// processes starting), so that <see cref="LongestFirstOrderer"/> starts it before the short ones: the run then ends with
    /// short classes filling the gaps instead of one long class running alone. Scheduling only; it changes no test.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class LongRunningAttribute : Attribute
    {
        /// <summary>Marks a class whose tests take about <paramref name="seconds"/> in all on a quiet machine.</summary>
        /// <param name="seconds">Typical total duration of the class's tests, s (1 or more; measured, not asserted).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is below 1.</exception>
        public LongRunningAttribute(int seconds)
        {
            if (seconds < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A long-running class takes at least a second.");
            }

            Seconds = seconds;
        }

        /// <summary>Typical total duration of the class's tests on a quiet machine, s.</summary>
        public int Seconds { get; }
    }
}
