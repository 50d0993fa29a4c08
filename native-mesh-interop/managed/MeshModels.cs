using System;

namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// Models of element 0 (the only element of every DC-Monitor image, seed protocol §1.1). The native side
    /// builds the composition in this order: Config Server, Config Client, Directed Forwarding Configuration
    /// Server, Directed Forwarding Configuration Client, Generic OnOff Client, Generic OnOff Server, then the vendor server (0x02E5, 0x0001) and client (0x02E5, 0x0000).
    /// </summary>
    [Flags]
    public enum MeshModels
    {
        /// <summary>No model.</summary>
        None = 0,

        /// <summary>SIG Config Server 0x0000 (every image has it).</summary>
        ConfigServer = 0x01,

        /// <summary>SIG Config Client 0x0001 (provisioner).</summary>
        ConfigClient = 0x02,

        /// <summary>SIG Generic OnOff Client 0x1001.</summary>
        GenericOnOffClient = 0x04,

        /// <summary>SIG Generic OnOff Server 0x1000.</summary>
        GenericOnOffServer = 0x08,

        /// <summary>Vendor server (CID 0x02E5, model 0x0001): receives SEND, answers STATUS.</summary>
        VendorServer = 0x10,

        /// <summary>Vendor client (CID 0x02E5, model 0x0000): sends SEND, receives STATUS.</summary>
        VendorClient = 0x20,

        /// <summary>SIG Directed Forwarding Configuration Server 0x0006 (Mesh Protocol 1.1; needs CONFIG_BLE_MESH_DF_SRV): nodes that take fixed paths.</summary>
        DirectedForwardingServer = 0x40,

        /// <summary>SIG Directed Forwarding Configuration Client 0x0007 (needs CONFIG_BLE_MESH_DF_CLI): the provisioner, which installs the paths.</summary>
        DirectedForwardingClient = 0x80,
    }
}
