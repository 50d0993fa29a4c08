using DcMonitor.Emulator.Mesh.Air;

namespace DcMonitor.Emulator.Mesh.Stack.Transport
{
    /// <summary>What the lower transport layer (<see cref="SegmentationAndReassembly"/>) needs from the network layer of its node.</summary>
    internal interface ITransportHost
    {
        /// <summary>The clock SAR timers run on (the timed air's virtual clock, or real time).</summary>
        IAirClock Clock { get; }

        /// <summary>Counters of the air the node is on (null = a radio on no air).</summary>
        AirStatistics Statistics { get; }

        /// <summary>Own unicast address.</summary>
        int OwnAddress { get; }

        /// <summary>Sends a network PDU with the node's Network Transmit count.</summary>
        void SendNetwork(NetworkPdu pdu);

        /// <summary><paramref name="pdu"/> under the node's next sequence number.</summary>
        NetworkPdu Resequenced(NetworkPdu pdu);

        /// <summary>A Segment Acknowledgment from this node to <paramref name="destination"/> for the message <paramref name="sequenceZero"/> (next sequence number, default TTL).</summary>
        NetworkPdu Acknowledgement(int destination, int sequenceZero, uint blockAck);
    }
}
