namespace DcMonitor.Shared.Battery
{
    /// <summary>What <see cref="BatteryMonitorReader.RequestRead"/> did.</summary>
    public enum BatteryReadStart
    {
        /// <summary>The connection was asked for; the outcome comes later.</summary>
        Started = 0,

        /// <summary>A read (or a scan) is already in progress; nothing new was started.</summary>
        AlreadyInProgress = 1,

        /// <summary>No monitor is configured.</summary>
        NotConfigured = 2,

        /// <summary>The link refused the connection at once (counted as a failed read, reason in <see cref="BatteryMonitorReader.LastFailure"/>).</summary>
        LinkRefused = 3,
    }
}
