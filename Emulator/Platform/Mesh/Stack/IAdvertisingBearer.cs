using DcMonitor.Emulator.Mesh.Air;

namespace DcMonitor.Emulator.Mesh.Stack
{
    /// <summary>
    /// The advertising bearer under a node's stack (Mesh Profile 1.0.1 §3.3.1; Zephyr subsys/bluetooth/mesh/adv.c): puts one
    /// advertisement on the air the node is on, and gives the air's clock and counters. Implemented by the stack's facade,
    /// which is the node's radio.
    /// </summary>
    internal interface IAdvertisingBearer
    {
        /// <summary>The clock of the air the node is on, which the stack's timers run on; null when that air keeps none (the timers then run on real time).</summary>
        IAirClock Clock { get; }

        /// <summary>Counters of the air the node is on (null = a radio on no air).</summary>
        AirStatistics Statistics { get; }

        /// <summary>Transmits one advertisement; <paramref name="relayed"/> for a PDU the node forwards rather than originates.</summary>
        void Transmit(NetworkPdu pdu, bool relayed);

        /// <summary>Counts a segmented message of <paramref name="segments"/> segments the node originates.</summary>
        void CountSegmented(int segments);
    }
}
