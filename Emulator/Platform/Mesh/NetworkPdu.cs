namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// One network PDU on the virtual air: a segment (or the whole) of an access message. Segments of one
    /// message share <see cref="Source"/> and <see cref="SequenceZero"/>; the network message cache keys on
    /// (<see cref="Source"/>, <see cref="Sequence"/>). The access message itself travels with every segment so
    /// the receiver can deliver it once all segments have arrived.
    /// </summary>
    public sealed class NetworkPdu
    {
        /// <summary>Source unicast address.</summary>
        public int Source { get; init; }

        /// <summary>Destination (unicast or group).</summary>
        public int Destination { get; init; }

        /// <summary>Remaining TTL.</summary>
        public int Ttl { get; init; }

        /// <summary>Sequence number of this PDU (unique per source).</summary>
        public int Sequence { get; init; }

        /// <summary>Sequence number of the message's first segment.</summary>
        public int SequenceZero { get; init; }

        /// <summary>Segment index, 0-based.</summary>
        public int SegmentIndex { get; init; }

        /// <summary>Number of segments of the message (1 = unsegmented).</summary>
        public int SegmentCount { get; init; }

        /// <summary>Access opcode.</summary>
        public int Opcode { get; init; }

        /// <summary>Access parameters (without the opcode); for a provisioning PDU its data.</summary>
        public byte[] Parameters { get; init; }

        /// <summary>What the advertisement carries: <see cref="NetworkKind"/>, <see cref="BeaconKind"/> (an unprovisioned device
        /// beacon) or <see cref="ProvisioningKind"/> (a PB-ADV provisioning PDU; <see cref="Opcode"/> is its type). Beacons and
        /// provisioning PDUs travel one radio hop: no node relays them.</summary>
        public int Kind { get; init; }

        /// <summary>Which NetKey the PDU is encrypted with (<see cref="MeshKeys.Id"/>); a node holding another NetKey cannot read it.</summary>
        public int NetworkKeyId { get; init; }

        /// <summary>Which AppKey, or with <see cref="DeviceKey"/> which device key, encrypts the access message (<see cref="MeshKeys.Id"/>).</summary>
        public int AccessKeyId { get; init; }

        /// <summary>True when the access message is encrypted with a device key (configuration messages).</summary>
        public bool DeviceKey { get; init; }

        /// <summary>
        /// True for a transport control message (CTL = 1): here only the Segment Acknowledgment (<see cref="Opcode"/> 0x00,
        /// Mesh Profile 3.5.2.3.1), whose <see cref="SequenceZero"/> names the acknowledged message and whose
        /// <see cref="Parameters"/> hold the 32-bit BlockAck, little-endian.
        /// </summary>
        public bool Control { get; init; }

        /// <summary>
        /// True when the PDU is secured with directed security credentials (Mesh Protocol 1.1 directed forwarding): only nodes with
        /// Directed Forwarding on read it, and only the nodes on its path relay it (<see cref="Stack.DirectedForwarding.DirectedForwardingLayer"/>).
        /// </summary>
        public bool Directed { get; init; }

        /// <summary>Device UUID of a beacon or provisioning PDU.</summary>
        public byte[] Uuid { get; init; }

        /// <summary>A network PDU (the default).</summary>
        public const int NetworkKind = 0;

        /// <summary>An unprovisioned device beacon.</summary>
        public const int BeaconKind = 1;

        /// <summary>A PB-ADV provisioning PDU.</summary>
        public const int ProvisioningKind = 2;

        /// <summary>The same PDU with TTL − 1, as a relay sends it.</summary>
        public NetworkPdu Relayed() => Copy(Ttl - 1, Sequence);

        /// <summary>The same PDU under a new sequence number, as a SAR transmitter sends a segment again (Mesh Profile 3.5.3.2).</summary>
        public NetworkPdu Resequenced(int sequence) => Copy(Ttl, sequence);

        private NetworkPdu Copy(int ttl, int sequence) => new NetworkPdu
        {
            Source = Source, Destination = Destination, Ttl = ttl, Sequence = sequence, SequenceZero = SequenceZero,
            SegmentIndex = SegmentIndex, SegmentCount = SegmentCount, Opcode = Opcode, Parameters = Parameters,
            Kind = Kind, NetworkKeyId = NetworkKeyId, AccessKeyId = AccessKeyId, DeviceKey = DeviceKey, Uuid = Uuid, Control = Control, Directed = Directed,
        };
    }
}
