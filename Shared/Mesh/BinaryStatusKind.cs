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
    }
}
