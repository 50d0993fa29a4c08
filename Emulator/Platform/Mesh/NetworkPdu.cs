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

        /// <summary>Access parameters (without the opcode).</summary>
        public byte[] Parameters { get; init; }

        /// <summary>The same PDU with TTL − 1, as a relay sends it.</summary>
        public NetworkPdu Relayed() => new NetworkPdu
        {
            Source = Source, Destination = Destination, Ttl = Ttl - 1, Sequence = Sequence, SequenceZero = SequenceZero,
            SegmentIndex = SegmentIndex, SegmentCount = SegmentCount, Opcode = Opcode, Parameters = Parameters,
        };
    }
}
