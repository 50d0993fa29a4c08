namespace DcMonitor.Emulator.Mesh.Stack.Transport
{
    /// <summary>How the layers above send: the upper transport layer's send of one access message (Zephyr: bt_mesh_trans_send).</summary>
    internal interface IAccessTransport
    {
        /// <summary>
        /// Sends an access message (or a Heartbeat, opcode <see cref="Heartbeat.HeartbeatLayer.Opcode"/>) from <paramref name="source"/>:
        /// TTL 0xFF means the default TTL; encrypted with the AppKey, or with <paramref name="deviceKey"/> when given. With
        /// <paramref name="useDirected"/> (ESP-IDF's <c>ESP_BLE_MESH_TAG_USE_DIRECTED</c>) it goes with directed credentials when the node
        /// holds a path to the destination, by managed flooding otherwise.
        /// </summary>
        void SendAccess(int source, int destination, int ttl, int opcode, byte[] parameters, string deviceKey = null, bool useDirected = false);
    }
}
