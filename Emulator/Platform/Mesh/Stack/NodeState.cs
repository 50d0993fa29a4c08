namespace DcMonitor.Emulator.Mesh.Stack
{
    /// <summary>
    /// The state of one emulated node that every layer of its stack reads and changes, under one lock (<see cref="Gate"/>):
    /// the persisted settings (keys, address, bindings, subscriptions), the composition, the Relay feature, the default TTL,
    /// the sequence number (IV index 0 throughout) and the provisioner role's readiness. It plays the part of Zephyr's
    /// global <c>struct bt_mesh</c> (subsys/bluetooth/mesh/net.h, mesh.c) and of ESP-BLE-MESH's node settings.
    /// Every member is used with <see cref="Gate"/> held unless its documentation says otherwise.
    /// </summary>
    internal sealed class NodeState
    {
        /// <summary>The group every universal node's vendor server subscribes to (seed §1.3).</summary>
        public const int AllNodesGroup = 0xC000;

        /// <summary>The MQTT uplink group (vendor server publication, vendor client subscription).</summary>
        public const int UplinkGroup = 0xC001;

        /// <summary>The provisioner's own unicast address (seed §1.3).</summary>
        public const int ProvisionerAddress = 0x0001;

        /// <summary>Sequence numbers reserved per write of the settings (as CONFIG_BLE_MESH_SEQ_STORE_RATE).</summary>
        public const int SequenceStoreRate = 128;

        /// <summary>Creates the state of a node whose settings live in <paramref name="flashDirectory"/>.</summary>
        public NodeState(string flashDirectory)
        {
            FlashDirectory = flashDirectory;
        }

        /// <summary>The lock every layer of the node takes around this state.</summary>
        public object Gate { get; } = new object();

        /// <summary>The board's flash folder, where <see cref="Settings"/> persist.</summary>
        public string FlashDirectory { get; }

        /// <summary>The persisted mesh settings (null before start).</summary>
        public MeshSettings Settings { get; set; }

        /// <summary>The models the firmware composed the node with (NativeContract model bits).</summary>
        public int Models { get; set; }

        /// <summary>True while the Relay feature is on.</summary>
        public bool Relay { get; set; }

        /// <summary>Default TTL, 0 or 2–127 (Mesh Profile 4.2.7).</summary>
        public int DefaultTtl { get; set; }

        /// <summary>The directed forwarding states and fixed paths (Mesh Protocol 1.1; all off until configured).</summary>
        public DirectedForwarding.DirectedForwardingState Directed { get; } = new DirectedForwarding.DirectedForwardingState();

        /// <summary>Transmissions of each PDU this node originates: Network Transmit count + 1 (Mesh Profile 4.2.19), 1–8.</summary>
        public int NetworkTransmissions { get; set; } = NativeContract.CompositionNetworkTransmitCount + 1;

        /// <summary>Transmissions of each PDU this node relays: Relay Retransmit count + 1 (Mesh Profile 4.2.20), 1–8.</summary>
        public int RelayTransmissions { get; set; } = NativeContract.CompositionRelayRetransmitCount + 1;

        /// <summary>
        /// Transmissions a Network Transmit / Relay Retransmit state byte gives (count in bits 0–2, + 1), or the composition's count + 1
        /// when the byte is −1 (never set by a Config message).
        /// </summary>
        public static int TransmissionsOf(int state, int compositionCount) => (state >= 0 ? state & 0x07 : compositionCount) + 1;

        /// <summary>The next sequence number to use (Mesh Profile 3.8.3).</summary>
        public int Sequence { get; set; }

        /// <summary>The device UUID, Bluetooth address filled in (zeros before start).</summary>
        public byte[] DeviceUuid { get; set; } = new byte[16];

        /// <summary>True once the provisioner role has its keys (EnableProvisioner).</summary>
        public bool ProvisionerReady { get; set; }

        /// <summary>True after the firmware started the stack (read without the lock where a stale value is harmless).</summary>
        public bool Started { get; set; }

        /// <summary>Own unicast address: a provisioned node's, or the provisioner's once its keys are in place; 0 otherwise.</summary>
        public int OwnAddress => Settings == null ? 0 : Settings.Provisioned ? Settings.UnicastAddress : ProvisionerReady ? ProvisionerAddress : 0;

        /// <summary>True for the provisioner's composition (it has the Config Client).</summary>
        public bool IsProvisionerRole => (Models & NativeContract.ConfigClient) != 0;

        /// <summary>True when the node has an address and <paramref name="model"/> is composed and bound to the AppKey.</summary>
        public bool CanUse(int model) => Started && OwnAddress != 0 && (Models & model) != 0 && (Settings.BoundModels & model) != 0;

        /// <summary>True for a group this node's models subscribe to.</summary>
        public bool SubscribedTo(int address) =>
            (address == AllNodesGroup && Settings.VendorServerSubscribedToAll) || (address == UplinkGroup && Settings.VendorClientSubscribedToUplink);

        /// <summary>Takes the next sequence number, persisting the store rate's reserve as a send does.</summary>
        public int NextSequence()
        {
            int sequence = Sequence++;
            if (Sequence >= Settings.SequenceBase)
            {
                Settings.SequenceBase = Sequence + SequenceStoreRate;
                Save();
            }

            return sequence;
        }

        /// <summary>Writes <see cref="Settings"/> to the flash folder.</summary>
        public void Save() => Settings.Save(FlashDirectory);
    }
}
