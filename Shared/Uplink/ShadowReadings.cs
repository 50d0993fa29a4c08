using System;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// The readings a non-bridging uplink candidate keeps for a takeover (UplinkBridge: those heard within the last shadow window, at
    /// most <see cref="Capacity"/>, oldest first), in a ring of fixed arrays made at the first reading kept: keeping one boxes no time
    /// and grows no list (issue 16). The oldest gives way when the ring is full or when it is older than the window.
    /// Not thread-safe: the worker owns it.
    /// </summary>
    public sealed class ShadowReadings
    {
        private readonly int _capacity;
        private UplinkReading[] _readings;
        private long[] _heardAt;
        private int _oldest;
        private int _count;

        /// <summary>A ring of at most <paramref name="capacity"/> (&gt; 0) readings; nothing allocated until the first is kept.</summary>
        /// <exception cref="ArgumentOutOfRangeException">capacity is not positive.</exception>
        public ShadowReadings(int capacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _capacity = capacity;
        }

        /// <summary>Most readings kept.</summary>
        public int Capacity => _capacity;

        /// <summary>Readings kept now.</summary>
        public int Count => _count;

        /// <summary>Keeps <paramref name="reading"/>, heard at <paramref name="nowMilliseconds"/>, after dropping those heard more than
        /// <paramref name="windowMilliseconds"/> earlier and, when full, the oldest.</summary>
        public void Keep(UplinkReading reading, long nowMilliseconds, long windowMilliseconds)
        {
            if (_readings == null)
            {
                _readings = new UplinkReading[_capacity];
                _heardAt = new long[_capacity];
            }

            while (_count > 0 && (_count >= _capacity || nowMilliseconds - _heardAt[_oldest] > windowMilliseconds))
            {
                _readings[_oldest] = null;
                _oldest = (_oldest + 1) % _capacity;
                _count--;
            }

            int slot = (_oldest + _count) % _capacity;
            _readings[slot] = reading;
            _heardAt[slot] = nowMilliseconds;
            _count++;
        }

        /// <summary>Queues every kept reading, oldest first, into <paramref name="queue"/> (the caller locks it) and forgets them; returns how many.</summary>
        public int MoveTo(ReadingQueue queue)
        {
            int moved = _count;
            for (int i = 0; i < moved; i++)
            {
                int slot = (_oldest + i) % _capacity;
                queue.Enqueue(_readings[slot]);
                _readings[slot] = null;
            }

            _oldest = 0;
            _count = 0;
            return moved;
        }
    }
}
