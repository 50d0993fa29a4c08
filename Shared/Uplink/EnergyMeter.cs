using System;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// A node's energy counter (issue "MQTT uplink"): integrates power readings over time, rectangle by rectangle (each reading's
    /// power held until the next one), without losing the sub-milliwatt-hour remainder between readings. The total is what
    /// survives power cuts: the image restores it with <see cref="Restore"/> and saves it when <see cref="ShouldSave"/> says so
    /// (every <see cref="SaveIntervalMilliseconds"/>, or after <see cref="SaveStepMilliwattHours"/> more), so a power cut
    /// loses at most that much. Negative power (current flowing back) is not counted: the counter only increases, as Home
    /// Assistant's <c>total_increasing</c> requires. Not thread-safe: the sensor worker owns it.
    /// </summary>
    public sealed class EnergyMeter
    {
        /// <summary>Longest time between saves, ms.</summary>
        public const int SaveIntervalMilliseconds = 60000;

        /// <summary>Energy after which a save is due even within the interval, mWh.</summary>
        public const int SaveStepMilliwattHours = 100;

        /// <summary>A gap between readings longer than this is not integrated (the node was off or the sensor absent), ms.</summary>
        public const int MaximumGapMilliseconds = 10000;

        private const long MicrowattMillisecondsPerMilliwattHour = 3600L * 1000 * 1000; // 1 mWh = 3 600 000 mW·ms = 3.6e9 µW·ms

        private long _remainder; // µW·ms not yet a whole mWh
        private long _lastTime = -1;
        private long _lastMicrowatts;
        private long _savedAt;
        private uint _savedTotal;

        /// <summary>The total as last saved (<see cref="Saved"/>) or restored, mWh: what a node publishes, so that a power cut never
        /// makes a published counter go down (Home Assistant reads a decrease of a <c>total_increasing</c> sensor as a meter reset).</summary>
        public uint SavedMilliwattHours => _savedTotal;

        /// <summary>Energy counted, mWh (wraps after 4 294 967 295 mWh, about 4.3 MWh).</summary>
        public uint TotalMilliwattHours { get; private set; }

        /// <summary>Starts from a saved total (at boot) at <paramref name="nowMilliseconds"/>.</summary>
        public void Restore(uint totalMilliwattHours, long nowMilliseconds)
        {
            TotalMilliwattHours = totalMilliwattHours;
            _savedTotal = totalMilliwattHours;
            _savedAt = nowMilliseconds;
            _remainder = 0;
            _lastTime = -1;
        }

        /// <summary>A power reading of <paramref name="microwatts"/> µW taken at <paramref name="nowMilliseconds"/>.</summary>
        /// <exception cref="ArgumentException">Time went backwards.</exception>
        public void Add(long microwatts, long nowMilliseconds)
        {
            if (_lastTime >= 0)
            {
                long elapsed = nowMilliseconds - _lastTime;
                if (elapsed < 0)
                {
                    throw new ArgumentException("energy meter: time went backwards by " + (-elapsed).ToString() + " ms");
                }

                if (elapsed <= MaximumGapMilliseconds && _lastMicrowatts > 0)
                {
                    _remainder += _lastMicrowatts * elapsed;
                    long whole = _remainder / MicrowattMillisecondsPerMilliwattHour;
                    _remainder -= whole * MicrowattMillisecondsPerMilliwattHour;
                    TotalMilliwattHours = unchecked(TotalMilliwattHours + (uint)whole);
                }
            }

            _lastTime = nowMilliseconds;
            _lastMicrowatts = microwatts;
        }

        /// <summary>True when the total should be written to flash now.</summary>
        public bool ShouldSave(long nowMilliseconds)
        {
            uint gained = unchecked(TotalMilliwattHours - _savedTotal);
            return gained > 0 && (nowMilliseconds - _savedAt >= SaveIntervalMilliseconds || gained >= SaveStepMilliwattHours);
        }

        /// <summary>The image saved the total at <paramref name="nowMilliseconds"/>.</summary>
        public void Saved(long nowMilliseconds)
        {
            _savedTotal = TotalMilliwattHours;
            _savedAt = nowMilliseconds;
        }
    }
}
