namespace DcMonitor.Emulator.Mesh.Stack.DirectedForwarding
{
    /// <summary>
    /// The directed forwarding decisions of one emulated node (Mesh Protocol 1.1 directed forwarding over fixed paths;
    /// docs/directed-forwarding.md), taken by its network and transport layers with the node's gate held:
    /// <list type="bullet">
    /// <item>sending: a message whose sender asked for directed credentials (ESP-IDF's <c>ESP_BLE_MESH_TAG_USE_DIRECTED</c>) goes with
    /// them when Directed Forwarding is on and the forwarding table holds a path from its source to its destination; otherwise by
    /// managed flooding (with Directed Forwarding on but no path: ESP-IDF's fallback (counted in <see cref="DirectedForwardingState.FloodingFallbacks"/>; ESP-IDF would also
    /// start a path discovery toward the destination, which is not emulated: every node of a planned mesh holds its path));</item>
    /// <item>receiving: a directed PDU is readable only with Directed Forwarding on (the directed keys);</item>
    /// <item>relaying: a directed PDU is forwarded, with TTL − 1 and Directed Relay Retransmit, only by a node with Directed Relay on
    /// whose table carries it (source the path origin or a dependent, destination the path target), when it is not addressed to
    /// the node and its TTL is at least 2. The Relay feature plays no part in it.</item>
    /// </list>
    /// </summary>
    internal sealed class DirectedForwardingLayer
    {
        private readonly NodeState _node;

        /// <summary>The decisions of <paramref name="node"/>.</summary>
        public DirectedForwardingLayer(NodeState node)
        {
            _node = node;
        }

        /// <summary>True when a message from <paramref name="source"/> to <paramref name="destination"/> goes with directed credentials; counts a fallback when it was asked for and cannot.</summary>
        public bool SendsDirected(bool useDirected, int source, int destination)
        {
            if (!useDirected)
            {
                return false;
            }

            DirectedForwardingState state = _node.Directed;
            if (!state.Forwarding)
            {
                return false; // no directed forwarding: the tag has no effect
            }

            if (state.Table.Carries(source, destination))
            {
                return true;
            }

            state.FloodingFallbacks++;
            return false;
        }

        /// <summary>True when the node can read <paramref name="pdu"/>: a managed-flooding PDU always, a directed one with Directed Forwarding on.</summary>
        public bool CanRead(NetworkPdu pdu) => !pdu.Directed || _node.Directed.Forwarding;

        /// <summary>Transmissions with which the node relays directed <paramref name="pdu"/> (a first copy; counted in <see cref="DirectedForwardingState.RelayedPdus"/>); 0 when it does not relay it.</summary>
        public int RelayTransmissionsOf(NetworkPdu pdu, int own)
        {
            DirectedForwardingState state = _node.Directed;
            bool relays = state.Forwarding && state.Relay && pdu.Destination != own && pdu.Ttl >= 2 && state.Table.Carries(pdu.Source, pdu.Destination);
            state.RelayedPdus += relays ? 1 : 0;
            return relays ? state.RelayTransmissions : 0;
        }

        /// <summary>Transmissions of each PDU the node originates: Directed Network Transmit for a directed one, Network Transmit otherwise.</summary>
        public int NetworkTransmissionsOf(NetworkPdu pdu) => pdu.Directed ? _node.Directed.NetworkTransmissions : _node.NetworkTransmissions;
    }
}
