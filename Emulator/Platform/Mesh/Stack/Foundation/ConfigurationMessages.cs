using System.Collections.Generic;

namespace DcMonitor.Emulator.Mesh.Stack.Foundation
{
    /// <summary>
    /// Opcodes and status codes of the configuration messages the emulated Config Server and Client exchange (Mesh Profile 1.0.1
    /// §4.3.4 opcode summary, §4.3.5 status codes; Zephyr subsys/bluetooth/mesh/foundation.h), the Directed Forwarding Configuration
    /// messages the provisioner sends (Mesh Protocol 1.1; opcodes as ESP-IDF v5.5.4 esp_ble_mesh_df_model_api.h defines them, status
    /// codes 0x12 Invalid Path Entry and 0x15 Invalid Bearer as its foundation.h), and which status answers which request.
    /// </summary>
    internal static class ConfigurationMessages
    {
        public const int CompositionDataGet = 0x8008, CompositionDataStatus = 0x02, AppKeyAdd = 0x00, AppKeyStatus = 0x8003;
        public const int ModelAppBind = 0x803D, ModelAppStatus = 0x803E, ModelSubscriptionAdd = 0x801B, ModelSubscriptionStatus = 0x801F;
        public const int ModelPublicationSet = 0x03, ModelPublicationStatus = 0x8019, RelaySet = 0x8027, RelayStatus = 0x8028;
        public const int NetworkTransmitSet = 0x8024, NetworkTransmitStatus = 0x8025;
        public const int DefaultTtlSet = 0x800D, DefaultTtlStatus = 0x800E, NodeResetRequest = 0x8049, NodeResetStatus = 0x804A;
        public const int HeartbeatPublicationSet = 0x8039, HeartbeatPublicationStatus = 0x06;
        public const int HeartbeatSubscriptionGet = 0x803A, HeartbeatSubscriptionSet = 0x803B, HeartbeatSubscriptionStatus = 0x803C;
        public const int DirectedControlSet = 0x807C, DirectedControlStatus = 0x807D, ForwardingTableAdd = 0x8084, ForwardingTableStatus = 0x8086;
        public const int ForwardingTableDependentsAdd = 0x8087, ForwardingTableDependentsStatus = 0x8089;
        public const int StatusSuccess = 0x00, StatusInvalidAddress = 0x01, StatusInvalidModel = 0x02, StatusInvalidAppKeyIndex = 0x03;
        public const int StatusInvalidNetKeyIndex = 0x04, StatusInsufficientResources = 0x05, StatusKeyIndexAlreadyStored = 0x06;
        public const int StatusInvalidPathEntry = 0x12, StatusInvalidBearer = 0x15;

        /// <summary>The status opcode answering each request opcode the emulation supports.</summary>
        public static readonly Dictionary<int, int> StatusOf = new Dictionary<int, int>
        {
            [CompositionDataGet] = CompositionDataStatus, [AppKeyAdd] = AppKeyStatus, [ModelAppBind] = ModelAppStatus,
            [ModelSubscriptionAdd] = ModelSubscriptionStatus, [ModelPublicationSet] = ModelPublicationStatus, [RelaySet] = RelayStatus,
            [NetworkTransmitSet] = NetworkTransmitStatus, [DefaultTtlSet] = DefaultTtlStatus, [NodeResetRequest] = NodeResetStatus, [HeartbeatPublicationSet] = HeartbeatPublicationStatus,
            [HeartbeatSubscriptionSet] = HeartbeatSubscriptionStatus, [HeartbeatSubscriptionGet] = HeartbeatSubscriptionStatus,
            [DirectedControlSet] = DirectedControlStatus, [ForwardingTableAdd] = ForwardingTableStatus, [ForwardingTableDependentsAdd] = ForwardingTableDependentsStatus,
        };
    }
}
