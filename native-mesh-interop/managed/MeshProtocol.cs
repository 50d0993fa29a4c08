namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// BLE Mesh identities of the DC-Monitor network (seed protocol §1.1–§1.3). The managed mesh API (start,
    /// vendor send/reply/publish, provisioner primitives, GATT bridge) is added by the virtual-radio issue;
    /// until then this assembly holds only the constants both sides of the native boundary agree on.
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

        /// <summary>Group address every vendor server subscribes to ("ALL").</summary>
        public const ushort AllNodesGroupAddress = 0xC000;

        /// <summary>Unicast address of node id 0; node id = unicast − 0x0005.</summary>
        public const ushort FirstNodeAddress = 0x0005;

        /// <summary>Unicast address of the provisioner.</summary>
        public const ushort ProvisionerAddress = 0x0001;
    }
}
