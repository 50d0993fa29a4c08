using System;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// A node's reading as it crosses the mesh to the bridge (MQTT uplink; opcode 0xC402E5): <see cref="EncodedLength"/> bytes, so
    /// that with the 3-byte vendor opcode it fills exactly one unsegmented access message (11 bytes, Mesh Profile §3.6.2).
    /// Layout of format 2 (this firmware), little-endian:
    /// <list type="bullet">
    /// <item><c>[0..1]</c> per-node sequence (wraps at 65 536);</item>
    /// <item><c>[2..3]</c> bits 0-14 the INA260 Bus Voltage register (1.25 mV/LSB, 0-40.96 V; the chip's bit 15 is always 0),
    /// bit 15 set: the format-2 mark (<see cref="FormatTwoMark"/>);</item>
    /// <item><c>[4..5]</c> the INA260 Current register (two's complement, 1.25 mA/LSB, TI SBOS656C §8.6.3), so the bridge publishes
    /// the current at the sensor's own resolution;</item>
    /// <item><c>[6]</c> bits 0-6 duty cycle % (0-100), bit 7 set for an on-change report (the bridge then sends it at once instead of
    /// with the next periodic batch);</item>
    /// <item><c>[7]</c> command token: 0, else the token of the uplink command this report answers.</item>
    /// </list>
    /// Format 1 (firmware up to 0.7.0) had bit 15 of <c>[2..3]</c> clear, the bus voltage in whole mV there and the current in whole mA
    /// (signed) in <c>[4..5]</c>; it is still decoded, so a mesh being updated node by node keeps reporting. (A format-1 report above
    /// 32.767 V would read as format 2; the supplies this firmware monitors stay below that.) The node's energy counter travels in
    /// the energy report (<see cref="UplinkMessages"/>), as the 8 bytes hold no more. Mutable so that one instance is reused.
    /// </summary>
    public sealed class ReadingReport
    {
        /// <summary>Bytes of an encoded report.</summary>
        public const int EncodedLength = 8;

        /// <summary>Bit 15 of bytes 2-3: set in a format-2 report.</summary>
        public const int FormatTwoMark = 0x8000;

        /// <summary>Per-node sequence number (0-65 535).</summary>
        public int Sequence { get; private set; }

        /// <summary>The report's format: 2 as this firmware sends, 1 from a node with older firmware.</summary>
        public int Format { get; private set; } = 2;

        /// <summary>Bus voltage, µV (0-40 958 750 in format 2; whole mV × 1000 in format 1).</summary>
        public int BusMicrovolts { get; private set; }

        /// <summary>Bus voltage rounded to mV (the unit of the queued reading).</summary>
        public int BusMillivolts => (BusMicrovolts + 500) / 1000;

        /// <summary>Current, µA: a multiple of 1250 (the INA260 LSB) in format 2, of 1000 in format 1; -40 960 000 to 40 958 750.</summary>
        public int CurrentMicroamps { get; private set; }

        /// <summary>Duty cycle, % (0-100).</summary>
        public int DutyPercent { get; private set; }

        /// <summary>Token of the uplink command answered (1-255), or 0.</summary>
        public int CommandToken { get; private set; }

        /// <summary>True for a report sent because something changed (duty, current, voltage), not because the period ended.</summary>
        public bool Changed { get; private set; }

        /// <summary>True when the bridge should publish it at once: a change, or the answer to a command.</summary>
        public bool Urgent => Changed || CommandToken != 0;

        /// <summary>Sets every field from <paramref name="reading"/>'s registers (format 2), <paramref name="changed"/> marking an on-change report.</summary>
        /// <exception cref="ArgumentNullException">No reading.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Sequence outside 0-65 535, duty outside 0-100 or token outside 0-255.</exception>
        public void Set(int sequence, SensorReading reading, int dutyPercent, int commandToken, bool changed)
        {
            if (reading == null)
            {
                throw new ArgumentNullException("reading");
            }

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
            Format = 2;
            BusMicrovolts = Ina260Units.BusVoltageMicrovolts((ushort)(reading.BusVoltageRegister & 0x7FFF));
            CurrentMicroamps = Ina260Units.CurrentMicroamps(reading.CurrentRegister);
            DutyPercent = dutyPercent;
            CommandToken = commandToken;
            Changed = changed;
        }

        /// <summary>Writes the report (format 2) into <paramref name="buffer"/> (at least <see cref="EncodedLength"/> bytes).</summary>
        public void Encode(byte[] buffer)
        {
            int voltage = (BusMicrovolts / Ina260Units.BusVoltageMicrovoltsPerBit) | FormatTwoMark;
            int current = CurrentMicroamps / Ina260Units.CurrentMicroampsPerBit;
            buffer[0] = (byte)Sequence;
            buffer[1] = (byte)(Sequence >> 8);
            buffer[2] = (byte)voltage;
            buffer[3] = (byte)(voltage >> 8);
            buffer[4] = (byte)current;
            buffer[5] = (byte)(current >> 8);
            buffer[6] = (byte)(DutyPercent | (Changed ? 0x80 : 0));
            buffer[7] = (byte)CommandToken;
        }

        /// <summary>
        /// Reads a received report of format 1 or 2; false (fields unchanged) when it is shorter than <see cref="EncodedLength"/>
        /// (bytes after it are ignored) or its duty is above 100 (<see cref="Rejection"/> says why).
        /// </summary>
        public bool TryDecode(byte[] payload, int length)
        {
            if (Rejection(payload, length) != null)
            {
                return false;
            }

            int voltage = payload[2] | (payload[3] << 8);
            int current = (short)(payload[4] | (payload[5] << 8));
            Sequence = payload[0] | (payload[1] << 8);
            Format = (voltage & FormatTwoMark) != 0 ? 2 : 1;
            BusMicrovolts = Format == 2 ? (voltage & 0x7FFF) * Ina260Units.BusVoltageMicrovoltsPerBit : voltage * 1000;
            CurrentMicroamps = current * (Format == 2 ? Ina260Units.CurrentMicroampsPerBit : 1000);
            DutyPercent = payload[6] & 0x7F;
            Changed = (payload[6] & 0x80) != 0;
            CommandToken = payload[7];
            return true;
        }

        /// <summary>Why <see cref="TryDecode"/> refuses these bytes (for the log), or null when it accepts them.</summary>
        public static string Rejection(byte[] payload, int length)
        {
            if (payload == null || length < EncodedLength || payload.Length < EncodedLength)
            {
                return EncodedLength.ToString() + " bytes expected, got " + (payload == null ? 0 : length).ToString();
            }

            return (payload[6] & 0x7F) > 100 ? "duty " + (payload[6] & 0x7F).ToString() + " above 100" : null;
        }
    }
}
