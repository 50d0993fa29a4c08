using System;

namespace DcMonitor.Shared.Mesh
{
    /// <summary>
    /// The nodes a gateway has heard from (seed protocol §4.10), in first-heard order, with the time each was
    /// last heard, so entries age out instead of the seed's table that only grew (seed §9 B16). Used for
    /// <c>ALL:MONITOR</c> target selection and fallback fan-out. Holds up to <see cref="NodeAddressing.MaximumNodes"/>
    /// entries; its own address is never recorded. Not thread-safe: owned by the gateway worker. Times are in
    /// milliseconds of any monotonic clock (Environment.TickCount64 on the device).
    /// </summary>
    public sealed class KnownNodeTable
    {
        private readonly int[] _addresses = new int[NodeAddressing.MaximumNodes];
        private readonly long[] _lastHeard = new long[NodeAddressing.MaximumNodes];
        private int _count;

        /// <summary>Number of known nodes.</summary>
        public int Count => _count;

        /// <summary>
        /// Records that <paramref name="unicastAddress"/> was heard at <paramref name="nowMilliseconds"/>.
        /// Returns true when the node is new. Addresses that are not a node's, or
        /// <paramref name="ownAddress"/>, are ignored (false).
        /// </summary>
        public bool Heard(int unicastAddress, int ownAddress, long nowMilliseconds)
        {
            if (unicastAddress == ownAddress || NodeAddressing.NodeIdOf(unicastAddress) < 0)
            {
                return false;
            }

            int index = IndexOf(unicastAddress);
            if (index >= 0)
            {
                _lastHeard[index] = nowMilliseconds;
                return false;
            }

            // At most NodeAddressing.MaximumNodes node addresses exist (own included), so the table cannot overflow.
            _addresses[_count] = unicastAddress;
            _lastHeard[_count] = nowMilliseconds;
            _count++;
            return true;
        }

        /// <summary>The address at position <paramref name="index"/> in first-heard order.</summary>
        /// <exception cref="ArgumentOutOfRangeException">index is not 0 to Count − 1.</exception>
        public int AddressAt(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index");
            }

            return _addresses[index];
        }

        /// <summary>True when the address is known.</summary>
        public bool Contains(int unicastAddress)
        {
            return IndexOf(unicastAddress) >= 0;
        }

        /// <summary>Forgets nodes not heard for more than <paramref name="maximumAgeMilliseconds"/>; returns how many.</summary>
        public int ForgetSilent(long nowMilliseconds, long maximumAgeMilliseconds)
        {
            int kept = 0;
            for (int i = 0; i < _count; i++)
            {
                if (nowMilliseconds - _lastHeard[i] <= maximumAgeMilliseconds)
                {
                    _addresses[kept] = _addresses[i];
                    _lastHeard[kept] = _lastHeard[i];
                    kept++;
                }
            }

            int forgotten = _count - kept;
            _count = kept;
            return forgotten;
        }

        private int IndexOf(int unicastAddress)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_addresses[i] == unicastAddress)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
