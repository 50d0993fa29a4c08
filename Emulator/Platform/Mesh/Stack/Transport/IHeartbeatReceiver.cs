namespace DcMonitor.Emulator.Mesh.Stack.Transport
{
    /// <summary>What the transport layer hands a Heartbeat control message to: the heartbeat layer (Zephyr: bt_mesh_hb_recv).</summary>
    internal interface IHeartbeatReceiver
    {
        /// <summary>A heartbeat that passed the network layer, whatever its destination (the subscription filters it).</summary>
        void ReceivedHeartbeat(NetworkPdu pdu);
    }
}
