using DcMonitor.Shared.Load;

namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// Parses the command text a node executes — from the vendor server, the serial console or the
    /// gateway's own local path (seed protocol §2.5). Exact, case-sensitive, whole-string matches, in the
    /// seed's order: <c>s</c>/<c>stop</c>, <c>r</c>/<c>ramp</c>, <c>duty:</c>…, <c>read</c>/<c>status</c>,
    /// <c>batt</c> (new, issue 18: the battery monitor), a bare integer, anything else. Improvement over the seed (§9 B3): a <c>duty:</c> value that is not
    /// an integer is rejected instead of being read as 0 (load off).
    /// </summary>
    public static class NodeCommandParser
    {
        /// <summary>Prefix of the duty command.</summary>
        public const string DutyPrefix = "duty:";

        // The commands without a value are immutable and the same every time: parsed once (a READ allocates nothing, issue 16).
        private static readonly NodeCommand StopShort = new NodeCommand(NodeCommandKind.Stop, 0, "s");
        private static readonly NodeCommand StopLong = new NodeCommand(NodeCommandKind.Stop, 0, "stop");
        private static readonly NodeCommand RampShort = new NodeCommand(NodeCommandKind.Ramp, 0, "r");
        private static readonly NodeCommand RampLong = new NodeCommand(NodeCommandKind.Ramp, 0, "ramp");
        private static readonly NodeCommand ReadCommand = new NodeCommand(NodeCommandKind.Read, 0, "read");
        private static readonly NodeCommand StatusCommand = new NodeCommand(NodeCommandKind.Read, 0, "status");
        private static readonly NodeCommand BatteryCommand = new NodeCommand(NodeCommandKind.Battery, 0, NodeCommandText.Battery);

        /// <summary>Parses one command text (null is treated as empty).</summary>
        public static NodeCommand Parse(string text)
        {
            if (text == null)
            {
                text = string.Empty;
            }

            int dutyPercent;
            switch (Classify(text, out dutyPercent))
            {
                case NodeCommandKind.Stop:
                    return text == "s" ? StopShort : StopLong;
                case NodeCommandKind.Ramp:
                    return text == "r" ? RampShort : RampLong;
                case NodeCommandKind.Read:
                    return text == "read" ? ReadCommand : StatusCommand;
                case NodeCommandKind.Battery:
                    return BatteryCommand;
                case NodeCommandKind.SetDuty:
                    return new NodeCommand(NodeCommandKind.SetDuty, dutyPercent, text);
                case NodeCommandKind.InvalidDutyValue:
                    return new NodeCommand(NodeCommandKind.InvalidDutyValue, 0, text.Substring(DutyPrefix.Length));
                default:
                    return new NodeCommand(NodeCommandKind.Unknown, 0, text);
            }
        }

        /// <summary>
        /// The kind <see cref="Parse"/> gives <paramref name="text"/> (null is treated as empty) and, for
        /// <see cref="NodeCommandKind.SetDuty"/>, its clamped duty in <paramref name="dutyPercent"/> (0 otherwise), allocating nothing:
        /// for a caller that needs no <see cref="NodeCommand"/> (the command executor, issue 16).
        /// </summary>
        public static NodeCommandKind Classify(string text, out int dutyPercent)
        {
            dutyPercent = 0;
            if (text == null)
            {
                text = string.Empty;
            }

            if (text == "s" || text == "stop")
            {
                return NodeCommandKind.Stop;
            }

            if (text == "r" || text == "ramp")
            {
                return NodeCommandKind.Ramp;
            }

            int requested;
            if (text.StartsWith(DutyPrefix))
            {
                if (!IntegerText.TryParse(text, DutyPrefix.Length, out requested))
                {
                    return NodeCommandKind.InvalidDutyValue;
                }

                dutyPercent = LoadDuty.Clamp(requested);
                return NodeCommandKind.SetDuty;
            }

            if (text == "read" || text == "status")
            {
                return NodeCommandKind.Read;
            }

            if (text == NodeCommandText.Battery)
            {
                return NodeCommandKind.Battery;
            }

            if (IntegerText.TryParse(text, out requested))
            {
                dutyPercent = LoadDuty.Clamp(requested);
                return NodeCommandKind.SetDuty;
            }

            return NodeCommandKind.Unknown;
        }
    }
}
