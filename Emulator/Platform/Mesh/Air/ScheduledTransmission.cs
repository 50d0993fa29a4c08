using System;

namespace DcMonitor.Emulator.Mesh.Air
{
    /// <summary>
    /// One advertising event on the timed air: a network PDU sent on channels 37, 38 and 39 in turn, starting at
    /// <see cref="Start"/> (virtual µs), each copy <see cref="Airtime"/> long, <see cref="AdvertisingTiming.ChannelGapMicroseconds"/> apart.
    /// </summary>
    internal sealed class ScheduledTransmission
    {
        public ScheduledTransmission(IRadio sender, NetworkPdu pdu, long start, int airtime, long order)
        {
            Sender = sender;
            SenderName = sender.RadioName;
            Pdu = pdu;
            Start = start;
            Airtime = airtime;
            Order = order;
        }

        /// <summary>The transmitting radio.</summary>
        public IRadio Sender { get; }

        /// <summary>Its name (kept: a radio may be renamed or leave before the air decides).</summary>
        public string SenderName { get; }

        /// <summary>What is sent.</summary>
        public NetworkPdu Pdu { get; }

        /// <summary>Start of the copy on channel 37, virtual µs.</summary>
        public long Start { get; }

        /// <summary>Microseconds one copy occupies its channel (<see cref="AdvertisingTiming.Airtime"/>).</summary>
        public int Airtime { get; }

        /// <summary>Submission order on the air (a tie-break only).</summary>
        public long Order { get; }

        /// <summary>End of the copy on channel 39: the radio is busy (cannot receive) from <see cref="Start"/> to here.</summary>
        public long End => ChannelEnd(2);

        /// <summary>Start of the copy on the channel of index <paramref name="channel"/> (0 = 37, 1 = 38, 2 = 39).</summary>
        public long ChannelStart(int channel) => Start + channel * (long)(Airtime + AdvertisingTiming.ChannelGapMicroseconds);

        /// <summary>End of the copy on the channel of index <paramref name="channel"/>.</summary>
        public long ChannelEnd(int channel) => ChannelStart(channel) + Airtime;

        /// <summary>True when this event's copy on <paramref name="channel"/> overlaps <paramref name="from"/>–<paramref name="to"/>.</summary>
        public bool OccupiesChannel(int channel, long from, long to) => ChannelStart(channel) < to && from < ChannelEnd(channel);

        /// <summary>True when the sender is transmitting at some moment of <paramref name="from"/>–<paramref name="to"/>.</summary>
        public bool Busy(long from, long to) => Start < to && from < End;

        /// <summary>Orders by end, then sender name, then submission order: the air's delivery order.</summary>
        public static int ByEnd(ScheduledTransmission x, ScheduledTransmission y)
        {
            int byEnd = x.End.CompareTo(y.End);
            if (byEnd != 0)
            {
                return byEnd;
            }

            int bySender = string.CompareOrdinal(x.SenderName, y.SenderName);
            return bySender != 0 ? bySender : x.Order.CompareTo(y.Order);
        }
    }
}
