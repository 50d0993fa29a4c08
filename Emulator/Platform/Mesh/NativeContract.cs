namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The native side's view of the interop contract (native-mesh-interop/managed: MeshModels, MeshResult,
    /// MeshEventKind, the event record and state blob layouts). Native code cannot use the managed types, so
    /// it carries the numbers, as the C component does in its header; Tests/Host (NativeContractTests) keeps
    /// both sides equal.
    /// </summary>
    public static class NativeContract
    {
        /// <summary><c>Data1</c> of the custom event posted when records were queued (MeshNode.EventSignal).</summary>
        public const ushort EventSignal = 0xDC0E;

        /// <summary>Bytes before the payload in an event record (MeshEvent.RecordHeaderLength).</summary>
        public const int RecordHeaderLength = 15;

        /// <summary>Longest event payload (DCM_EVENT_MAX_PAYLOAD, MeshEvent.MaximumPayloadLength).</summary>
        public const int MaximumPayloadLength = 380;

        /// <summary>Bytes before each record in the native event ring: its length (DCM_EVENT_ENTRY_PREFIX).</summary>
        public const int RingEntryPrefix = 2;

        /// <summary>Bytes of the native event ring (DCM_EVENT_RING_BYTES).</summary>
        public const int EventRingBytes = 4096;

        /// <summary>Header-only records the ring's reserve holds (DCM_EVENT_RESERVE_RECORDS).</summary>
        public const int EventReserveRecords = 4;

        /// <summary>Bytes of the ring kept for header-only refused-command records (DCM_EVENT_RESERVE_BYTES).</summary>
        public const int EventReserveBytes = EventReserveRecords * (RingEntryPrefix + RecordHeaderLength);

        /// <summary>The ATT error a DC03 write gets when not even its refusal fits in the ring (BLE_ATT_ERR_INSUFFICIENT_RES).</summary>
        public const int AttErrorInsufficientResources = 0x11;

        /// <summary>The ATT error of a DC03 write longer than MTU − 3 (or than any command: BLE_ATT_ERR_INVALID_ATTR_VALUE_LEN).</summary>
        public const int AttErrorInvalidAttributeValueLength = 0x0D;

        /// <summary>Length of the state blob (MeshState.BlobLength).</summary>
        public const int StateBlobLength = 17;

        /// <summary>MeshResult values.</summary>
        public const int Ok = 0, InvalidArgument = 1, InvalidState = 2, Busy = 3, NoMemory = 4, NotConnected = 5, Failed = 6;

        /// <summary>
        /// Network Transmit state of the composition (Mesh Profile 4.2.19), as native-mesh-interop/native/esp/dcm_mesh_composition.c
        /// sets it for every node: retransmissions (count field, 0–7; transmissions = count + 1) of each PDU a node originates.
        /// </summary>
        public const int CompositionNetworkTransmitCount = 2;

        /// <summary>
        /// Relay Retransmit state of the composition (Mesh Profile 4.2.20), as dcm_mesh_composition.c sets it: retransmissions
        /// (count field, 0–7) of each PDU a relay forwards, until the provisioner's Config Relay Set replaces it.
        /// </summary>
        public const int CompositionRelayRetransmitCount = 4;

        /// <summary>
        /// Directed Network Transmit count of the composition's Directed Forwarding Configuration Server (dcm_mesh_composition.c,
        /// <c>esp_ble_mesh_df_srv_t.directed_net_transmit</c>: docs/directed-forwarding.md): 1, two
        /// transmissions of each directed PDU a node originates, as ESP-IDF's directed forwarding example.
        /// </summary>
        public const int CompositionDirectedNetworkTransmitCount = 1;

        /// <summary>
        /// Directed Relay Retransmit count of the composition's Directed Forwarding Configuration Server (<c>directed_relay_retransmit</c>):
        /// 2, three transmissions of each directed PDU a path relay forwards, as ESP-IDF's directed forwarding example: a path has one
        /// relay per hop, and with two the 63-node building lost an answer at 10 % loss (docs/directed-forwarding.md).
        /// </summary>
        public const int CompositionDirectedRelayRetransmitCount = 2;

        /// <summary>MeshModels bits.</summary>
        public const int ConfigServer = 0x01, ConfigClient = 0x02, GenericOnOffClient = 0x04, GenericOnOffServer = 0x08, VendorServer = 0x10, VendorClient = 0x20;

        /// <summary>MeshModels bits of the Directed Forwarding Configuration Server (SIG 0x0006) and Client (SIG 0x0007).</summary>
        public const int DirectedForwardingServer = 0x40, DirectedForwardingClient = 0x80;

        /// <summary>The models that use the device key and are never bound to an AppKey: Config and Directed Forwarding Configuration Server and Client.</summary>
        public const int DeviceKeyModels = ConfigServer | ConfigClient | DirectedForwardingServer | DirectedForwardingClient;

        /// <summary>MeshEventKind values.</summary>
        public const int VendorMessageReceived = 1, VendorSendCompleted = 2, VendorSendTimedOut = 3, Provisioned = 4, NodeReset = 5,
            ConfigurationChanged = 6, OnOffServerMessage = 7, OnOffStatusReceived = 8, OnOffTimedOut = 9, GattConnected = 10,
            GattDisconnected = 11, GattSubscribed = 12, GattMtuChanged = 13, GattCommandWritten = 14, EventsLost = 15, DeviceDiscovered = 16,
            DeviceProvisioned = 17, ProvisioningFailed = 18, ConfigStatusReceived = 19, ConfigTimedOut = 20, ProvisionerReady = 21,
            GattCommandRefused = 22, GattPaired = 23, GattPairingFailed = 24, BatteryMonitorFound = 25, BatteryMonitorScanCompleted = 26,
            BatteryMonitorReady = 27, BatteryMonitorNotification = 28, BatteryMonitorDisconnected = 29, BatteryMonitorFailed = 30;

        /// <summary>Steps a BatteryMonitorFailed event names in its opcode (DCM_CENTRAL_FAILURE_*, Shared's BatteryMonitorLinkFailure).</summary>
        public const int CentralConnectTimedOut = 1, CentralConnectFailed = 2, CentralCharacteristicsMissing = 3, CentralSubscribeFailed = 4,
            CentralWriteFailed = 5, CentralScanFailed = 6;

        /// <summary>Scan and connect time limits of the battery monitor central, ms (DCM_CENTRAL_MIN/MAX_DURATION_MS).</summary>
        public const int CentralMinimumDurationMilliseconds = 1000, CentralMaximumDurationMilliseconds = 30000;

        /// <summary>NimBLE codes a battery monitor event carries: BLE_HS_ETIMEOUT (a connect's timeout); the disconnect reasons
        /// BLE_HS_ERR_HCI_BASE (0x200) + HCI 0x16 (ended by this node), + 0x13 (ended by the peer), + 0x08 (supervision timeout: out of range).</summary>
        public const int StackTimeout = 13, ReasonLocalHostTerminated = 0x216, ReasonRemoteUserTerminated = 0x213, ReasonSupervisionTimeout = 0x208;

        /// <summary>GattSecurityMode values (DCM_GATT_SECURITY_*): who may use service 0xDC01 (docs/security.md).</summary>
        public const int GattSecurityOpen = 0, GattSecurityBonded = 1, GattSecurityPasskey = 2;

        /// <summary>The ATT error of an access that needs a bonded (or, in passkey mode, authenticated) link the central does not have
        /// (BLE_ATT_ERR_INSUFFICIENT_AUTHEN; NimBLE ble_att_svr_check_perms, and the bridge's own bond check).</summary>
        public const int AttErrorInsufficientAuthentication = 0x05;

        /// <summary>The ATT error of an access on an unencrypted link from a central whose bond the node keeps (BLE_ATT_ERR_INSUFFICIENT_ENC):
        /// the central encrypts with the stored key and retries.</summary>
        public const int AttErrorInsufficientEncryption = 0x0F;

        /// <summary>Bytes of a bond record (address type, then the 6-byte address least significant byte first; NimBLE ble_addr_t).</summary>
        public const int GattBondRecordLength = 7;

        /// <summary>Bonds the node keeps (CONFIG_BT_NIMBLE_MAX_BONDS in native-mesh-interop/native/firmware/sdkconfig.dcmonitor.esp32c6).</summary>
        public const int GattMaximumBonds = 8;

        /// <summary>Bits of a GattPaired event's value: the link is encrypted, authenticated (MITM-protected), bonded (key stored).</summary>
        public const int GattLinkEncrypted = 1, GattLinkAuthenticated = 2, GattLinkBonded = 4;

        /// <summary>SMP Pairing Failed reasons (Core 5.x Vol 3 Part H 3.5.5) a GattPairingFailed event carries: authentication requirements
        /// (passkey mode, a central that cannot enter a passkey), confirm value failed (wrong passkey), unspecified (the bond store is full).</summary>
        public const int SmpAuthenticationRequirements = 0x03, SmpConfirmValueFailed = 0x04, SmpUnspecifiedReason = 0x08;

        /// <summary>Encodes an event record (layout in MeshEvent); returns a new array.</summary>
        public static byte[] EncodeEvent(int kind, int source, int destination, int opcode, int handle, int value, byte[] payload, int length)
        {
            byte[] record = new byte[RecordHeaderLength + length];
            record[0] = (byte)kind;
            record[1] = (byte)source;
            record[2] = (byte)(source >> 8);
            record[3] = (byte)destination;
            record[4] = (byte)(destination >> 8);
            record[5] = (byte)opcode;
            record[6] = (byte)(opcode >> 8);
            record[7] = (byte)(opcode >> 16);
            record[8] = (byte)(opcode >> 24);
            record[9] = (byte)handle;
            record[10] = (byte)(handle >> 8);
            record[11] = (byte)value;
            record[12] = (byte)(value >> 8);
            record[13] = (byte)length;
            record[14] = (byte)(length >> 8);
            if (length > 0)
            {
                System.Array.Copy(payload, 0, record, RecordHeaderLength, length);
            }

            return record;
        }
    }
}
