using System;
using System.Collections.Generic;
using DcMonitor.Emulator.Mesh.Air;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// An air clock that only moves when the test calls <see cref="Advance"/>: due actions run on the test's thread, in time order
    /// (ties in the order they were scheduled), and actions they schedule within the advanced span run too. Thread-safe.
    /// </summary>
    internal sealed class ManualAirClock : IAirClock
    {
        private readonly object _gate = new object();
        private readonly List<Timer> _timers = new List<Timer>();
        private long _now;
        private long _sequence;

        public long NowMicroseconds
        {
            get
            {
                lock (_gate)
                {
                    return _now;
                }
            }
        }

        public IDisposable After(long delayMicroseconds, Action action)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(delayMicroseconds);
            lock (_gate)
            {
                var timer = new Timer(this, _now + delayMicroseconds, _sequence++, action);
                _timers.Add(timer);
                return timer;
            }
        }

        /// <summary>Moves time on by <paramref name="microseconds"/>, running every action that falls due on the way.</summary>
        public void Advance(long microseconds)
        {
            long end;
            lock (_gate)
            {
                end = _now + microseconds;
            }

            while (true)
            {
                Timer next = null;
                lock (_gate)
                {
                    foreach (Timer timer in _timers)
                    {
                        if (timer.Due <= end && (next == null || timer.Due < next.Due || (timer.Due == next.Due && timer.Sequence < next.Sequence)))
                        {
                            next = timer;
                        }
                    }

                    if (next == null)
                    {
                        _now = end;
                        return;
                    }

                    _timers.Remove(next);
                    _now = next.Due;
                }

                next.Action();
            }
        }

        private sealed class Timer : IDisposable
        {
            private readonly ManualAirClock _clock;

            public Timer(ManualAirClock clock, long due, long sequence, Action action)
            {
                _clock = clock;
                Due = due;
                Sequence = sequence;
                Action = action;
            }

            public long Due { get; }

            public long Sequence { get; }

            public Action Action { get; }

            public void Dispose()
            {
                lock (_clock._gate)
                {
                    _clock._timers.Remove(this);
                }
            }
        }
    }
}
