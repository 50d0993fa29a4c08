using System;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// A node's reading as it crosses the mesh to the bridge (MQTT uplink; opcode 0xC402E5): <see cref="EncodedLength"/> bytes, so
    /// that with the 3-byte vendor opcode it fills exactly one unsegmented access message (11 bytes, Mesh Profile §3.6.2).
    /// Layout, little-endian: <c>[0..1]</c> per-node sequence (wraps at 65 536), <c>[2..3]</c> bus voltage in mV (0-65 535),
    /// <c>[4..5]</c> current in mA (signed), <c>[6]</c> bits 0-6 duty cycle % (0-100), bit 7 set for an on-change report (the bridge
    /// then sends it at once instead of with the next periodic batch), <c>[7]</c> command token: 0, else the token of the uplink
    /// command this report answers. The node's energy counter travels in
    /// the energy report (<see cref="UplinkMessages"/>), as the 8 bytes hold no more. Mutable so that one instance is reused.
    /// </summary>
    public sealed class ReadingReport
    {
        /// <summary>Bytes of an encoded report.</summary>
        public const int EncodedLength = 8;

        /// <summary>Per-node sequence number (0-65 535).</summary>
        public int Sequence { get; private set; }

        /// <summary>Bus voltage, mV (0-65 535).</summary>
        public int BusMillivolts { get; private set; }

        /// <summary>Current, mA (-32 768 to 32 767).</summary>
        public int CurrentMilliamps { get; private set; }

        /// <summary>Duty cycle, % (0-100).</summary>
        public int DutyPercent { get; private set; }

        /// <summary>Token of the uplink command answered (1-255), or 0.</summary>
        public int CommandToken { get; private set; }

        /// <summary>True for a report sent because something changed (duty, current, voltage), not because the period ended.</summary>
        public bool Changed { get; private set; }

        /// <summary>True when the bridge should publish it at once: a change, or the answer to a command.</summary>
        public bool Urgent => Changed || CommandToken != 0;

        /// <summary>Sets every field, clamping the measurements to what the format carries.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Sequence outside 0-65 535, duty outside 0-100 or token outside 0-255.</exception>
        public void Set(int sequence, int busMillivolts, int currentMilliamps, int dutyPercent, int commandToken)
        {
            Set(sequence, busMillivolts, currentMilliamps, dutyPercent, commandToken, false);
        }

        /// <summary>Sets every field, <paramref name="changed"/> marking an on-change report.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Sequence outside 0-65 535, duty outside 0-100 or token outside 0-255.</exception>
        public void Set(int sequence, int busMillivolts, int currentMilliamps, int dutyPercent, int commandToken, bool changed)
        {
            if (sequence < 0 || sequence > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException("sequence", "sequence " + sequence.ToString() + " outside 0-65535");
            }

            if (dutyPercent < 0 || dutyPercent > 100)
            {
                throw new ArgumentOutOfRangeException("dutyPercent", "duty " + dutyPercent.ToString() + " outside 0-100");
            }

            if (commandToken < 0 || commandToken > 0xFF)
            {
                throw new ArgumentOutOfRangeException("commandToken", "token " + commandToken.ToString() + " outside 0-255");
            }

            Sequence = sequence;
            BusMillivolts = Clamp(busMillivolts, 0, 0xFFFF);
            CurrentMilliamps = Clamp(currentMilliamps, -32768, 32767);
            DutyPercent = dutyPercent;
            CommandToken = commandToken;
            Changed = changed;
        }

        /// <summary>Writes the report into <paramref name="buffer"/> (at least <see cref="EncodedLength"/> bytes).</summary>
        public void Encode(byte[] buffer)
        {
            buffer[0] = (byte)Sequence;
            buffer[1] = (byte)(Sequence >> 8);
            buffer[2] = (byte)BusMillivolts;
            buffer[3] = (byte)(BusMillivolts >> 8);
            buffer[4] = (byte)CurrentMilliamps;
            buffer[5] = (byte)(CurrentMilliamps >> 8);
            buffer[6] = (byte)(DutyPercent | (Changed ? 0x80 : 0));
            buffer[7] = (byte)CommandToken;
        }

        /// <summary>Reads a received report; false (fields unchanged) when it is shorter than <see cref="EncodedLength"/> or its duty is above 100.</summary>
        public bool TryDecode(byte[] payload, int length)
        {
            if (payload == null || length < EncodedLength || payload.Length < EncodedLength || (payload[6] & 0x7F) > 100)
            {
                return false;
            }

            Sequence = payload[0] | (payload[1] << 8);
            BusMillivolts = payload[2] | (payload[3] << 8);
            CurrentMilliamps = (short)(payload[4] | (payload[5] << 8));
            DutyPercent = payload[6] & 0x7F;
            Changed = (payload[6] & 0x80) != 0;
            CommandToken = payload[7];
            return true;
        }

        private static int Clamp(int value, int minimum, int maximum)
        {
            return value < minimum ? minimum : value > maximum ? maximum : value;
        }
    }
}
