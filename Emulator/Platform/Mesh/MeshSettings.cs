namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// What ESP-BLE-MESH keeps in its own settings storage (NVS) across reboots: provisioning data, key indices,
    /// model bindings, subscriptions (seed protocol §4.13: "mesh credentials proper … are kept by ESP-IDF's own
    /// settings storage"). The emulator keeps it in a JSON file next to, not inside, the node's flash drive I:.
    /// </summary>
    public sealed class MeshSettings
    {
        /// <summary>True once provisioned.</summary>
        public bool Provisioned { get; set; }

        /// <summary>Unicast address of element 0.</summary>
        public int UnicastAddress { get; set; }

        /// <summary>NetKey index.</summary>
        public int NetKeyIndex { get; set; }

        /// <summary>AppKey index, 0xFFFF when none.</summary>
        public int AppKeyIndex { get; set; } = 0xFFFF;

        /// <summary>Bound models (DcMonitor.MeshInterop.MeshModels bits).</summary>
        public int BoundModels { get; set; }

        /// <summary>True when the vendor server is subscribed to 0xC000.</summary>
        public bool VendorServerSubscribedToAll { get; set; }

        /// <summary>True when the vendor client subscribes to the uplink group 0xC001 (reports and heartbeats of the MQTT uplink).</summary>
        public bool VendorClientSubscribedToUplink { get; set; }

        /// <summary>Publish address of the vendor server (0 = publication not configured).</summary>
        public int VendorServerPublishAddress { get; set; }

        /// <summary>NetKey in hex; null for the pre-provisioned demo network.</summary>
        public string NetKey { get; set; }

        /// <summary>AppKey in hex (index <see cref="AppKeyIndex"/>); null for the pre-provisioned demo network or none.</summary>
        public string AppKey { get; set; }

        /// <summary>Device key in hex, set by provisioning; null for pre-provisioned demo nodes.</summary>
        public string DeviceKey { get; set; }

        /// <summary>Default TTL set by Config Default TTL Set; -1 = the composition's.</summary>
        public int DefaultTtl { get; set; } = -1;

        /// <summary>Relay state set by Config Relay Set (0/1); -1 = the composition's.</summary>
        public int Relay { get; set; } = -1;

        /// <summary>Relay Retransmit state (Mesh Profile 4.2.20: count in bits 0–2, interval steps in bits 3–7) set by Config Relay Set; -1 = the composition's.</summary>
        public int RelayRetransmit { get; set; } = -1;

        /// <summary>Network Transmit state (Mesh Profile 4.2.19: count in bits 0–2, interval steps in bits 3–7) set by Config Network Transmit Set; -1 = the composition's.</summary>
        public int NetworkTransmit { get; set; } = -1;

        /// <summary>Directed Forwarding state set by Directed Control Set (Mesh Protocol 1.1 directed forwarding); off until then.</summary>
        public bool DirectedForwarding { get; set; }

        /// <summary>Directed Relay state set by Directed Control Set; off until then.</summary>
        public bool DirectedRelay { get; set; }

        /// <summary>Fixed paths installed by Forwarding Table Add and Forwarding Table Dependents Add.</summary>
        public System.Collections.Generic.List<FixedPathSetting> FixedPaths { get; set; } = new System.Collections.Generic.List<FixedPathSetting>();

        /// <summary>Sequence numbers below this may have been used: the next boot starts here (ESP-IDF stores the sequence
        /// number every CONFIG_BLE_MESH_SEQ_STORE_RATE = 128 messages and adds that on restore).</summary>
        public int SequenceBase { get; set; }

        /// <summary>Provisioner only: the node table the stack keeps (ESP-IDF keeps it in NVS with the device keys).</summary>
        public System.Collections.Generic.List<ProvisionedNodeEntry> Nodes { get; set; } = new System.Collections.Generic.List<ProvisionedNodeEntry>();

        /// <summary>Path of the settings file of a board whose flash folder is <paramref name="flashDirectory"/>.</summary>
        public static string PathFor(string flashDirectory) => flashDirectory.TrimEnd('/', '\\') + ".mesh-settings.json";

        /// <summary>Loads the settings, or unprovisioned defaults when there are none or they are unreadable.</summary>
        public static MeshSettings Load(string flashDirectory) => NonVolatileJsonFile.Load(PathFor(flashDirectory), () => new MeshSettings());

        /// <summary>Writes the settings atomically (new file, then replace).</summary>
        public void Save(string flashDirectory) => NonVolatileJsonFile.Save(PathFor(flashDirectory), this);
    }

    /// <summary>An entry of the provisioner's node table.</summary>
    public sealed class ProvisionedNodeEntry
    {
        /// <summary>Device UUID in hex.</summary>
        public string Uuid { get; set; }

        /// <summary>Primary unicast address.</summary>
        public int Address { get; set; }

        /// <summary>Element count.</summary>
        public int Elements { get; set; }

        /// <summary>Device key in hex.</summary>
        public string DeviceKey { get; set; }
    }
}
