using System.Threading;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>Counters of the virtual air (thread-safe): what the air-protocol <c>stats</c> request reports.</summary>
    public sealed class AirStatistics
    {
        private long _transmitted;
        private long _relayed;
        private long _segmentedMessages;
        private long _segments;
        private long _dropped;
        private long _notifications;
        private long _collisions;
        private long _airtime;
        private long _acknowledgements;
        private long _segmentRetransmissions;
        private long _transfersFailed;

        /// <summary>Network PDU transmissions (every retransmission counts).</summary>
        public long NetworkPdusTransmitted => Interlocked.Read(ref _transmitted);

        /// <summary>Of those, transmissions by relays.</summary>
        public long NetworkPdusRelayed => Interlocked.Read(ref _relayed);

        /// <summary>Access messages that needed segmentation.</summary>
        public long SegmentedMessages => Interlocked.Read(ref _segmentedMessages);

        /// <summary>Segments sent (first transmissions).</summary>
        public long Segments => Interlocked.Read(ref _segments);

        /// <summary>Receptions lost to the configured loss probability.</summary>
        public long PdusDroppedByLoss => Interlocked.Read(ref _dropped);

        /// <summary>GATT notifications delivered to centrals.</summary>
        public long GattNotifications => Interlocked.Read(ref _notifications);

        /// <summary>Receptions lost to a collision (timed air: another sender the receiver hears on the same channel at the same time).</summary>
        public long Collisions => Interlocked.Read(ref _collisions);

        /// <summary>Microseconds of channel occupancy of every transmission, the three advertising channels added (timed air only).</summary>
        public long AirtimeMicroseconds => Interlocked.Read(ref _airtime);

        /// <summary>Segment Acknowledgment messages originated by destinations of segmented messages (Mesh Profile 3.5.3.3).</summary>
        public long SegmentAcknowledgements => Interlocked.Read(ref _acknowledgements);

        /// <summary>Segments sent again by the SAR transmitter (after an acknowledgment showed them missing, or on its timer).</summary>
        public long SegmentRetransmissions => Interlocked.Read(ref _segmentRetransmissions);

        /// <summary>Segmented unicast messages whose sender gave up after its retransmissions without a complete acknowledgment.</summary>
        public long SegmentedTransfersFailed => Interlocked.Read(ref _transfersFailed);

        internal void Collided() => Interlocked.Increment(ref _collisions);

        internal void OnAir(long microseconds) => Interlocked.Add(ref _airtime, microseconds);

        internal void Acknowledged() => Interlocked.Increment(ref _acknowledgements);

        internal void SegmentsRetransmitted(int segments) => Interlocked.Add(ref _segmentRetransmissions, segments);

        internal void TransferFailed() => Interlocked.Increment(ref _transfersFailed);

        internal void Transmitted(bool relayed)
        {
            Interlocked.Increment(ref _transmitted);
            if (relayed)
            {
                Interlocked.Increment(ref _relayed);
            }
        }

        internal void Segmented(int segments)
        {
            Interlocked.Increment(ref _segmentedMessages);
            Interlocked.Add(ref _segments, segments);
        }

        internal void Dropped() => Interlocked.Increment(ref _dropped);

        internal void Notified() => Interlocked.Increment(ref _notifications);

    }
}
