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
