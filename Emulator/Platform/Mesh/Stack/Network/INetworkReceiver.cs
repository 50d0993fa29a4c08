namespace DcMonitor.Emulator.Mesh.Stack.Network
{
    /// <summary>What the network layer hands a received PDU to: the lower transport layer (Zephyr: bt_mesh_trans_recv).</summary>
    internal interface INetworkReceiver
    {
        /// <summary>
        /// A network PDU of this node's network that passed the message cache (and was relayed if due). <paramref name="ownAddress"/>
        /// is the node's unicast address at reception; <paramref name="addressed"/> is true when the destination is that address,
        /// a group the node subscribes to, or all-nodes 0xFFFF.
        /// </summary>
        void ReceivedFromNetwork(NetworkPdu pdu, int ownAddress, bool addressed);
    }
}
