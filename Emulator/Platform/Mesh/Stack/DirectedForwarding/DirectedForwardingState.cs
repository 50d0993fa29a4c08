using System.Collections.Generic;

namespace DcMonitor.Emulator.Mesh.Stack.DirectedForwarding
{
    /// <summary>
    /// A node's directed forwarding states for its subnet (Mesh Protocol 1.1 Directed Forwarding Configuration Server; ESP-IDF v5.5
    /// <c>esp_ble_mesh_df_srv_t</c> and Directed Control Set): Directed Forwarding (the node may send and receive with directed
    /// credentials), Directed Relay (it forwards directed PDUs of the paths it holds), the transmissions of each directed PDU it
    /// originates (Directed Network Transmit count + 1) and relays (Directed Relay Retransmit count + 1), and its
    /// <see cref="ForwardingTable"/>. Forwarding and Relay are off until configured (the firmware's glue turns them off at start,
    /// docs/directed-forwarding.md); the transmit counts start at the composition's DF server values. Used under the node's gate.
    /// </summary>
    internal sealed class DirectedForwardingState
    {
        /// <summary>Directed Forwarding state: on, the node uses and accepts directed credentials.</summary>
        public bool Forwarding { get; set; }

        /// <summary>Directed Relay state: on, the node forwards the directed PDUs of the paths in its table.</summary>
        public bool Relay { get; set; }

        /// <summary>Transmissions of each directed PDU the node originates (Directed Network Transmit count + 1), 1–8.</summary>
        public int NetworkTransmissions { get; set; } = NativeContract.CompositionDirectedNetworkTransmitCount + 1;

        /// <summary>Transmissions of each directed PDU the node relays (Directed Relay Retransmit count + 1), 1–8.</summary>
        public int RelayTransmissions { get; set; } = NativeContract.CompositionDirectedRelayRetransmitCount + 1;

        /// <summary>The node's fixed paths.</summary>
        public ForwardingTable Table { get; } = new ForwardingTable();

        /// <summary>Sends that asked for directed credentials but found no path, and went by managed flooding (ESP-IDF's fallback).</summary>
        public long FloodingFallbacks { get; set; }

        /// <summary>Directed PDUs the node relayed along a path it holds (each counted once, whatever its Directed Relay Retransmit).</summary>
        public long RelayedPdus { get; set; }

        /// <summary>Turns directed forwarding off and forgets every path (node reset).</summary>
        public void Reset()
        {
            Forwarding = false;
            Relay = false;
            Table.Clear();
        }

        /// <summary>Writes the Directed Control states and the fixed paths into <paramref name="settings"/> (the caller saves them).</summary>
        public void SaveTo(MeshSettings settings)
        {
            settings.DirectedForwarding = Forwarding;
            settings.DirectedRelay = Relay;
            var paths = new List<FixedPathSetting>();
            foreach (ForwardingEntry entry in Table.Entries)
            {
                paths.Add(new FixedPathSetting
                {
                    PathOrigin = entry.PathOrigin, PathTarget = entry.PathTarget, TwoWay = entry.TwoWay, DependentOrigins = entry.DependentOriginPairs(),
                });
            }

            settings.FixedPaths = paths;
        }

        /// <summary>Restores the Directed Control states and the fixed paths kept in <paramref name="settings"/> (start after a power cut).</summary>
        public void RestoreFrom(MeshSettings settings)
        {
            Reset();
            Forwarding = settings.DirectedForwarding;
            Relay = settings.DirectedRelay;
            foreach (FixedPathSetting path in settings.FixedPaths ?? new List<FixedPathSetting>())
            {
                ForwardingEntry entry = Table.Add(path.PathOrigin, path.PathTarget, path.TwoWay);
                int[] pairs = path.DependentOrigins ?? new int[0];
                for (int i = 0; entry != null && i + 1 < pairs.Length; i += 2)
                {
                    entry.AddDependentOrigins(pairs[i], pairs[i + 1], ForwardingTable.DependentCapacity);
                }
            }
        }
    }
}
