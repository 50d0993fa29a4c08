namespace DcMonitor.Emulator.Mesh.Stack.Transport
{
    /// <summary>What the transport layer delivers a complete access message to: the access layer (Zephyr: bt_mesh_model_recv).</summary>
    internal interface IAccessReceiver
    {
        /// <summary>An access message addressed to this node (unsegmented, reassembled, or looped back from its own send).</summary>
        void DeliverAccess(NetworkPdu pdu);
    }
}
