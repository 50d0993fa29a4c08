using System.Collections.Generic;

namespace DcMonitor.Emulator.Mesh.Stack.DirectedForwarding
{
    /// <summary>
    /// A node's forwarding table of fixed paths for its one subnet, sized as the firmware's ESP-IDF build sizes it:
    /// <see cref="Capacity"/> entries (CONFIG_BLE_MESH_MAX_FORWARD_TABLE_ENTRY_COUNT) of at most <see cref="DependentCapacity"/>
    /// dependent-origin ranges each (CONFIG_BLE_MESH_MAX_DEPS_NODES_PER_PATH), the values the sdkconfig fragment sets and the
    /// provisioner's DirectedPathPlan (Shared/Provisioning) plans with. Fixed paths do not expire (no path lifetime) and are not discovered. Used under the node's gate.
    /// </summary>
    internal sealed class ForwardingTable
    {
        /// <summary>Entries the table holds at most: CONFIG_BLE_MESH_MAX_FORWARD_TABLE_ENTRY_COUNT=64, the top of its Kconfig range 2–64 (ESP-IDF v5.5.4).</summary>
        public const int Capacity = 64;

        /// <summary>Dependent-origin ranges one entry holds at most: CONFIG_BLE_MESH_MAX_DEPS_NODES_PER_PATH=64, the top of its Kconfig range 2–64.</summary>
        public const int DependentCapacity = 64;

        private readonly List<ForwardingEntry> _entries = new List<ForwardingEntry>();

        /// <summary>Entries held.</summary>
        public int Count => _entries.Count;

        /// <summary>
        /// Adds a fixed path from <paramref name="pathOrigin"/> to <paramref name="pathTarget"/>, two-way or not (Forwarding Table Add) and
        /// returns it, or the entry already held for that pair; null when the table is full (Insufficient Resources).
        /// </summary>
        public ForwardingEntry Add(int pathOrigin, int pathTarget, bool twoWay)
        {
            ForwardingEntry existing = Find(pathOrigin, pathTarget);
            if (existing != null)
            {
                return existing;
            }

            if (_entries.Count >= Capacity)
            {
                return null;
            }

            var entry = new ForwardingEntry(pathOrigin, pathTarget, twoWay);
            _entries.Add(entry);
            return entry;
        }

        /// <summary>The entry for the path from <paramref name="pathOrigin"/> to <paramref name="pathTarget"/>, or null.</summary>
        public ForwardingEntry Find(int pathOrigin, int pathTarget) => _entries.Find(e => e.PathOrigin == pathOrigin && e.PathTarget == pathTarget);

        /// <summary>True when an entry carries a directed PDU from <paramref name="source"/> to <paramref name="destination"/>.</summary>
        public bool Carries(int source, int destination) => _entries.Exists(e => e.Carries(source, destination));

        /// <summary>The entries, in the order they were added.</summary>
        public IReadOnlyList<ForwardingEntry> Entries => _entries;

        /// <summary>Removes every entry (node reset).</summary>
        public void Clear() => _entries.Clear();
    }
}
