using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Load;

namespace DcMonitor.Shared.Mesh
{
    /// <summary>
    /// The 2-byte binary SEND of this firmware (ARCHITECTURE §7; opcode 0xC202E5): byte 0 = command
    /// (1 read, 2 stop, 3 ramp, 4 set duty), byte 1 = duty 0–100 for "set duty", else 0. It carries only
    /// commands the gateway has already validated; anything else stays the seed's text SEND.
    /// </summary>
    public static class BinaryCommandCodec
    {
        /// <summary>Length of a binary command in bytes.</summary>
        public const int Length = 2;

        /// <summary>Command byte: read.</summary>
        public const byte Read = 1;

        /// <summary>Command byte: stop (duty 0).</summary>
        public const byte Stop = 2;

        /// <summary>Command byte: ramp.</summary>
        public const byte Ramp = 3;

        /// <summary>Command byte: set duty (byte 1).</summary>
        public const byte SetDuty = 4;

        /// <summary>
        /// Encodes a parsed node command into <paramref name="destination"/> (≥ 2 bytes). False for commands the
        /// binary form does not carry (unknown text, invalid duty value).
        /// </summary>
        public static bool TryEncode(NodeCommand command, byte[] destination)
        {
            switch (command.Kind)
            {
                case NodeCommandKind.Read:
                    return Write(destination, Read, 0);
                case NodeCommandKind.Stop:
                    return Write(destination, Stop, 0);
                case NodeCommandKind.Ramp:
                    return Write(destination, Ramp, 0);
                case NodeCommandKind.SetDuty:
                    return Write(destination, SetDuty, LoadDuty.Clamp(command.DutyPercent));
                default:
                    return false;
            }
        }

        /// <summary>
        /// Decodes a received binary command into the node command text it stands for (<c>read</c>, <c>s</c>,
        /// <c>r</c>, <c>duty:N</c>), so it runs exactly like the text form. Null for a malformed payload
        /// (wrong length, unknown command byte, duty above 100).
        /// </summary>
        public static string TryDecodeToText(byte[] payload, int offset, int length)
        {
            if (payload == null || length != Length || offset < 0 || offset + length > payload.Length)
            {
                return null;
            }

            byte command = payload[offset];
            byte duty = payload[offset + 1];
            switch (command)
            {
                case Read:
                    return duty == 0 ? "read" : null;
                case Stop:
                    return duty == 0 ? "s" : null;
                case Ramp:
                    return duty == 0 ? "r" : null;
                case SetDuty:
                    return duty <= LoadDuty.Maximum ? NodeCommandParser.DutyPrefix + duty.ToString() : null;
                default:
                    return null;
            }
        }

        private static bool Write(byte[] destination, byte command, int duty)
        {
            destination[0] = command;
            destination[1] = (byte)duty;
            return true;
        }
    }
}
