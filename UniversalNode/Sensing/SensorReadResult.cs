namespace DcMonitor.UniversalNode.Sensing
{
    /// <summary>Outcome of <see cref="SensorService.TryRead"/>.</summary>
    public enum SensorReadResult
    {
        /// <summary>The reading is fresh.</summary>
        Ok,

        /// <summary>No INA260 is known: none was found, or it stopped answering and was marked absent.</summary>
        Absent,

        /// <summary>The INA260 is known but this read failed.</summary>
        Failed,
    }
}
