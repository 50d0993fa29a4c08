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

        /// <summary>Provisioner: an unprovisioned device whose UUID starts with the match prefix advertised (PB-ADV beacon).
        /// The payload is the <see cref="MeshProvisioning.DeviceRecordLength"/>-byte device record (layout in <see cref="MeshProvisioning"/>)
        /// to pass to <see cref="MeshNode.ProvisionDevice"/>; <see cref="MeshEvent.Value"/> = RSSI, dBm.</summary>
        DeviceDiscovered = 16,

        /// <summary>Provisioner: a device was provisioned. <see cref="MeshEvent.Source"/> = its primary unicast address,
        /// <see cref="MeshEvent.Value"/> = its element count, payload = its 16-byte UUID (ESP_BLE_MESH_PROVISIONER_PROV_COMPLETE_EVT).</summary>
        DeviceProvisioned = 17,

        /// <summary>Provisioner: provisioning of a device ended without success (link closed before completion, or the stack refused it).
        /// <see cref="MeshEvent.Value"/> = the stack's reason or error code, payload = the 16-byte UUID.
        /// Node: a provisioning link closed before this node was provisioned (ESP_BLE_MESH_NODE_PROV_LINK_CLOSE_EVT without a
        /// completion: e.g. the device failed the confirmation of a static OOB secret that differs, Mesh Profile 1.0.1 §5.4.2.4);
        /// <see cref="MeshEvent.Value"/> = 0 (ESP-IDF does not tell the device's reason), no payload.</summary>
        ProvisioningFailed = 18,

        /// <summary>Provisioner: the status answering a <see cref="MeshNode.SendConfigRequest"/> arrived. <see cref="MeshEvent.RequestHandle"/>
        /// = the request's handle, <see cref="MeshEvent.Source"/> = the node, <see cref="MeshEvent.Opcode"/> = the status opcode,
        /// <see cref="MeshEvent.Value"/> = the status code (0 = success; 0 for statuses without one; -1 when the status was too long for an
        /// event record, then the payload is empty), payload = the status parameters in their on-air format (Mesh Profile §4.3.2; for
        /// Composition Data Status: page number then the page).</summary>
        ConfigStatusReceived = 19,

        /// <summary>Provisioner: no status answered a config request within its timeout (or the stack failed to send it).
        /// <see cref="MeshEvent.RequestHandle"/> = the request's handle, <see cref="MeshEvent.Source"/> = the node it was sent to,
        /// <see cref="MeshEvent.Opcode"/> = the request opcode, <see cref="MeshEvent.Value"/> = 0 for a timeout, else the stack's error code.</summary>
        ConfigTimedOut = 20,

        /// <summary>Provisioner: <see cref="MeshNode.EnableProvisioner"/> finished. <see cref="MeshEvent.Value"/> = 0 when the keys are in place
        /// and scanning for devices started, else the stack's error code, with <see cref="MeshEvent.Opcode"/> = the step that failed
        /// (1 NetKey, 2 AppKey, 3 model binding, 4 UUID match, 5 static OOB, 6 provisioning enable).</summary>
        ProvisionerReady = 21,

        /// <summary>GATT: the central wrote DC03 while the native event ring had no room for the command, so the command was not
        /// queued; the write itself was acknowledged (this header-only record comes from the ring's reserve). Answer it as a
        /// refused command (the gateway's <c>ERROR:BUSY</c>): every acknowledged write gets an answer. <see cref="MeshEvent.Value"/>
        /// = connection handle, no payload. When even this record does not fit, the write fails at the ATT layer instead
        /// (insufficient resources) and no event is queued.</summary>
        GattCommandRefused = 22,

        /// <summary>GATT: a central paired (SMP, LE Secure Connections) or encrypted with a new key. <see cref="MeshEvent.Value"/> = bits
        /// 1 encrypted, 2 authenticated (passkey), 4 bonded (the key is stored: the central is on the allow-list; without it the pairing
        /// happened outside the pairing window and the service stays closed to it), payload = the central's 7-byte bond record
        /// (address type, address least significant byte first).</summary>
        GattPaired = 23,

        /// <summary>GATT: a central's pairing failed. <see cref="MeshEvent.Value"/> = the SMP Pairing Failed reason (3 authentication
        /// requirements: Just Works offered in passkey mode; 4 confirm value failed: wrong passkey; 8 unspecified: e.g. the bond store
        /// is full), payload = the central's 7-byte bond record.</summary>
        GattPairingFailed = 24,

        /// <summary>Battery monitor central (<see cref="BatteryMonitorCentral"/>): a scan heard a BM2/BM6/BM7 or a 0xFFF0 advertiser, once per
        /// scan. <see cref="MeshEvent.Opcode"/> = address type (0 public, 1 random), <see cref="MeshEvent.Value"/> = RSSI in dBm, payload =
        /// the 6-byte address (least significant byte first) then the advertised name's bytes (none when no name was advertised).</summary>
        BatteryMonitorFound = 25,

        /// <summary>Battery monitor central: the scan's duration ended. No payload.</summary>
        BatteryMonitorScanCompleted = 26,

        /// <summary>Battery monitor central: connected, 0xFFF3/0xFFF4 found and 0xFFF4 notifications enabled. <see cref="MeshEvent.RequestHandle"/>
        /// = connection handle, payload = the 6-byte address.</summary>
        BatteryMonitorReady = 27,

        /// <summary>Battery monitor central: a 0xFFF4 notification. <see cref="MeshEvent.RequestHandle"/> = connection handle, payload = its value
        /// (16 bytes for a BM6).</summary>
        BatteryMonitorNotification = 28,

        /// <summary>Battery monitor central: the connection ended. <see cref="MeshEvent.RequestHandle"/> = connection handle,
        /// <see cref="MeshEvent.Value"/> = NimBLE's reason (0x200 + the HCI reason, e.g. 0x216 ended by this node, 0x213 by the monitor, 0x208 supervision timeout).</summary>
        BatteryMonitorDisconnected = 29,

        /// <summary>Battery monitor central: a step failed. <see cref="MeshEvent.Opcode"/> = the step (1 connect timed out, 2 connect failed,
        /// 3 service or characteristics missing, 4 subscription refused, 5 write refused, 6 scan refused: Shared's BatteryMonitorLinkFailure
        /// numbers), <see cref="MeshEvent.Value"/> = the stack's error code (NimBLE BLE_HS_E*, ATT error 0x100 + code, or 0 when a
        /// discovery completed without the characteristic). A failure after the link was up ends it: BatteryMonitorDisconnected follows.</summary>
        BatteryMonitorFailed = 30,
    }
}
