using DcMonitor.Emulator.Mesh.Stack.DirectedForwarding;

namespace DcMonitor.Emulator.Mesh.Stack.Network
{
    /// <summary>
    /// The network layer of one emulated node (Mesh Profile 1.0.1 §3.4: §3.4.4 network PDU with its NetKey, TTL and sequence
    /// number, §3.4.6 network layer behaviour, §3.4.6.5 message cache, §3.4.6.3 relay with TTL − 1, §4.2.19 Network Transmit,
    /// §4.2.20 Relay Retransmit), mirroring Zephyr's subsys/bluetooth/mesh/net.c. As emulated, encryption and obfuscation are
    /// reduced to the NetKey's identity on the PDU (<see cref="NetworkPdu.NetworkKeyId"/>): a node without that NetKey neither
    /// reads nor relays it. A directed PDU (Mesh Protocol 1.1) is read and relayed as <see cref="DirectedForwardingLayer"/> decides. IV index 0 throughout; sequence numbers come from <see cref="NodeState.NextSequence"/>.
    /// </summary>
    internal sealed class NetworkLayer
    {
        private readonly NodeState _node;
        private readonly IAdvertisingBearer _bearer;
        private readonly NetworkMessageCache _cache = new NetworkMessageCache();

        /// <summary>Creates the network layer of <paramref name="node"/> over <paramref name="bearer"/>.</summary>
        public NetworkLayer(NodeState node, IAdvertisingBearer bearer)
        {
            _node = node;
            _bearer = bearer;
            Directed = new DirectedForwardingLayer(node);
        }

        /// <summary>The directed forwarding decisions (Mesh Protocol 1.1), taken with the node's gate held.</summary>
        public DirectedForwardingLayer Directed { get; }

        /// <summary>The layer above (the transport layer); set once when the stack is assembled.</summary>
        public INetworkReceiver Upper { get; set; }

        /// <summary>
        /// Takes in a network PDU from the bearer: drops another network's, its own and a cached one; relays it with TTL − 1 when the
        /// Relay feature is on, it is not addressed to this node and its TTL is at least 2; then hands it to the transport layer.
        /// </summary>
        public void Receive(NetworkPdu pdu)
        {
            int own;
            bool relay;
            bool addressed;
            int relayTransmissions;
            lock (_node.Gate)
            {
                if (_node.OwnAddress == 0 || pdu.NetworkKeyId != MeshKeys.Id(_node.Settings.NetKey) || !Directed.CanRead(pdu))
                {
                    return; // no NetKey, another network's, or directed credentials without Directed Forwarding: it neither decrypts nor relays
                }

                own = _node.OwnAddress;
                if (pdu.Source == own || !_cache.TryAdd(pdu.Source, pdu.Sequence))
                {
                    return; // network message cache: no duplicate delivery, no relay storms
                }

                addressed = pdu.Destination == own || _node.SubscribedTo(pdu.Destination) || pdu.Destination == 0xFFFF;
                if (pdu.Directed)
                {
                    relayTransmissions = Directed.RelayTransmissionsOf(pdu, own); // only the nodes on its path (directed relay)
                    relay = relayTransmissions > 0;
                }
                else
                {
                    relay = _node.Relay && pdu.Destination != own && pdu.Ttl >= 2;
                    relayTransmissions = _node.RelayTransmissions;
                }
            }

            if (relay)
            {
                NetworkPdu forwarded = pdu.Relayed();
                for (int i = 0; i < relayTransmissions; i++)
                {
                    _bearer.Transmit(forwarded, relayed: true);
                }
            }

            Upper.ReceivedFromNetwork(pdu, own, addressed);
        }

        /// <summary>
        /// Transmits a PDU this node originates <see cref="NodeState.NetworkTransmissions"/> times (Network Transmit state, Mesh Profile
        /// 4.2.19), a directed one Directed Network Transmit times.
        /// </summary>
        public void SendWithNetworkTransmit(NetworkPdu pdu)
        {
            int transmissions;
            lock (_node.Gate)
            {
                transmissions = Directed.NetworkTransmissionsOf(pdu);
            }

            for (int i = 0; i < transmissions; i++)
            {
                _bearer.Transmit(pdu, relayed: false);
            }
        }
    }
}
