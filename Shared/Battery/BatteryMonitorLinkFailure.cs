namespace DcMonitor.Shared.Battery
{
    /// <summary>Which step of a battery monitor connection failed (<see cref="BatteryMonitorLinkEventKind.Failed"/>).</summary>
    public enum BatteryMonitorLinkFailure
    {
        /// <summary>No failure (other event kinds).</summary>
        None = 0,

        /// <summary>The device did not answer within the connect timeout (out of range, powered off, or busy with another central).</summary>
        ConnectTimedOut = 1,

        /// <summary>The connection was refused or dropped while being set up.</summary>
        ConnectFailed = 2,

        /// <summary>Service 0xFFF0 with characteristics 0xFFF3 and 0xFFF4 was not found.</summary>
        CharacteristicsMissing = 3,

        /// <summary>Enabling notifications of 0xFFF4 failed.</summary>
        SubscribeFailed = 4,

        /// <summary>The write to 0xFFF3 was refused.</summary>
        WriteFailed = 5,

        /// <summary>The scan could not start (the radio refused it).</summary>
        ScanFailed = 6,
    }
}
