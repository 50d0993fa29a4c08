namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// The node command text (seed protocol §2.5) the gateway sends for each command it maps to (seed §2.3): <c>read</c>,
    /// <c>duty:&lt;n&gt;</c>, <c>r</c>, <c>s</c>. <see cref="NodeCommandParser"/> reads it back. Stateless and thread-safe.
    /// </summary>
    public static class NodeCommandText
    {
        /// <summary>Read the sensor.</summary>
        public const string Read = "read";

        /// <summary>Ramp the load.</summary>
        public const string Ramp = "r";

        /// <summary>Stop the load (duty 0).</summary>
        public const string Stop = "s";

        /// <summary>
        /// Appends the text of <paramref name="kind"/> (with <paramref name="dutyPercent"/> for <see cref="NodeCommandKind.SetDuty"/>)
        /// to <paramref name="destination"/>, allocating nothing; false (nothing appended) for a kind the gateway never sends.
        /// </summary>
        public static bool Write(NodeCommandKind kind, int dutyPercent, ReplyWriter destination)
        {
            if (kind == NodeCommandKind.SetDuty)
            {
                destination.Append(NodeCommandParser.DutyPrefix);
                destination.AppendInteger(dutyPercent);
                return true;
            }

            string text = ConstantOf(kind);
            destination.Append(text);
            return text != null;
        }

        /// <summary>The text of <paramref name="kind"/> as a string (a new one for a duty), or null for a kind the gateway never sends.</summary>
        public static string Of(NodeCommandKind kind, int dutyPercent)
        {
            return kind == NodeCommandKind.SetDuty ? NodeCommandParser.DutyPrefix + dutyPercent.ToString() : ConstantOf(kind);
        }

        private static string ConstantOf(NodeCommandKind kind)
        {
            switch (kind)
            {
                case NodeCommandKind.Read:
                    return Read;
                case NodeCommandKind.Ramp:
                    return Ramp;
                case NodeCommandKind.Stop:
                    return Stop;
                default:
                    return null;
            }
        }
    }
}
