using System;
using DcMonitor.MeshInterop;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// The mesh events received and not yet handled: a fixed ring of <see cref="ReceivedMeshEvent"/> copies made once and refilled,
    /// so that handing an event from the interop's event thread to the worker allocates nothing (issue 16); a payload longer than
    /// the slots' capacity gets an array of its own. One producer (the event thread, <see cref="TryAdd"/>, <see cref="RemoveNewest"/>)
    /// and one consumer (the worker, <see cref="Oldest"/>, <see cref="RemoveOldest"/>); the oldest event stays in its slot, safe from
    /// being overwritten, until the worker removes it. Thread-safe.
    /// </summary>
    public sealed class MeshEventRing
    {
        private readonly object _gate = new object();
        private readonly ReceivedMeshEvent[] _slots;
        private int _first;
        private int _count;

        /// <summary>A ring of <paramref name="capacity"/> (&gt; 0) events whose payloads up to <paramref name="payloadCapacity"/> bytes are copied into the slots.</summary>
        /// <exception cref="ArgumentOutOfRangeException">capacity is not positive, or payloadCapacity is outside 0 to <see cref="MeshEvent.MaximumPayloadLength"/>.</exception>
        public MeshEventRing(int capacity, int payloadCapacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _slots = new ReceivedMeshEvent[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _slots[i] = new ReceivedMeshEvent(payloadCapacity);
            }
        }

        /// <summary>Events the ring holds at most.</summary>
        public int Capacity => _slots.Length;

        /// <summary>Events waiting (the one being handled included).</summary>
        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _count;
                }
            }
        }

        /// <summary>Copies <paramref name="meshEvent"/> into the next free slot and returns that copy; null, and nothing copied, when the ring is full.</summary>
        public ReceivedMeshEvent TryAdd(MeshEvent meshEvent)
        {
            ReceivedMeshEvent slot;
            lock (_gate)
            {
                if (_count >= _slots.Length)
                {
                    return null;
                }

                slot = _slots[(_first + _count) % _slots.Length];
            }

            slot.CopyFrom(meshEvent); // the slot is not counted yet: the worker cannot see it half copied
            lock (_gate)
            {
                _count++;
            }

            return slot;
        }

        /// <summary>Takes back the event added last (the worker queue refused its run).</summary>
        /// <exception cref="InvalidOperationException">the ring is empty.</exception>
        public void RemoveNewest()
        {
            lock (_gate)
            {
                if (_count == 0)
                {
                    throw new InvalidOperationException("no mesh event to take back");
                }

                _count--;
            }
        }

        /// <summary>The oldest event (valid until <see cref="RemoveOldest"/>).</summary>
        /// <exception cref="InvalidOperationException">the ring is empty.</exception>
        public ReceivedMeshEvent Oldest
        {
            get
            {
                lock (_gate)
                {
                    if (_count == 0)
                    {
                        throw new InvalidOperationException("no mesh event waiting");
                    }

                    return _slots[_first];
                }
            }
        }

        /// <summary>Frees the oldest event's slot (the worker handled it).</summary>
        /// <exception cref="InvalidOperationException">the ring is empty.</exception>
        public void RemoveOldest()
        {
            lock (_gate)
            {
                if (_count == 0)
                {
                    throw new InvalidOperationException("no mesh event to remove");
                }

                _first = (_first + 1) % _slots.Length;
                _count--;
            }
        }
    }
}
