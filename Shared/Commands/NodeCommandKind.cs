namespace DcMonitor.Shared.Commands
{
    /// <summary>What a line of node command text (seed protocol §2.5) asks for.</summary>
    public enum NodeCommandKind
    {
        /// <summary><c>s</c> or <c>stop</c>: duty 0, reply with a reading.</summary>
        Stop,

        /// <summary><c>r</c> or <c>ramp</c>: the ramp sequence, reply with a reading at its end.</summary>
        Ramp,

        /// <summary><c>duty:N</c> or a bare integer: duty := clamp(N), reply with a reading.</summary>
        SetDuty,

        /// <summary><c>read</c> or <c>status</c>: reply with a reading.</summary>
        Read,

        /// <summary><c>duty:</c> followed by something that is not an integer: nothing changes, error reply.</summary>
        InvalidDutyValue,

        /// <summary>Anything else, including empty text: nothing changes, <c>ERR:UNKNOWN:&lt;text&gt;</c>.</summary>
        Unknown,

        /// <summary>
        /// New (issue 18): <c>batt</c>: reply with the node's battery monitor reading, <c>BATT:V:12.71V,SOC:87%,T:21C</c>, or
        /// <c>BATT:ERROR:NO_BATTERY_MONITOR</c> / <c>BATT:ERROR:BATTERY_MONITOR_UNREACHABLE</c> (docs/battery-monitor.md).
        /// </summary>
        Battery,
    }
}
