namespace DcMonitor.Shared.Battery
{
    /// <summary>What a <see cref="BatteryMonitorLinkEvent"/> reports.</summary>
    public enum BatteryMonitorLinkEventKind
    {
        /// <summary>A scan saw a battery monitor: <see cref="BatteryMonitorLinkEvent.Address"/>, <see cref="BatteryMonitorLinkEvent.AddressType"/>, <see cref="BatteryMonitorLinkEvent.Name"/>, <see cref="BatteryMonitorLinkEvent.Value"/> = RSSI, dBm.</summary>
        DeviceFound = 1,

        /// <summary>The scan's duration ended.</summary>
        ScanCompleted = 2,

        /// <summary>Connected, 0xFFF3/0xFFF4 found and notifications of 0xFFF4 enabled: <see cref="IBatteryMonitorLink.Write"/> may be called.</summary>
        Ready = 3,

        /// <summary>A 0xFFF4 notification: <see cref="BatteryMonitorLinkEvent.Data"/> holds <see cref="BatteryMonitorLinkEvent.DataLength"/> bytes (16 for a BM6).</summary>
        Notification = 4,

        /// <summary>The connection ended; <see cref="BatteryMonitorLinkEvent.Value"/> = the HCI reason code.</summary>
        Disconnected = 5,

        /// <summary>A connect, discovery, subscription or write failed: <see cref="BatteryMonitorLinkEvent.Failure"/> says which, <see cref="BatteryMonitorLinkEvent.Value"/> carries the stack's error code.</summary>
        Failed = 6,
    }
}
