using System;
using System.Collections.Generic;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// What drives one pin over time: the fraction of each period the pin is high (1 = constantly high,
    /// 0 = constantly low, in between = PWM), or floating (not driven: input mode or unconfigured).
    /// Keeps a history so peripherals can integrate over past windows (the INA260 averages over its
    /// conversion cycle). Thread-safe.
    /// </summary>
    public sealed class PinDrive
    {
        private readonly object _gate = new object();
        private readonly List<long> _times = new List<long>();
        private readonly List<double> _levels = new List<double>();
        private readonly List<int> _frequencies = new List<int>();

        /// <summary>Marker level meaning "not driven".</summary>
        public const double Floating = double.NaN;

        /// <summary>
        /// Records that from <paramref name="timeMicroseconds"/> on the pin is high for
        /// <paramref name="highFraction"/> of each period of a <paramref name="frequencyHertz"/> square wave
        /// (0 Hz = a constant level; NaN = floating).
        /// </summary>
        public void Set(long timeMicroseconds, double highFraction, int frequencyHertz = 0)
        {
            lock (_gate)
            {
                int last = _levels.Count - 1;
                if (last >= 0 && _times[last] == timeMicroseconds)
                {
                    _levels[last] = highFraction;
                    _frequencies[last] = frequencyHertz;
                    return;
                }

                _times.Add(timeMicroseconds);
                _levels.Add(highFraction);
                _frequencies.Add(frequencyHertz);
                if (_times.Count > 4096)
                {
                    _times.RemoveRange(0, 2048);
                    _levels.RemoveRange(0, 2048);
                    _frequencies.RemoveRange(0, 2048);
                }
            }
        }

        /// <summary>
        /// Fraction of the window [<paramref name="startMicroseconds"/>, <paramref name="endMicroseconds"/>)
        /// during which the pin was high, integrating the square wave exactly (so a window that is not a
        /// whole number of PWM periods sees the ripple a real ADC sees). Floating counts as
        /// <paramref name="floatingLevel"/>.
        /// </summary>
        public double HighFractionOver(long startMicroseconds, long endMicroseconds, double floatingLevel)
        {
            if (endMicroseconds <= startMicroseconds)
            {
                return SegmentLevel(LevelAt(startMicroseconds), FrequencyAt(startMicroseconds), floatingLevel);
            }

            lock (_gate)
            {
                double highTime = 0;
                long cursor = startMicroseconds;
                int index = IndexAt(startMicroseconds);
                while (cursor < endMicroseconds)
                {
                    long segmentEnd = index + 1 < _times.Count ? Math.Min(_times[index + 1], endMicroseconds) : endMicroseconds;
                    if (segmentEnd <= cursor)
                    {
                        index++;
                        continue;
                    }

                    double level = index >= 0 ? _levels[index] : Floating;
                    int frequency = index >= 0 ? _frequencies[index] : 0;
                    highTime += HighTime(cursor, segmentEnd, level, frequency, floatingLevel);
                    cursor = segmentEnd;
                    index++;
                }

                return highTime / (endMicroseconds - startMicroseconds);
            }
        }

        private int FrequencyAt(long timeMicroseconds)
        {
            lock (_gate)
            {
                int index = IndexAt(timeMicroseconds);
                return index >= 0 ? _frequencies[index] : 0;
            }
        }

        private int IndexAt(long timeMicroseconds)
        {
            for (int i = _times.Count - 1; i >= 0; i--)
            {
                if (_times[i] <= timeMicroseconds)
                {
                    return i;
                }
            }

            return -1;
        }

        private static double SegmentLevel(double level, int frequency, double floatingLevel)
        {
            return double.IsNaN(level) ? floatingLevel : level;
        }

        private static double HighTime(long start, long end, double level, int frequency, double floatingLevel)
        {
            if (double.IsNaN(level))
            {
                return floatingLevel * (end - start);
            }

            if (frequency <= 0 || level <= 0 || level >= 1)
            {
                return level * (end - start);
            }

            // A square wave high for the first level*period of each period, with period 0 at time 0.
            double period = 1_000_000.0 / frequency;
            return HighTimeUntil(end, period, level) - HighTimeUntil(start, period, level);
        }

        private static double HighTimeUntil(long time, double period, double level)
        {
            double wholePeriods = Math.Floor(time / period);
            double intoPeriod = time - (wholePeriods * period);
            return (wholePeriods * level * period) + Math.Min(intoPeriod, level * period);
        }

        /// <summary>Every recorded change, oldest first, as (time in µs, high fraction) pairs.</summary>
        public IReadOnlyList<KeyValuePair<long, double>> History()
        {
            lock (_gate)
            {
                var copy = new List<KeyValuePair<long, double>>(_times.Count);
                for (int i = 0; i < _times.Count; i++)
                {
                    copy.Add(new KeyValuePair<long, double>(_times[i], _levels[i]));
                }

                return copy;
            }
        }

        /// <summary>High fraction at a time (NaN when floating, or before anything drove the pin).</summary>
        public double LevelAt(long timeMicroseconds)
        {
            lock (_gate)
            {
                for (int i = _times.Count - 1; i >= 0; i--)
                {
                    if (_times[i] <= timeMicroseconds)
                    {
                        return _levels[i];
                    }
                }

                return Floating;
            }
        }
    }
}
