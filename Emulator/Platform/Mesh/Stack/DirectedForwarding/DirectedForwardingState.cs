namespace DcMonitor.Emulator.Mesh.Stack.DirectedForwarding
{
    /// <summary>
    /// A node's directed forwarding states for its subnet (Mesh Protocol 1.1 Directed Forwarding Configuration Server; ESP-IDF v5.5
    /// <c>esp_ble_mesh_df_srv_t</c> and Directed Control Set): Directed Forwarding (the node may send and receive with directed
    /// credentials), Directed Relay (it forwards directed PDUs of the paths it holds), the transmissions of each directed PDU it
    /// originates (Directed Network Transmit count + 1) and relays (Directed Relay Retransmit count + 1), and its
    /// <see cref="ForwardingTable"/>. All off until configured. Used under the node's gate.
    /// </summary>
    internal sealed class DirectedForwardingState
    {
        /// <summary>Directed Forwarding state: on, the node uses and accepts directed credentials.</summary>
        public bool Forwarding { get; set; }

        /// <summary>Directed Relay state: on, the node forwards the directed PDUs of the paths in its table.</summary>
        public bool Relay { get; set; }

        /// <summary>Transmissions of each directed PDU the node originates (Directed Network Transmit count + 1), 1–8.</summary>
        public int NetworkTransmissions { get; set; } = 1;

        /// <summary>Transmissions of each directed PDU the node relays (Directed Relay Retransmit count + 1), 1–8.</summary>
        public int RelayTransmissions { get; set; } = 1;

        /// <summary>The node's fixed paths.</summary>
        public ForwardingTable Table { get; } = new ForwardingTable();

        /// <summary>Turns directed forwarding off and forgets every path (node reset).</summary>
        public void Reset()
        {
            Forwarding = false;
            Relay = false;
            Table.Clear();
        }

        /// <summary>Sends that asked for directed credentials but found no path, and went by managed flooding (ESP-IDF's fallback).</summary>
        public long FloodingFallbacks { get; set; }
    }
}
