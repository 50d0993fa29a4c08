namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// A set of mesh addresses kept in an int array, so that asking, adding and removing box nothing (an <c>ArrayList</c> of ints
    /// boxes each address it is asked about: 24 B per call on the host, issue 16). The array doubles when full (allocation only then).
    /// Linear search: meant for a few addresses (for example the nodes that answer in text only). Not thread-safe.
    /// </summary>
    public sealed class AddressSet
    {
        private int[] _addresses;

        /// <summary>An empty set with room for <paramref name="initialCapacity"/> (&gt; 0) addresses before it grows.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">initialCapacity is not positive.</exception>
        public AddressSet(int initialCapacity)
        {
            if (initialCapacity <= 0)
            {
                throw new System.ArgumentOutOfRangeException("initialCapacity");
            }

            _addresses = new int[initialCapacity];
        }

        /// <summary>Addresses in the set.</summary>
        public int Count { get; private set; }

        /// <summary>True when <paramref name="address"/> is in the set.</summary>
        public bool Contains(int address)
        {
            return IndexOf(address) >= 0;
        }

        /// <summary>Adds <paramref name="address"/> (nothing when it is already in).</summary>
        public void Add(int address)
        {
            if (IndexOf(address) >= 0)
            {
                return;
            }

            if (Count == _addresses.Length)
            {
                int[] larger = new int[_addresses.Length * 2];
                for (int i = 0; i < Count; i++)
                {
                    larger[i] = _addresses[i];
                }

                _addresses = larger;
            }

            _addresses[Count] = address;
            Count++;
        }

        /// <summary>Removes <paramref name="address"/> (nothing when it is not in).</summary>
        public void Remove(int address)
        {
            int index = IndexOf(address);
            if (index < 0)
            {
                return;
            }

            Count--;
            _addresses[index] = _addresses[Count]; // order does not matter
        }

        private int IndexOf(int address)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_addresses[i] == address)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
