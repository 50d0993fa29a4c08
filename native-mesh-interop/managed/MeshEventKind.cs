namespace DcMonitor.MeshInterop
{
    /// <summary>What a <see cref="MeshEvent"/> reports. Values are the first byte of the native event record.</summary>
    public enum MeshEventKind
    {
        /// <summary>A vendor message reached a vendor model: a SEND for the server (reply with its <see cref="MeshEvent.RequestHandle"/>),
        /// or a STATUS for the client (a matched response or a publish; seed protocol §4.5).</summary>
        VendorMessageReceived = 1,

        /// <summary>A vendor send was queued (<see cref="MeshEvent.Value"/> 0) or failed (non-zero): ESP_BLE_MESH_MODEL_SEND_COMP_EVT.</summary>
        VendorSendCompleted = 2,

        /// <summary>No response to an acknowledged vendor send within its timeout (unicast destinations only).</summary>
        VendorSendTimedOut = 3,

        /// <summary>Provisioning completed: <see cref="MeshEvent.Source"/> is the new unicast address.</summary>
        Provisioned = 4,

        /// <summary>The node was reset (unprovisioned) by the provisioner or locally.</summary>
        NodeReset = 5,

        /// <summary>The Config Server changed state (AppKey added, model bound, subscription): re-read the state with <see cref="MeshNode.ReadState"/>.
        /// <see cref="MeshEvent.Opcode"/> is the config message's opcode (e.g. 0x803D Model App Bind).</summary>
        ConfigurationChanged = 6,

        /// <summary>Generic OnOff Set (acknowledged or not) or Get reached the OnOff server; <see cref="MeshEvent.Value"/> = 1/0 for a Set,
        /// -1 for a Get. Reply with <see cref="MeshNode.ReplyOnOffStatus"/> when <see cref="MeshEvent.Opcode"/> is Set (0x8202) or Get (0x8201).</summary>
        OnOffServerMessage = 7,

        /// <summary>A Generic OnOff Status reached the OnOff client; <see cref="MeshEvent.Value"/> = present state.</summary>
        OnOffStatusReceived = 8,

        /// <summary>An acknowledged OnOff Set got no status in time.</summary>
        OnOffTimedOut = 9,

        /// <summary>GATT: a central connected; <see cref="MeshEvent.Value"/> = connection handle.</summary>
        GattConnected = 10,

        /// <summary>GATT: the central disconnected or the link was lost; <see cref="MeshEvent.Value"/> = connection handle.</summary>
        GattDisconnected = 11,

        /// <summary>GATT: the central enabled (<see cref="MeshEvent.Value"/> 1) or disabled (0) notifications on DC02.</summary>
        GattSubscribed = 12,

        /// <summary>GATT: the ATT MTU was negotiated; <see cref="MeshEvent.Value"/> = MTU.</summary>
        GattMtuChanged = 13,

        /// <summary>GATT: the central wrote DC03; the payload holds the value (up to the MTU − 3).</summary>
        GattCommandWritten = 14,

        /// <summary>The native ring buffer overflowed; <see cref="MeshEvent.Value"/> = records lost since the last report.</summary>
        EventsLost = 15,
    }
}
