using System.Threading;
using DcMonitor.Emulator.Mesh.Air;
using DcMonitor.Emulator.Mesh.Transport;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The stack's side of the lower transport layer (<see cref="SegmentationAndReassembly"/>) and of the timed air's clock
    /// (<see cref="IAirActivity"/>): what SAR asks of the network layer, and how many receptions wait to be processed.
    /// </summary>
    public sealed partial class EmulatedMeshStack : IAirActivity, ITransportHost
    {
        private static readonly RealTimeAirClock s_realTime = new RealTimeAirClock();
        private SegmentationAndReassembly _transport;
        private int _pendingReceptions;

        /// <inheritdoc/>
        public int PendingReceptions => Started ? Volatile.Read(ref _pendingReceptions) : 0;

        IAirClock ITransportHost.Clock => Air as IAirClock ?? s_realTime;

        AirStatistics ITransportHost.Statistics => Air?.Statistics;

        int ITransportHost.OwnAddress => UnicastAddress;

        /// <summary>The node's lower transport SAR (created on first use).</summary>
        private SegmentationAndReassembly Transport => LazyInitializer.EnsureInitialized(ref _transport, () => new SegmentationAndReassembly(this));

        void ITransportHost.SendNetwork(NetworkPdu pdu) => SendWithNetworkTransmit(pdu);

        /// <summary>Transmits a PDU this node originates <see cref="NetworkTransmissions"/> times (Network Transmit state, Mesh Profile 4.2.19).</summary>
        private void SendWithNetworkTransmit(NetworkPdu pdu)
        {
            int transmissions = NetworkTransmissions;
            for (int i = 0; i < transmissions; i++)
            {
                Air?.Transmit(this, pdu, relayed: false);
            }
        }

        NetworkPdu ITransportHost.Resequenced(NetworkPdu pdu)
        {
            lock (_gate)
            {
                return pdu.Resequenced(NextSequence());
            }
        }

        NetworkPdu ITransportHost.Acknowledgement(int destination, int sequenceZero, uint blockAck)
        {
            lock (_gate)
            {
                return new NetworkPdu
                {
                    Source = OwnAddress, Destination = destination, Ttl = _defaultTtl, Sequence = NextSequence(), SequenceZero = sequenceZero,
                    SegmentCount = 1, Opcode = 0x00, Parameters = SegmentationAndReassembly.BlockAckBytes(blockAck), Control = true,
                    NetworkKeyId = MeshKeys.Id(_settings.NetKey),
                };
            }
        }

        /// <summary>Takes the next sequence number, persisting the store rate's reserve as a send does (caller holds the gate).</summary>
        private int NextSequence()
        {
            int sequence = _sequence++;
            if (_sequence >= _settings.SequenceBase)
            {
                _settings.SequenceBase = _sequence + SequenceStoreRate;
                _settings.Save(_board.FlashDirectory);
            }

            return sequence;
        }

        /// <summary>Counts a reception handed to the receive thread.</summary>
        private void ReceptionQueued() => Interlocked.Increment(ref _pendingReceptions);

        /// <summary>Counts a reception processed and tells a timed air.</summary>
        private void ReceptionDone()
        {
            Interlocked.Decrement(ref _pendingReceptions);
            (Air as VirtualAir)?.ReceptionProcessed();
        }
    }
}
