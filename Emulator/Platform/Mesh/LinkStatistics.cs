using System.Threading;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// Counters of one direction of one link of the virtual air (thread-safe): what became of the network PDUs
    /// <see cref="Sender"/> transmitted while <see cref="Receiver"/> was on the air.
    /// </summary>
    public sealed class LinkStatistics
    {
        private long _delivered;
        private long _lost;
        private long _outOfRange;

        /// <summary>Creates the counters of the link from <paramref name="sender"/> to <paramref name="receiver"/>, all zero.</summary>
        public LinkStatistics(string sender, string receiver)
        {
            Sender = sender;
            Receiver = receiver;
        }

        /// <summary>Radio name of the transmitting side.</summary>
        public string Sender { get; }

        /// <summary>Radio name of the receiving side.</summary>
        public string Receiver { get; }

        /// <summary>Network PDU transmissions the receiver got (every retransmission counts).</summary>
        public long Delivered => Interlocked.Read(ref _delivered);

        /// <summary>Transmissions lost to the link's loss probability.</summary>
        public long Lost => Interlocked.Read(ref _lost);

        /// <summary>Transmissions the receiver could not hear because the link was out of range.</summary>
        public long OutOfRange => Interlocked.Read(ref _outOfRange);

        internal void CountDelivered() => Interlocked.Increment(ref _delivered);

        internal void CountLost() => Interlocked.Increment(ref _lost);

        internal void CountOutOfRange() => Interlocked.Increment(ref _outOfRange);
    }
}
