namespace DcMonitor.Shared.Mesh
{
    /// <summary>What a binary STATUS reports (low nibble of its byte 0).</summary>
    public enum BinaryStatusKind
    {
        /// <summary>A reading: registers are valid.</summary>
        Reading = 0,

        /// <summary>No INA260 (the text form is <c>ERR:SENSOR_ABSENT,D:&lt;duty&gt;%</c>).</summary>
        SensorAbsent = 1,

        /// <summary>The read failed (<c>ERR:SENSOR_FAULT,D:&lt;duty&gt;%</c>).</summary>
        SensorFault = 2,

        /// <summary>The ramp this replies to was cancelled (<c>ERR:RAMP_CANCELLED</c>).</summary>
        RampCancelled = 3,

        // 4–7 are left for statuses of the load and its sensor; the battery monitor's kinds are 8–10.

        /// <summary>New (issue 18): a battery monitor reading (the text form is <c>BATT:V:12.71V,SOC:87%,T:21C</c>); battery layout.</summary>
        BatteryReading = 8,

        /// <summary>New (issue 18): no battery monitor configured (<c>BATT:ERROR:NO_BATTERY_MONITOR</c>).</summary>
        NoBatteryMonitor = 9,

        /// <summary>New (issue 18): the battery monitor gave no good reading lately (<c>BATT:ERROR:BATTERY_MONITOR_UNREACHABLE</c>).</summary>
        BatteryMonitorUnreachable = 10,
    }
}
