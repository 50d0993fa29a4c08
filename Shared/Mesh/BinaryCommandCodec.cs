using System;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Load;

namespace DcMonitor.Shared.Mesh
{
    /// <summary>
    /// The 2-byte binary SEND of this firmware (ARCHITECTURE §7; opcode 0xC202E5): byte 0 = command
    /// (1 read, 2 stop, 3 ramp, 4 set duty, 5 battery monitor reading — issue 18), byte 1 = duty 0–100 for "set duty", else 0. It carries only
    /// commands the gateway has already validated; anything else stays the seed's text SEND. A group SEND may carry a
    /// third byte, the response window in units of <see cref="ResponseWindowUnitMilliseconds"/> (5–255: 0.5–25.5 s): each
    /// node answers after a random delay of 20 ms to that window (<see cref="ResponseDelay.NextMilliseconds(int)"/>) instead of
    /// 20–500 ms (Mesh Profile 1.0.1 §3.7.3.1, still the floor), so the gateway can spread the answers of a large mesh.
    /// </summary>
    public static class BinaryCommandCodec
    {
        /// <summary>Length of a binary command in bytes.</summary>
        public const int Length = 2;

        /// <summary>Length of a binary group command that carries its response window.</summary>
        public const int WindowedLength = 3;

        /// <summary>Unit of the response window byte, ms.</summary>
        public const int ResponseWindowUnitMilliseconds = 100;

        /// <summary>Smallest response window a windowed command carries, in units (500 ms: §3.7.3.1's window).</summary>
        public const int MinimumResponseWindowUnits = 5;

        /// <summary>Largest response window, in units (25.5 s).</summary>
        public const int MaximumResponseWindowUnits = 255;

        /// <summary>Command byte: read.</summary>
        public const byte Read = 1;

        /// <summary>Command byte: stop (duty 0).</summary>
        public const byte Stop = 2;

        /// <summary>Command byte: ramp.</summary>
        public const byte Ramp = 3;

        /// <summary>Command byte: set duty (byte 1).</summary>
        public const byte SetDuty = 4;

        /// <summary>Command byte: the battery monitor's reading (node command text <c>batt</c>, issue 18).</summary>
        public const byte Battery = 5;

        /// <summary>
        /// Encodes a parsed node command into <paramref name="destination"/> (≥ 2 bytes). False for commands the
        /// binary form does not carry (unknown text, invalid duty value).
        /// </summary>
        public static bool TryEncode(NodeCommand command, byte[] destination)
        {
            return TryEncode(command.Kind, command.DutyPercent, destination);
        }

        /// <summary>
        /// Encodes the node command <paramref name="kind"/> (with <paramref name="dutyPercent"/> for
        /// <see cref="NodeCommandKind.SetDuty"/>) into <paramref name="destination"/> (≥ 2 bytes), allocating nothing. False for
        /// commands the binary form does not carry (unknown text, invalid duty value).
        /// </summary>
        public static bool TryEncode(NodeCommandKind kind, int dutyPercent, byte[] destination)
        {
            switch (kind)
            {
                case NodeCommandKind.Read:
                    return Write(destination, Read, 0);
                case NodeCommandKind.Stop:
                    return Write(destination, Stop, 0);
                case NodeCommandKind.Ramp:
                    return Write(destination, Ramp, 0);
                case NodeCommandKind.SetDuty:
                    return Write(destination, SetDuty, LoadDuty.Clamp(dutyPercent));
                case NodeCommandKind.Battery:
                    return Write(destination, Battery, 0);
                default:
                    return false;
            }
        }

        /// <summary>
        /// Decodes a received binary command (2 bytes, or 3 with a response window) into the node command text it stands for
        /// (<c>read</c>, <c>s</c>, <c>r</c>, <c>duty:N</c>, <c>batt</c>), so it runs exactly like the text form. Null for a malformed payload
        /// (wrong length, unknown command byte, duty above 100, a window below <see cref="MinimumResponseWindowUnits"/>).
        /// </summary>
        public static string TryDecodeToText(byte[] payload, int offset, int length)
        {
            if (payload == null || (length != Length && length != WindowedLength) || offset < 0 || offset + length > payload.Length)
            {
                return null;
            }

            if (length == WindowedLength && payload[offset + 2] < MinimumResponseWindowUnits)
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
                case Battery:
                    return duty == 0 ? NodeCommandText.Battery : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Puts the response window of a group command into byte 2 of <paramref name="destination"/> (≥ 3 bytes, bytes 0–1 encoded by
        /// <see cref="TryEncode(NodeCommandKind, int, byte[])"/>) and returns the command's length: <see cref="Length"/> when the window is the standard 500 ms or
        /// less (nothing to carry), else <see cref="WindowedLength"/> with the window rounded up to whole units, at most 25.5 s.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">windowMilliseconds negative.</exception>
        public static int WriteResponseWindow(byte[] destination, int windowMilliseconds)
        {
            if (windowMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException("windowMilliseconds");
            }

            int units = (windowMilliseconds + ResponseWindowUnitMilliseconds - 1) / ResponseWindowUnitMilliseconds;
            if (units <= MinimumResponseWindowUnits)
            {
                return Length;
            }

            destination[2] = (byte)(units > MaximumResponseWindowUnits ? MaximumResponseWindowUnits : units);
            return WindowedLength;
        }

        /// <summary>
        /// The response window of a received binary command, ms: byte 2 × <see cref="ResponseWindowUnitMilliseconds"/> when it carries
        /// one, else <see cref="ResponseDelay.MaximumMilliseconds"/> (500). Call on a payload <see cref="TryDecodeToText"/> accepted.
        /// </summary>
        public static int ResponseWindowMillisecondsOf(byte[] payload, int offset, int length)
        {
            return length == WindowedLength ? payload[offset + 2] * ResponseWindowUnitMilliseconds : ResponseDelay.MaximumMilliseconds;
        }

        private static bool Write(byte[] destination, byte command, int duty)
        {
            destination[0] = command;
            destination[1] = (byte)duty;
            return true;
        }
    }
}
