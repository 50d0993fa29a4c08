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
    /// <item>new (issue 18): <c>BATT</c>, the node's battery monitor reading (docs/battery-monitor.md);</item>
    /// <item>DUTY's value must be an integer (then clamped to 0–100) → else <c>ERROR:INVALID_VALUE:&lt;value&gt;</c>;
    /// missing → <c>ERROR:NO_VALUE</c> (B3: the seed read garbage as 0, load off, and a missing value as 50).</item>
    /// </list>
    /// Stateless and thread-safe (each call writes only the command it is given).
    /// </summary>
    public static class GatewayCommandParser
    {
        /// <summary>Longest command accepted, bytes (seed §1.9 <c>COMMAND_MAX_LEN</c>).</summary>
        public const int MaximumCommandBytes = 64;

        /// <summary>Parses a write's bytes (<paramref name="length"/> bytes from index 0) into a new command.</summary>
        public static GatewayCommand Parse(byte[] data, int length)
        {
            GatewayCommand command = new GatewayCommand(MaximumCommandBytes);
            Parse(data, 0, length, command);
            return command;
        }

        /// <summary>
        /// Parses a write's bytes (<paramref name="length"/> bytes from <paramref name="offset"/>; only the first
        /// <see cref="MaximumCommandBytes"/> are read) into <paramref name="into"/>, which forgets its previous command; allocates
        /// nothing (the gateway reuses its command, issue 16).
        /// </summary>
        public static void Parse(byte[] data, int offset, int length, GatewayCommand into)
        {
            into.Clear();
            if (length > MaximumCommandBytes)
            {
                into.Reject(GatewayReplies.CommandTooLong);
                return;
            }

            int start = offset;
            int end = offset + length;
            while (start < end && IsFramingBlank(data[start]))
            {
                start++;
            }

            while (end > start && IsFramingBlank(data[end - 1]))
            {
                end--;
            }

            byte[] text = into.Text;
            for (int i = start; i < end; i++)
            {
                byte b = data[i];
                if (b < 0x20 || b > 0x7E)
                {
                    into.Reject(GatewayReplies.InvalidText);
                    return;
                }

                text[i - start] = b;
            }

            ParseText(end - start, into);
        }

        /// <summary>Parses command text (already decoded ASCII; the same checks apply except the byte-length limit and the framing blanks).</summary>
        public static GatewayCommand Parse(string command)
        {
            GatewayCommand parsed = new GatewayCommand(command.Length);
            for (int i = 0; i < command.Length; i++)
            {
                parsed.Text[i] = command[i] < 0x80 ? (byte)command[i] : (byte)'?';
            }

            ParseText(command.Length, parsed);
            return parsed;
        }

        /// <summary>True when <paramref name="length"/> bytes of <paramref name="text"/> from <paramref name="start"/> are <paramref name="upperCase"/> in any case.</summary>
        internal static bool EqualsIgnoringCase(byte[] text, int start, int length, string upperCase)
        {
            if (length != upperCase.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                int c = text[start + i];
                if (c >= 'a' && c <= 'z')
                {
                    c -= 'a' - 'A';
                }

                if (c != upperCase[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Parses the first <paramref name="length"/> bytes of <paramref name="into"/>'s text.</summary>
        private static void ParseText(int length, GatewayCommand into)
        {
            byte[] text = into.Text;
            int position = 0;
            int targetStart, targetLength, wordStart, wordLength, valueStart, valueLength;
            if (!NextField(text, length, ref position, out targetStart, out targetLength))
            {
                into.Reject(GatewayReplies.NoNodeId);
                return;
            }

            bool isAll = EqualsIgnoringCase(text, targetStart, targetLength, "ALL");
            int nodeId = 0;
            if (!isAll && !TryParseNodeId(text, targetStart, targetLength, out nodeId))
            {
                into.Reject(GatewayReplies.InvalidNode);
                return;
            }

            if (!NextField(text, length, ref position, out wordStart, out wordLength))
            {
                into.Reject(GatewayReplies.NoCommand);
                return;
            }

            into.SetWord(wordStart, wordLength);
            if (EqualsIgnoringCase(text, wordStart, wordLength, "READ") || EqualsIgnoringCase(text, wordStart, wordLength, "STATUS"))
            {
                into.Accept(isAll, nodeId, GatewayAction.Read, 0);
            }
            else if (EqualsIgnoringCase(text, wordStart, wordLength, "RAMP") || EqualsIgnoringCase(text, wordStart, wordLength, "ON"))
            {
                into.Accept(isAll, nodeId, GatewayAction.Ramp, 0);
            }
            else if (EqualsIgnoringCase(text, wordStart, wordLength, "STOP") || EqualsIgnoringCase(text, wordStart, wordLength, "OFF"))
            {
                into.Accept(isAll, nodeId, GatewayAction.Stop, 0);
            }
            else if (EqualsIgnoringCase(text, wordStart, wordLength, "MONITOR"))
            {
                into.Accept(isAll, nodeId, GatewayAction.Monitor, 0);
            }
            else if (EqualsIgnoringCase(text, wordStart, wordLength, "BATT"))
            {
                into.Accept(isAll, nodeId, GatewayAction.Battery, 0);
            }
            else if (!EqualsIgnoringCase(text, wordStart, wordLength, "DUTY"))
            {
                into.Reject(GatewayReplies.UnknownCommandPrefix, wordStart, wordLength);
            }
            else if (!NextField(text, length, ref position, out valueStart, out valueLength))
            {
                into.Reject(GatewayReplies.NoValue);
            }
            else
            {
                int duty;
                if (!IntegerText.TryParse(text, valueStart, valueStart + valueLength, out duty))
                {
                    into.Reject(GatewayReplies.InvalidValuePrefix, valueStart, valueLength);
                    return;
                }

                into.Accept(isAll, nodeId, GatewayAction.Duty, LoadDuty.Clamp(duty));
            }
        }

        /// <summary>
        /// Finds the next non-empty field (split on ':', empty fields skipped as in the seed) from <paramref name="position"/>;
        /// false when there is none.
        /// </summary>
        private static bool NextField(byte[] text, int length, ref int position, out int start, out int fieldLength)
        {
            while (position < length && text[position] == ':')
            {
                position++;
            }

            start = position;
            while (position < length && text[position] != ':')
            {
                position++;
            }

            fieldLength = position - start;
            return fieldLength > 0;
        }

        private static bool TryParseNodeId(byte[] text, int start, int length, out int nodeId)
        {
            nodeId = 0;
            if (length == 0 || length > 3)
            {
                return false;
            }

            for (int i = start; i < start + length; i++)
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
