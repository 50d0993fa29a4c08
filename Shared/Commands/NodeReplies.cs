namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// Reply texts of a node to command text, other than the sensor payload (seed protocol §2.5, §2.7).
    /// Every error starts with <c>ERR:</c>, the seed's spelling for a node's mesh reply; at the gateway it
    /// reaches the Pi as <c>NODE&lt;n&gt;:DATA:ERR:…</c>, which the Pi's parser shows as text and never as a
    /// reading because the payload does not start with <c>D:&lt;digits&gt;%</c> (seed §2.7).
    /// </summary>
    public static class NodeReplies
    {
        /// <summary>Seed §2.5: unknown command text; followed by the text as received.</summary>
        public const string UnknownPrefix = "ERR:UNKNOWN:";

        /// <summary>
        /// New (seed §9 B3): <c>duty:</c> with a value that is not an integer; followed by the value as received.
        /// The duty is left unchanged.
        /// </summary>
        public const string InvalidValuePrefix = "ERR:INVALID_VALUE:";

        /// <summary>
        /// New (seed §9 B18): no INA260 answers; followed by <c>,D:&lt;duty&gt;%</c> so the sender still learns the
        /// applied duty, e.g. <c>ERR:SENSOR_ABSENT,D:50%</c>. Replaces the seed's fake 0 V / 0 mA reading.
        /// </summary>
        public const string SensorAbsentPrefix = "ERR:SENSOR_ABSENT,D:";

        /// <summary>New (seed §9 B18): the INA260 is present but this read failed, e.g. <c>ERR:SENSOR_FAULT,D:0%</c>.</summary>
        public const string SensorFaultPrefix = "ERR:SENSOR_FAULT,D:";

        /// <summary>
        /// New: reply to a ramp (<c>r</c>/<c>ramp</c>) that a later duty-changing command cancelled before its
        /// end; the later command's own reply carries the new state.
        /// </summary>
        public const string RampCancelled = "ERR:RAMP_CANCELLED";

        /// <summary><c>ERR:UNKNOWN:&lt;text&gt;</c>.</summary>
        public static string Unknown(string text)
        {
            return UnknownPrefix + text;
        }

        /// <summary><c>ERR:INVALID_VALUE:&lt;value&gt;</c>.</summary>
        public static string InvalidValue(string value)
        {
            return InvalidValuePrefix + value;
        }

        /// <summary><c>ERR:SENSOR_ABSENT,D:&lt;duty&gt;%</c>.</summary>
        public static string SensorAbsent(int dutyPercent)
        {
            return SensorAbsentPrefix + dutyPercent.ToString() + "%";
        }

        /// <summary><c>ERR:SENSOR_FAULT,D:&lt;duty&gt;%</c>.</summary>
        public static string SensorFault(int dutyPercent)
        {
            return SensorFaultPrefix + dutyPercent.ToString() + "%";
        }
    }
}
