namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// BLE Mesh model identities and opcodes of the DC-Monitor network (seed protocol §1.1–§1.2; addresses and
    /// node ids are in DcMonitor.Shared.Mesh.NodeAddressing): the constants both sides of the native boundary agree on.
    /// Config Client opcodes are in <see cref="MeshConfigMessages"/>.
    /// </summary>
    public static class MeshProtocol
    {
        /// <summary>Company identifier in vendor models and composition data: Espressif, 0x02E5.</summary>
        public const ushort CompanyId = 0x02E5;

        /// <summary>Vendor server model id (receives SEND, answers STATUS).</summary>
        public const ushort VendorServerModelId = 0x0001;

        /// <summary>Vendor client model id (sends SEND, receives STATUS).</summary>
        public const ushort VendorClientModelId = 0x0000;

        /// <summary>VND_OP_SEND, 3-byte opcode 0xC002E5 (on air C0 E5 02).</summary>
        public const int VendorSendOpcode = 0xC002E5;

        /// <summary>VND_OP_STATUS, 3-byte opcode 0xC102E5 (on air C1 E5 02).</summary>
        public const int VendorStatusOpcode = 0xC102E5;

        /// <summary>
        /// Binary SEND of this firmware (ARCHITECTURE §7), 0xC202E5 (on air C2 E5 02): 2-byte command, see
        /// DcMonitor.Shared.Mesh.BinaryCommandCodec.
        /// </summary>
        public const int BinarySendOpcode = 0xC202E5;

        /// <summary>
        /// Binary STATUS of this firmware (ARCHITECTURE §7), 0xC302E5 (on air C3 E5 02): 8-byte status that fits
        /// one unsegmented access message, see DcMonitor.Shared.Mesh.BinaryStatusCodec.
        /// </summary>
        public const int BinaryStatusOpcode = 0xC302E5;

        /// <summary>
        /// Reading report of the MQTT uplink, 0xC402E5 (on air C4 E5 02): 8 bytes published by a node's vendor server to the
        /// uplink group and received by vendor clients (DcMonitor.Shared.Uplink.MeshReport), one unsegmented access message.
        /// </summary>
        public const int ReadingReportOpcode = 0xC402E5;

        /// <summary>Energy report of the MQTT uplink, 0xC502E5 (on air C5 E5 02): 6 bytes, same path as the reading report.</summary>
        public const int EnergyReportOpcode = 0xC502E5;

        /// <summary>Node identity of the MQTT uplink, 0xC602E5 (on air C6 E5 02): the 6 Bluetooth-address bytes of the device UUID.</summary>
        public const int NodeIdentityOpcode = 0xC602E5;

        /// <summary>Bridge heartbeat of the MQTT uplink, 0xC702E5 (on air C7 E5 02): 2 bytes from every uplink-capable node.</summary>
        public const int BridgeHeartbeatOpcode = 0xC702E5;

        /// <summary>
        /// Uplink command, 0xC802E5 (on air C8 E5 02): 3 bytes (token, 2-byte binary command) sent unacknowledged by the bridge's
        /// vendor client to a node's vendor server; the node answers with a reading report carrying the token.
        /// </summary>
        public const int UplinkCommandOpcode = 0xC802E5;
    }
}
