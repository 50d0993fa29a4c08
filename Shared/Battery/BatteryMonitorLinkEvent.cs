namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// One outcome of an <see cref="IBatteryMonitorLink"/>. The link reuses one instance for every event (no allocation
    /// per event): copy what you keep before the handler returns.
    /// </summary>
    public sealed class BatteryMonitorLinkEvent
    {
        /// <summary>Largest notification kept, bytes (a BM6 notifies one 16-byte AES block; a longer notification is cut to this length, and the codec, which takes exactly 16 bytes, refuses it).</summary>
        public const int MaximumDataLength = 32;

        /// <summary>What happened.</summary>
        public BatteryMonitorLinkEventKind Kind { get; set; }

        /// <summary>The failed step for <see cref="BatteryMonitorLinkEventKind.Failed"/>, otherwise <see cref="BatteryMonitorLinkFailure.None"/>.</summary>
        public BatteryMonitorLinkFailure Failure { get; set; }

        /// <summary>The device's address, 6 bytes least significant first (<see cref="BatteryMonitorLinkEventKind.DeviceFound"/>, and the connected device otherwise).</summary>
        public byte[] Address { get; } = new byte[6];

        /// <summary>0 public, 1 random.</summary>
        public int AddressType { get; set; }

        /// <summary>The advertised name (<see cref="BatteryMonitorLinkEventKind.DeviceFound"/>), or null when none was advertised.</summary>
        public string Name { get; set; }

        /// <summary>RSSI in dBm (DeviceFound), HCI reason (Disconnected), stack error code (Failed), else 0.</summary>
        public int Value { get; set; }

        /// <summary>Notification bytes, valid up to <see cref="DataLength"/>.</summary>
        public byte[] Data { get; } = new byte[MaximumDataLength];

        /// <summary>Bytes of <see cref="Data"/> that are valid (0–<see cref="MaximumDataLength"/>).</summary>
        public int DataLength { get; set; }
    }
}
