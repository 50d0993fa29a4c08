namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// The node's BLE central role toward one BM6-family battery monitor (issue 18; protocol facts in
    /// docs/battery-monitor.md): scan, connect, write the encrypted poll block to characteristic 0xFFF3, receive the
    /// encrypted 16-byte notifications of 0xFFF4, disconnect. On the device it is the native NimBLE central beside
    /// ESP-BLE-MESH (native-mesh-interop); in the emulator a central on the virtual air.
    /// <para>Every call returns at once; outcomes arrive through <see cref="LinkEvent"/> on the interop's event
    /// thread, one at a time (handlers must not block). At most one connection exists at a time: a second
    /// <see cref="Connect"/> while one is open or pending returns false. Nothing is lost in silence: a failed
    /// connection, a missing characteristic, a refused write and a timeout each raise
    /// <see cref="BatteryMonitorLinkEventKind.Failed"/> with a <see cref="BatteryMonitorLinkFailure"/>.</para>
    /// </summary>
    public interface IBatteryMonitorLink
    {
        /// <summary>Raised for every outcome of the calls below.</summary>
        event BatteryMonitorLinkEventHandler LinkEvent;

        /// <summary>
        /// Scans (passively, sharing the radio with the mesh's own scanner) for <paramref name="durationMilliseconds"/>
        /// (1,000–30,000 ms); each advertiser whose name matches BM2/BM6/BM7 or that offers service 0xFFF0 is raised once
        /// as <see cref="BatteryMonitorLinkEventKind.DeviceFound"/>, then <see cref="BatteryMonitorLinkEventKind.ScanCompleted"/>.
        /// False (nothing raised) when a scan or a connection is already under way or the duration is out of range.
        /// </summary>
        bool StartScan(int durationMilliseconds);

        /// <summary>
        /// Connects to <paramref name="address"/> (6 bytes, least significant first, <paramref name="addressType"/>
        /// 0 public or 1 random, as in <see cref="DcMonitor.Shared.Gatt.BondAddress"/>), discovers service 0xFFF0 with
        /// 0xFFF3 and 0xFFF4, and subscribes to 0xFFF4 notifications; <see cref="BatteryMonitorLinkEventKind.Ready"/> when
        /// done, <see cref="BatteryMonitorLinkEventKind.Failed"/> otherwise (no device within
        /// <paramref name="timeoutMilliseconds"/>, 1,000–30,000 ms; characteristics missing; device busy with another central).
        /// False (nothing raised) when a connection or scan is open or pending or an argument is out of range.
        /// </summary>
        bool Connect(byte[] address, int addressType, int timeoutMilliseconds);

        /// <summary>
        /// Writes <paramref name="block"/> (exactly 16 bytes) to 0xFFF3 with response on the ready connection;
        /// notifications of 0xFFF4 then arrive as <see cref="BatteryMonitorLinkEventKind.Notification"/>. False when
        /// no connection is ready or the block is not 16 bytes.
        /// </summary>
        bool Write(byte[] block);

        /// <summary>Ends the connection or the pending connect (no-op when none); <see cref="BatteryMonitorLinkEventKind.Disconnected"/> follows when one was open.</summary>
        void Disconnect();
    }
}
