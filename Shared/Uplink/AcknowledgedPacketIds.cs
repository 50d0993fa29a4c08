using System;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// The MQTT packet ids (1–65535) the broker acknowledged (PUBACK) since the publisher last <see cref="Clear"/>ed, in a fixed int
    /// array rather than a Hashtable, so that recording one boxes nothing (issue 16). Ids are kept even when they arrive before the
    /// publisher learned them (a PUBACK may come back before the client's Publish returned). Holds the last <see cref="Capacity"/>
    /// ids: the publisher waits for at most one batch and the control messages in flight, so a capacity of their sum never
    /// forgets one it waits for; beyond it the oldest is overwritten. Not thread-safe: the caller locks.
    /// </summary>
    public sealed class AcknowledgedPacketIds
    {
        private readonly int[] _ids;
        private int _count;
        private int _next;

        /// <summary>A set holding the last <paramref name="capacity"/> (&gt; 0) acknowledged ids.</summary>
        /// <exception cref="ArgumentOutOfRangeException">capacity is not positive.</exception>
        public AcknowledgedPacketIds(int capacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _ids = new int[capacity];
        }

        /// <summary>Most ids held.</summary>
        public int Capacity => _ids.Length;

        /// <summary>Ids held now.</summary>
        public int Count => _count;

        /// <summary>Forgets every id (a new batch starts).</summary>
        public void Clear()
        {
            _count = 0;
            _next = 0;
        }

        /// <summary>The broker acknowledged <paramref name="packetId"/> (the oldest held id gives way when full).</summary>
        public void Add(int packetId)
        {
            _ids[_next] = packetId;
            _next = (_next + 1) % _ids.Length;
            if (_count < _ids.Length)
            {
                _count++;
            }
        }

        /// <summary>True when <paramref name="packetId"/> was acknowledged since the last <see cref="Clear"/> (among the last
        /// <see cref="Capacity"/>).</summary>
        public bool Contains(int packetId)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_ids[i] == packetId)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
