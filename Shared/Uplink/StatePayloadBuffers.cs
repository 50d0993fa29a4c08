using System;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// Reused byte arrays for the state messages the bridge publishes. The MQTT client takes a message as an array of exactly
    /// its length and keeps it until the broker acknowledges it (QoS 1), so an array can be reused only once its whole batch was
    /// acknowledged: <see cref="Rent"/> hands out an array of the asked length (a free one when the pool has one),
    /// <see cref="ReturnAll"/> frees every rented array after the acknowledgement, <see cref="ForgetRented"/> leaves them to the
    /// client (and the collector) when it was not. A reading's state differs in length by a few characters only, so in steady
    /// state every publish finds its array (issue 16: a reading report allocates no message bytes). Tracks at most
    /// <see cref="Capacity"/> rented and keeps at most <see cref="Capacity"/> free arrays; an array rented past that is handed out
    /// and forgotten. Not thread-safe: the publishing thread owns it.
    /// </summary>
    public sealed class StatePayloadBuffers
    {
        private readonly byte[][] _free;
        private readonly byte[][] _rented;
        private int _freeCount;
        private int _rentedCount;
        private int _nextEvicted;

        /// <summary>A pool keeping at most <paramref name="capacity"/> free arrays (&gt; 0; the batch size or more).</summary>
        /// <exception cref="ArgumentOutOfRangeException">capacity is not positive.</exception>
        public StatePayloadBuffers(int capacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _free = new byte[capacity][];
            _rented = new byte[capacity][];
        }

        /// <summary>Most arrays kept free, and most tracked as rented.</summary>
        public int Capacity => _free.Length;

        /// <summary>Arrays free for reuse.</summary>
        public int FreeCount => _freeCount;

        /// <summary>
        /// An array of exactly <paramref name="length"/> bytes (&gt; 0), rented until <see cref="ReturnAll"/> or
        /// <see cref="ForgetRented"/>; its content is whatever it held before.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">length is not positive.</exception>
        public byte[] Rent(int length)
        {
            if (length <= 0)
            {
                throw new ArgumentOutOfRangeException("length");
            }

            byte[] array = TakeFree(length);
            if (array == null)
            {
                array = new byte[length];
            }

            if (_rentedCount < _rented.Length)
            {
                _rented[_rentedCount++] = array;
            }

            return array;
        }

        /// <summary>Every rented array is no longer used (its message was acknowledged): all become free for reuse.</summary>
        public void ReturnAll()
        {
            for (int i = 0; i < _rentedCount; i++)
            {
                Keep(_rented[i]);
                _rented[i] = null;
            }

            _rentedCount = 0;
        }

        /// <summary>The rented arrays may still be held by the client (not acknowledged): they are never handed out again.</summary>
        public void ForgetRented()
        {
            for (int i = 0; i < _rentedCount; i++)
            {
                _rented[i] = null;
            }

            _rentedCount = 0;
        }

        private byte[] TakeFree(int length)
        {
            for (int i = 0; i < _freeCount; i++)
            {
                byte[] array = _free[i];
                if (array.Length == length)
                {
                    _freeCount--;
                    _free[i] = _free[_freeCount];
                    _free[_freeCount] = null;
                    return array;
                }
            }

            return null;
        }

        /// <summary>Frees an array; when the pool is full, it replaces a free one (in turn), so lengths no longer seen age out.</summary>
        private void Keep(byte[] array)
        {
            if (_freeCount < _free.Length)
            {
                _free[_freeCount++] = array;
                return;
            }

            _free[_nextEvicted] = array;
            _nextEvicted = (_nextEvicted + 1) % _free.Length;
        }
    }
}
