using System.Collections.Generic;

namespace DcMonitor.Emulator.Mesh.Stack.Network
{
    /// <summary>
    /// The network message cache (Mesh Profile 1.0.1 §3.4.6.5; Zephyr net.c msg_cache): the (source, sequence) pairs of the
    /// last <see cref="Capacity"/> network PDUs a node took in, so a PDU heard again (a retransmission, another relay's copy)
    /// is neither delivered nor relayed twice. Oldest entry evicted first. Not thread-safe: the network layer holds the node's lock.
    /// </summary>
    internal sealed class NetworkMessageCache
    {
        /// <summary>Entries kept (ESP-BLE-MESH's CONFIG_BLE_MESH_MSG_CACHE_SIZE is smaller; larger here so no test depends on eviction).</summary>
        public const int Capacity = 1024;

        private readonly Queue<long> _order = new Queue<long>();
        private readonly HashSet<long> _entries = new HashSet<long>();

        /// <summary>Adds the PDU of <paramref name="source"/> with <paramref name="sequence"/>; false when it was already cached.</summary>
        public bool TryAdd(int source, int sequence)
        {
            long key = ((long)source << 32) | (uint)sequence;
            if (!_entries.Add(key))
            {
                return false;
            }

            _order.Enqueue(key);
            if (_order.Count > Capacity)
            {
                _entries.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
