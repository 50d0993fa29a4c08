using DcMonitor.Shared.Commands;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// Checks what arrives on the bridge's MQTT command topics before anything reaches the mesh (issue "MQTT uplink"): a payload of
    /// at most <see cref="MaximumPayloadBytes"/> printable ASCII bytes holding a node command (<c>read</c>, <c>status</c>, <c>s</c>,
    /// <c>stop</c>, <c>r</c>, <c>ramp</c>, <c>duty:N</c> or <c>N</c>, seed §2.5) on <c>&lt;prefix&gt;/&lt;node&gt;/command</c>, or a duty
    /// cycle (<c>N</c> or <c>N.0</c>, as Home Assistant's number entity sends it) on <c>&lt;prefix&gt;/&lt;node&gt;/duty/set</c>. Unlike the
    /// serial console, which clamps (seed compatibility), a duty outside 0-100 is refused. Refusals are the reply-topic texts below.
    /// </summary>
    public static class MqttCommandParser
    {
        /// <summary>Longest payload accepted, bytes.</summary>
        public const int MaximumPayloadBytes = 32;

        /// <summary>Reply prefix of a refused command.</summary>
        public const string ErrorPrefix = "ERROR:";

        /// <summary>Parses a command-topic payload; null with <paramref name="error"/> set (<c>ERROR:PAYLOAD_TOO_LARGE:n</c>,
        /// <c>ERROR:MALFORMED</c>, <c>ERROR:UNKNOWN_COMMAND:text</c>, <c>ERROR:INVALID_DUTY:text</c>, <c>ERROR:DUTY_OUT_OF_RANGE:n</c>) when refused.</summary>
        public static NodeCommand ParseCommand(byte[] payload, out string error)
        {
            string text = Text(payload, out error);
            if (text == null)
            {
                return null;
            }

            NodeCommand command = NodeCommandParser.Parse(text);
            switch (command.Kind)
            {
                case NodeCommandKind.Unknown:
                    error = ErrorPrefix + "UNKNOWN_COMMAND:" + text;
                    return null;
                case NodeCommandKind.InvalidDutyValue:
                    error = ErrorPrefix + "INVALID_DUTY:" + text;
                    return null;
                case NodeCommandKind.SetDuty:
                    int requested;
                    int start = text.StartsWith(NodeCommandParser.DutyPrefix) ? NodeCommandParser.DutyPrefix.Length : 0;
                    if (!IntegerText.TryParse(text, start, out requested) || requested < 0 || requested > 100)
                    {
                        error = ErrorPrefix + "DUTY_OUT_OF_RANGE:" + text.Substring(start);
                        return null;
                    }

                    return command;
                default:
                    return command;
            }
        }

        /// <summary>Parses a duty-topic payload (<c>0</c>-<c>100</c>, optionally followed by <c>.0</c>); null with <paramref name="error"/> set when refused.</summary>
        public static NodeCommand ParseDuty(byte[] payload, out string error)
        {
            string text = Text(payload, out error);
            if (text == null)
            {
                return null;
            }

            int point = text.IndexOf('.');
            string whole = text;
            if (point >= 0)
            {
                bool zeros = point < text.Length - 1;
                for (int i = point + 1; i < text.Length; i++)
                {
                    zeros = zeros && text[i] == '0';
                }

                if (!zeros)
                {
                    error = ErrorPrefix + "INVALID_DUTY:" + text;
                    return null;
                }

                whole = text.Substring(0, point);
            }

            int duty;
            if (!IntegerText.TryParse(whole, out duty))
            {
                error = ErrorPrefix + "INVALID_DUTY:" + text;
                return null;
            }

            if (duty < 0 || duty > 100)
            {
                error = ErrorPrefix + "DUTY_OUT_OF_RANGE:" + whole;
                return null;
            }

            return NodeCommandParser.Parse(NodeCommandParser.DutyPrefix + duty.ToString());
        }

        private static string Text(byte[] payload, out string error)
        {
            error = null;
            int length = payload == null ? 0 : payload.Length;
            if (length > MaximumPayloadBytes)
            {
                error = ErrorPrefix + "PAYLOAD_TOO_LARGE:" + length.ToString();
                return null;
            }

            char[] characters = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = payload[i];
                if (b < 0x20 || b > 0x7E)
                {
                    error = ErrorPrefix + "MALFORMED";
                    return null;
                }

                characters[i] = (char)b;
            }

            if (length == 0)
            {
                error = ErrorPrefix + "MALFORMED";
                return null;
            }

            return new string(characters);
        }
    }
}
