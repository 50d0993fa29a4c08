namespace DcMonitor.Shared.Gateway
{
    /// <summary>What a Pi command word asks for (seed protocol §2.3).</summary>
    public enum GatewayAction
    {
        /// <summary><c>READ</c>, <c>STATUS</c>: mesh text <c>read</c>.</summary>
        Read,

        /// <summary><c>DUTY:&lt;n&gt;</c>: mesh text <c>duty:&lt;n&gt;</c>.</summary>
        Duty,

        /// <summary><c>RAMP</c>, and <c>ON</c> (kept for compatibility: ON means ramp, which ends at 0 %, seed B10): mesh text <c>r</c>.</summary>
        Ramp,

        /// <summary><c>STOP</c>, <c>OFF</c>: mesh text <c>s</c>.</summary>
        Stop,

        /// <summary><c>MONITOR</c>: the gateway polls the target every second.</summary>
        Monitor,

        /// <summary>New (issue 18): <c>BATT</c>: mesh text <c>batt</c>, the node's battery monitor reading.</summary>
        Battery,
    }
}
