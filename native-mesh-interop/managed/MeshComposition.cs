using System;

namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// What a node is on the mesh: its models (element 0), whether it relays, its default TTL and its 16-byte
    /// device UUID (bytes 0–1 = DD DD, the provisioner's match prefix; bytes 2–7 = the Bluetooth address;
    /// seed protocol §1.4). Immutable.
    /// </summary>
    public sealed class MeshComposition
    {
        /// <summary>Default TTL of every DC-Monitor node (seed §1.6).</summary>
        public const int StandardDefaultTtl = 7;

        /// <summary>
        /// Network Transmit count every device starts with (Mesh Profile 4.2.19; set by the native composition,
        /// dcm_mesh_composition.c): 2 retransmissions = 3 transmissions of each PDU it originates, 20 ms apart. The seed's nodes
        /// sent 4 (§1.6); one fewer on each answer of an ALL:READ, and the gateway re-asks the rare lost one (docs/airtime-benchmark.md).
        /// </summary>
        public const int NetworkTransmitCount = 2;

        /// <summary>
        /// Relay Retransmit count a relaying device starts with (Mesh Profile 4.2.20; dcm_mesh_composition.c): 4 retransmissions =
        /// 5 transmissions, 20 ms apart (seed §1.6), until the provisioner's Config Relay Set replaces it.
        /// </summary>
        public const int RelayRetransmitCount = 4;

        /// <summary>Creates a composition.</summary>
        /// <exception cref="ArgumentException">No Config Server, a UUID that is not 16 bytes, or a default TTL outside 0–127 (1 is reserved).</exception>
        public MeshComposition(MeshModels models, bool relayEnabled, int defaultTtl, byte[] deviceUuid)
        {
            if ((models & MeshModels.ConfigServer) == 0)
            {
                throw new ArgumentException("Every node needs the Config Server model.");
            }

            if (deviceUuid == null || deviceUuid.Length != 16)
            {
                throw new ArgumentException("The device UUID is 16 bytes.");
            }

            if (defaultTtl < 0 || defaultTtl > 127 || defaultTtl == 1)
            {
                throw new ArgumentException("Default TTL must be 0 or 2-127.");
            }

            Models = models;
            RelayEnabled = relayEnabled;
            DefaultTtl = defaultTtl;
            DeviceUuid = deviceUuid;
        }

        /// <summary>Models of element 0.</summary>
        public MeshModels Models { get; }

        /// <summary>Relay feature on (nodes and relays) or off (provisioner), seed §1.6.</summary>
        public bool RelayEnabled { get; }

        /// <summary>Default TTL, 0 or 2–127.</summary>
        public int DefaultTtl { get; }

        /// <summary>The 16-byte device UUID.</summary>
        public byte[] DeviceUuid { get; }

        /// <summary>A universal node: Config Server, Directed Forwarding Configuration Server, Generic OnOff Client and Server, vendor server and client; relay on; TTL 7.</summary>
        public static MeshComposition UniversalNode(byte[] deviceUuid)
        {
            return new MeshComposition(
                MeshModels.ConfigServer | MeshModels.DirectedForwardingServer | MeshModels.GenericOnOffClient | MeshModels.GenericOnOffServer | MeshModels.VendorServer | MeshModels.VendorClient,
                true,
                StandardDefaultTtl,
                deviceUuid);
        }

        /// <summary>A relay node: Config Server and Directed Forwarding Configuration Server; relay on; TTL 7 (seed §7).</summary>
        public static MeshComposition RelayNode(byte[] deviceUuid)
        {
            return new MeshComposition(MeshModels.ConfigServer | MeshModels.DirectedForwardingServer, true, StandardDefaultTtl, deviceUuid);
        }

        /// <summary>The provisioner: Config Server, Config Client, Directed Forwarding Configuration Client, Generic OnOff Client; relay off; TTL 7 (seed §6).</summary>
        public static MeshComposition Provisioner(byte[] deviceUuid)
        {
            return new MeshComposition(MeshModels.ConfigServer | MeshModels.ConfigClient | MeshModels.DirectedForwardingClient | MeshModels.GenericOnOffClient, false, StandardDefaultTtl, deviceUuid);
        }
    }
}
