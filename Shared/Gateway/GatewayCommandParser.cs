using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Load;
using DcMonitor.Shared.Mesh;

namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// Parses one command the Pi writes to DC03 (seed protocol §2.2–§2.4), <c>&lt;target&gt;:&lt;WORD&gt;[:&lt;value&gt;]</c>,
    /// with the seed's defects fixed (seed §9):
    /// <list type="bullet">
    /// <item>more than <see cref="MaximumCommandBytes"/> bytes → <c>ERROR:COMMAND_TOO_LONG</c> instead of silent truncation (B22);</item>
    /// <item>blanks, CR and LF around the command are ignored; anything else outside printable ASCII →
    /// <c>ERROR:INVALID_TEXT</c> (B4: the seed kept a trailing newline as part of the word);</item>
    /// <item>fields are split on <c>:</c>, empty fields are skipped as in the seed (<c>1::READ</c> ≡ <c>1:READ</c>),
    /// fields after the third are ignored;</item>
    /// <item>no field → <c>ERROR:NO_NODE_ID</c> in full (B1);</item>
    /// <item>target: <c>ALL</c> in any case, or decimal digits only with a value 0–249 (<see cref="NodeAddressing.MaximumNodes"/>) — no sign, blank or trailing
    /// letters (B2: the seed's atoi made <c>abc</c> node 0 and <c>1x</c> node 1) → else <c>ERROR:INVALID_NODE</c>;</item>
    /// <item>no word → <c>ERROR:NO_COMMAND</c>; the word is compared case-insensitively; unknown →
    /// <c>ERROR:UNKNOWN_CMD:&lt;word as received&gt;</c>;</item>
    /// <item>DUTY's value must be an integer (then clamped to 0–100) → else <c>ERROR:INVALID_VALUE:&lt;value&gt;</c>;
    /// missing → <c>ERROR:NO_VALUE</c> (B3: the seed read garbage as 0, load off, and a missing value as 50).</item>
    /// </list>
    /// Stateless and thread-safe.
    /// </summary>
    public static class GatewayCommandParser
    {
        /// <summary>Longest command accepted, bytes (seed §1.9 <c>COMMAND_MAX_LEN</c>).</summary>
        public const int MaximumCommandBytes = 64;

        /// <summary>Parses a write's bytes (<paramref name="length"/> bytes from index 0).</summary>
        public static GatewayCommand Parse(byte[] data, int length)
        {
            if (length > MaximumCommandBytes)
            {
                return new GatewayCommand(GatewayReplies.CommandTooLong);
            }

            int start = 0;
            int end = length;
            while (start < end && IsFramingBlank(data[start]))
            {
                start++;
            }

            while (end > start && IsFramingBlank(data[end - 1]))
            {
                end--;
            }

            char[] text = new char[end - start];
            for (int i = start; i < end; i++)
            {
                byte b = data[i];
                if (b < 0x20 || b > 0x7E)
                {
                    return new GatewayCommand(GatewayReplies.InvalidText);
                }

                text[i - start] = (char)b;
            }

            return Parse(new string(text));
        }

        /// <summary>Parses command text (already decoded; the same checks apply except the byte-length limit).</summary>
        public static GatewayCommand Parse(string command)
        {
            string[] fields = new string[3];
            int count = Split(command, fields);
            if (count == 0)
            {
                return new GatewayCommand(GatewayReplies.NoNodeId);
            }

            bool isAll = fields[0].ToUpper() == "ALL";
            int nodeId = 0;
            if (!isAll && !TryParseNodeId(fields[0], out nodeId))
            {
                return new GatewayCommand(GatewayReplies.InvalidNode);
            }

            if (count < 2)
            {
                return new GatewayCommand(GatewayReplies.NoCommand);
            }

            string word = fields[1];
            switch (word.ToUpper())
            {
                case "READ":
                case "STATUS":
                    return new GatewayCommand(isAll, nodeId, word, GatewayAction.Read, 0, "read");
                case "RAMP":
                case "ON":
                    return new GatewayCommand(isAll, nodeId, word, GatewayAction.Ramp, 0, "r");
                case "STOP":
                case "OFF":
                    return new GatewayCommand(isAll, nodeId, word, GatewayAction.Stop, 0, "s");
                case "MONITOR":
                    return new GatewayCommand(isAll, nodeId, word, GatewayAction.Monitor, 0, null);
                case "DUTY":
                    if (count < 3)
                    {
                        return new GatewayCommand(GatewayReplies.NoValue, word);
                    }

                    int duty;
                    if (!IntegerText.TryParse(fields[2], out duty))
                    {
                        return new GatewayCommand(GatewayReplies.InvalidValue(fields[2]), word);
                    }

                    duty = LoadDuty.Clamp(duty);
                    return new GatewayCommand(isAll, nodeId, word, GatewayAction.Duty, duty, NodeCommandParser.DutyPrefix + duty.ToString());
                default:
                    return new GatewayCommand(GatewayReplies.UnknownCommand(word), word);
            }
        }

        /// <summary>Splits on ':' into at most <c>fields.Length</c> non-empty fields; returns how many.</summary>
        private static int Split(string command, string[] fields)
        {
            int count = 0;
            int fieldStart = 0;
            for (int i = 0; i <= command.Length && count < fields.Length; i++)
            {
                if (i == command.Length || command[i] == ':')
                {
                    if (i > fieldStart)
                    {
                        fields[count++] = command.Substring(fieldStart, i - fieldStart);
                    }

                    fieldStart = i + 1;
                }
            }

            return count;
        }

        private static bool TryParseNodeId(string text, out int nodeId)
        {
            nodeId = 0;
            if (text.Length == 0 || text.Length > 3)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }

                nodeId = (nodeId * 10) + (text[i] - '0');
            }

            return NodeAddressing.IsNodeId(nodeId);
        }

        private static bool IsFramingBlank(byte b)
        {
            return b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';
        }
    }
}
