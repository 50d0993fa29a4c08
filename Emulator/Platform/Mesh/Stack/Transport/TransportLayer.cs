using System.Threading;
using DcMonitor.Emulator.Mesh.Air;
using DcMonitor.Emulator.Mesh.Stack.Network;

namespace DcMonitor.Emulator.Mesh.Stack.Transport
{
    /// <summary>
    /// The upper and lower transport layers of one emulated node (Mesh Profile 1.0.1 §3.5: §3.5.2 upper transport access and
    /// control PDUs with the AppKey or device key, §3.5.2.3.1 Segment Acknowledgment, §3.5.3 segmentation and reassembly in
    /// <see cref="SegmentationAndReassembly"/>), mirroring Zephyr's subsys/bluetooth/mesh/transport.c. Sending: an access
    /// message of up to 11 bytes goes in one network PDU; a longer one in segments of 12 bytes (access message plus 4-byte
    /// TransMIC), under SAR; a message to the node itself or to a group it subscribes to is also handed to its own access layer.
    /// Receiving: a Heartbeat goes to the heartbeat layer; a Segment Acknowledgment to this node to the SAR transmitter; an
    /// access message to the access layer once whole.
    /// </summary>
    internal sealed class TransportLayer : INetworkReceiver, ITransportHost, IAccessTransport
    {
        private static readonly RealTimeAirClock s_realTime = new RealTimeAirClock();
        private readonly NodeState _node;
        private readonly NetworkLayer _network;
        private readonly IAdvertisingBearer _bearer;
        private SegmentationAndReassembly _segmentation;

        /// <summary>Creates the transport layer of <paramref name="node"/> on <paramref name="network"/>.</summary>
        public TransportLayer(NodeState node, NetworkLayer network, IAdvertisingBearer bearer)
        {
            _node = node;
            _network = network;
            _bearer = bearer;
        }

        /// <summary>The access layer; set once when the stack is assembled.</summary>
        public IAccessReceiver Access { get; set; }

        /// <summary>The heartbeat layer; set once when the stack is assembled.</summary>
        public IHeartbeatReceiver Heartbeat { get; set; }

        IAirClock ITransportHost.Clock => _bearer.Clock ?? s_realTime;

        AirStatistics ITransportHost.Statistics => _bearer.Statistics;

        int ITransportHost.OwnAddress
        {
            get
            {
                lock (_node.Gate)
                {
                    return _node.OwnAddress;
                }
            }
        }

        /// <summary>The node's lower transport SAR (created on first use).</summary>
        private SegmentationAndReassembly Segmentation => LazyInitializer.EnsureInitialized(ref _segmentation, () => new SegmentationAndReassembly(this));

        /// <summary>Stops the SAR timers (power off).</summary>
        public void Stop() => _segmentation?.Stop();

        /// <inheritdoc/>
        public void ReceivedFromNetwork(NetworkPdu pdu, int ownAddress, bool addressed)
        {
            if (pdu.Opcode == Stack.Heartbeat.HeartbeatLayer.Opcode)
            {
                Heartbeat.ReceivedHeartbeat(pdu);
                return;
            }

            if (addressed && pdu.Control)
            {
                if (pdu.Destination == ownAddress)
                {
                    Segmentation.Acknowledged(pdu); // lower transport: a Segment Acknowledgment for this node's SAR transmitter
                }

                return;
            }

            if (addressed && (pdu.SegmentCount == 1 || Segmentation.Received(pdu)))
            {
                Access.DeliverAccess(pdu);
            }
        }

        /// <inheritdoc/>
        public void SendAccess(int source, int destination, int ttl, int opcode, byte[] parameters, string deviceKey = null, bool useDirected = false)
        {
            int opcodeLength = opcode > 0xFFFF ? 3 : opcode > 0xFF ? 2 : 1;
            int accessLength = opcodeLength + parameters.Length;
            int segments = accessLength <= 11 ? 1 : (accessLength + 4 + 11) / 12; // 12 bytes of upper transport PDU (access + 4-byte MIC) per segment
            int effectiveTtl = ttl == 0xFF ? _node.DefaultTtl : ttl;
            if (segments > 1)
            {
                _bearer.CountSegmented(segments);
            }

            bool loopback;
            NetworkPdu[] pdus = new NetworkPdu[segments];
            lock (_node.Gate)
            {
                int sequenceZero = _node.Sequence;
                int networkKey = MeshKeys.Id(_node.Settings.NetKey);
                int accessKey = MeshKeys.Id(deviceKey ?? _node.Settings.AppKey);
                bool directed = _network.Directed.SendsDirected(useDirected, source, destination);
                for (int i = 0; i < segments; i++)
                {
                    pdus[i] = new NetworkPdu
                    {
                        Source = source, Destination = destination, Ttl = effectiveTtl, Sequence = _node.NextSequence(), SequenceZero = sequenceZero,
                        SegmentIndex = i, SegmentCount = segments, Opcode = opcode, Parameters = parameters,
                        NetworkKeyId = networkKey, AccessKeyId = accessKey, DeviceKey = deviceKey != null, Directed = directed,
                    };
                }

                loopback = destination == source || _node.SubscribedTo(destination);
            }

            if (loopback)
            {
                Access.DeliverAccess(pdus[0]); // the stack hands its own group messages to its subscribed models
            }

            if (destination == source)
            {
                return;
            }

            if (segments > 1)
            {
                Segmentation.Send(pdus); // lower transport SAR: acknowledged to a unicast, repeated to a group
                return;
            }

            _network.SendWithNetworkTransmit(pdus[0]);
        }

        void ITransportHost.SendNetwork(NetworkPdu pdu) => _network.SendWithNetworkTransmit(pdu);

        NetworkPdu ITransportHost.Resequenced(NetworkPdu pdu)
        {
            lock (_node.Gate)
            {
                return pdu.Resequenced(_node.NextSequence());
            }
        }

        NetworkPdu ITransportHost.Acknowledgement(int destination, int sequenceZero, uint blockAck)
        {
            lock (_node.Gate)
            {
                return new NetworkPdu
                {
                    Source = _node.OwnAddress, Destination = destination, Ttl = _node.DefaultTtl, Sequence = _node.NextSequence(), SequenceZero = sequenceZero,
                    SegmentCount = 1, Opcode = 0x00, Parameters = SegmentationAndReassembly.BlockAckBytes(blockAck), Control = true,
                    NetworkKeyId = MeshKeys.Id(_node.Settings.NetKey),
                };
            }
        }
    }
}
