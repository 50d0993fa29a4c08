namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// Outcome of a call into the mesh stack. The native side maps ESP-IDF's <c>esp_err_t</c> (and the
    /// client's <c>-EBUSY</c>) onto these values; a call returns at once, its delivery is reported later by a
    /// <see cref="MeshEvent"/>.
    /// </summary>
    public enum MeshResult
    {
        /// <summary>Accepted (queued for the air; delivery is reported by events).</summary>
        Ok = 0,

        /// <summary>A parameter is out of range (address 0, payload too long, unknown handle). ESP_ERR_INVALID_ARG.</summary>
        InvalidArgument = 1,

        /// <summary>Not started, not provisioned, or the model has no AppKey bound. ESP_ERR_INVALID_STATE.</summary>
        InvalidState = 2,

        /// <summary>An acknowledged send to the same destination is still outstanding (ESP-IDF allows one, docs/reference/esp-ble-mesh.md §1). -EBUSY.</summary>
        Busy = 3,

        /// <summary>No buffer for the message. ESP_ERR_NO_MEM.</summary>
        NoMemory = 4,

        /// <summary>GATT: no central is connected and subscribed to DC02.</summary>
        NotConnected = 5,

        /// <summary>Any other failure reported by the stack.</summary>
        Failed = 6,

        /// <summary><see cref="MeshNode.Start"/> only: the Bluetooth controller did not sync with the NimBLE host within the start's
        /// bound (5 waits of 2 s, each logged on the ESP-IDF console). Nothing of the mesh was started; a later Start waits again.</summary>
        HostNotSynced = 7,
    }
}
