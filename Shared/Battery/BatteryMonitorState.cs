namespace DcMonitor.Shared.Battery
{
    /// <summary>What a <see cref="BatteryMonitorReader"/> is doing.</summary>
    public enum BatteryMonitorState
    {
        /// <summary>No monitor configured and no scan running: the link is never used.</summary>
        Off = 0,

        /// <summary>Configured, waiting for the next read.</summary>
        Idle = 1,

        /// <summary>A <c>bm6 scan</c> runs.</summary>
        Scanning = 2,

        /// <summary>Connecting to the monitor (until the link says Ready).</summary>
        Connecting = 3,

        /// <summary>The poll was written: waiting for one notification.</summary>
        AwaitingNotification = 4,

        /// <summary>The read ended: waiting for the link to say Disconnected (so the next Connect is accepted).</summary>
        Disconnecting = 5,
    }
}
