namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// The node command text (seed protocol §2.5) the gateway sends for each command it maps to (seed §2.3): <c>read</c>,
    /// <c>duty:&lt;n&gt;</c>, <c>r</c>, <c>s</c>, and <c>batt</c> (issue 18). <see cref="NodeCommandParser"/> reads it back. Stateless and thread-safe.
    /// </summary>
    public static class NodeCommandText
    {
        /// <summary>Read the sensor.</summary>
        public const string Read = "read";

        /// <summary>Ramp the load.</summary>
        public const string Ramp = "r";

        /// <summary>Stop the load (duty 0).</summary>
        public const string Stop = "s";

        /// <summary>New (issue 18): the battery monitor's last reading.</summary>
        public const string Battery = "batt";

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

        /// <summary>
        /// The text of <paramref name="kind"/> as a string, or null for a kind the gateway never sends. A duty's text
        /// (<c>duty:0</c> to <c>duty:100</c>) is made at its first use and kept, so a repeated local DUTY allocates nothing
        /// (issue 16; at most 101 short strings); a duty outside 0–100 (which the gateway's parser refuses) gets a new string.
        /// </summary>
        public static string Of(NodeCommandKind kind, int dutyPercent)
        {
            if (kind != NodeCommandKind.SetDuty)
            {
                return ConstantOf(kind);
            }

            if (dutyPercent < 0 || dutyPercent >= s_dutyTexts.Length)
            {
                return NodeCommandParser.DutyPrefix + dutyPercent.ToString();
            }

            string text = s_dutyTexts[dutyPercent];
            if (text == null)
            {
                text = NodeCommandParser.DutyPrefix + dutyPercent.ToString();
                s_dutyTexts[dutyPercent] = text; // a race between threads only makes an equal string twice
            }

            return text;
        }

        /// <summary>The duty texts made so far, by duty cycle in percent (0–100).</summary>
        private static readonly string[] s_dutyTexts = new string[101];

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
                case NodeCommandKind.Battery:
                    return Battery;
                default:
                    return null;
            }
        }
    }
}
