using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.Shared.Mesh
{
    /// <summary>
    /// The 8-byte binary STATUS of this firmware (ARCHITECTURE §7; opcode 0xC302E5): it fits the 8 parameter
    /// bytes of one unsegmented access message with a 3-byte vendor opcode, where the seed's ≈ 40-byte text
    /// reply needs a segmented message (seed protocol §1.2).
    /// <code>
    /// byte 0    : 0x10 | kind (high nibble = format version 1, low nibble = <see cref="BinaryStatusKind"/>)
    /// byte 1    : commanded duty, 0–100 %
    /// bytes 2–3 : INA260 Current register, big-endian (two's complement, 1.25 mA/LSB)
    /// bytes 4–5 : INA260 Bus Voltage register, big-endian (1.25 mV/LSB)
    /// bytes 6–7 : INA260 Power register, big-endian (10 mW/LSB)
    /// </code>
    /// Registers are 0 unless the kind is <see cref="BinaryStatusKind.Reading"/>. The battery kinds (issue 18,
    /// <see cref="BinaryStatusKind.BatteryReading"/>, <see cref="BinaryStatusKind.NoBatteryMonitor"/>,
    /// <see cref="BinaryStatusKind.BatteryMonitorUnreachable"/>) use the same 8 bytes differently:
    /// <code>
    /// byte 0    : 0x10 | kind (8, 9 or 10: 0x18, 0x19, 0x1A)
    /// byte 1    : state of charge, 0–100 %
    /// bytes 2–3 : voltage, centivolts (10 mV), big-endian, 0–4095
    /// bytes 4–5 : temperature, whole °C, big-endian two's complement, −255 to 255
    /// bytes 6–7 : age of the reading, s, big-endian, saturating at 65535
    /// </code>
    /// all 0 after byte 0 for the two errors. The gateway turns a status
    /// back into exactly the text the node would have replied (<see cref="ToReplyText"/>), so the Pi sees the
    /// same <c>NODE&lt;n&gt;:DATA:…</c> either way.
    /// </summary>
    public static class BinaryStatusCodec
    {
        /// <summary>Length of a binary status in bytes.</summary>
        public const int Length = 8;

        /// <summary>Format version carried in the high nibble of byte 0.</summary>
        public const int Version = 1;

        /// <summary>Encodes a status into <paramref name="destination"/> (≥ 8 bytes); <paramref name="reading"/> is used only for a reading.</summary>
        public static void Encode(BinaryStatusKind kind, int dutyPercent, SensorReading reading, byte[] destination)
        {
            destination[0] = (byte)((Version << 4) | (int)kind);
            destination[1] = (byte)dutyPercent;
            bool hasReading = kind == BinaryStatusKind.Reading && reading != null;
            Ina260Units.ToBigEndian(hasReading ? reading.CurrentRegister : (ushort)0, destination, 2);
            Ina260Units.ToBigEndian(hasReading ? reading.BusVoltageRegister : (ushort)0, destination, 4);
            Ina260Units.ToBigEndian(hasReading ? reading.PowerRegister : (ushort)0, destination, 6);
        }

        /// <summary>
        /// The node's text reply this status stands for (a sensor payload or an <c>ERR:</c> text), or null when
        /// the payload is malformed (wrong length, unknown version or kind, duty above 100). Uses
        /// <paramref name="formatter"/> for the payload and <paramref name="reading"/> as scratch space.
        /// </summary>
        public static string ToReplyText(byte[] payload, int offset, int length, SensorReading reading, SensorPayloadFormatter formatter)
        {
            switch (KindOf(payload, offset, length))
            {
                case (int)BinaryStatusKind.Reading:
                    Decode(payload, offset, reading);
                    return formatter.Format(payload[offset + 1], reading.BusVoltageMicrovolts, reading.CurrentMicroamps);
                case (int)BinaryStatusKind.SensorAbsent:
                    return NodeReplies.SensorAbsent(payload[offset + 1]);
                case (int)BinaryStatusKind.SensorFault:
                    return NodeReplies.SensorFault(payload[offset + 1]);
                case (int)BinaryStatusKind.RampCancelled:
                    return NodeReplies.RampCancelled;
                case -1:
                    return null;
                default:
                    ReplyWriter text = new ReplyWriter(64);
                    WriteReplyText(payload, offset, length, reading, formatter, text);
                    return text.ToString();
            }
        }

        /// <summary>
        /// Appends the same text as <see cref="ToReplyText"/> to <paramref name="destination"/>, allocating nothing; false (and nothing
        /// appended) when the payload is malformed.
        /// </summary>
        public static bool WriteReplyText(byte[] payload, int offset, int length, SensorReading reading, SensorPayloadFormatter formatter, ReplyWriter destination)
        {
            int kind = KindOf(payload, offset, length);
            if (kind < 0)
            {
                return false;
            }

            int duty = payload[offset + 1];
            switch ((BinaryStatusKind)kind)
            {
                case BinaryStatusKind.Reading:
                    Decode(payload, offset, reading);
                    formatter.Write(duty, reading.BusVoltageMicrovolts, reading.CurrentMicroamps, destination);
                    break;
                case BinaryStatusKind.SensorAbsent:
                    WriteDutyError(NodeReplies.SensorAbsentPrefix, duty, destination);
                    break;
                case BinaryStatusKind.SensorFault:
                    WriteDutyError(NodeReplies.SensorFaultPrefix, duty, destination);
                    break;
                case BinaryStatusKind.RampCancelled:
                    destination.Append(NodeReplies.RampCancelled);
                    break;
                default:
                    WriteBatteryText((BinaryStatusKind)kind, payload, offset, destination);
                    break;
            }

            return true;
        }

        /// <summary>
        /// Encodes a battery status (<see cref="BinaryStatusKind.BatteryReading"/>, <see cref="BinaryStatusKind.NoBatteryMonitor"/>,
        /// <see cref="BinaryStatusKind.BatteryMonitorUnreachable"/>) into <paramref name="destination"/> (≥ 8 bytes); <paramref name="reading"/>
        /// and <paramref name="ageSeconds"/> (saturated to 0–65535) are used only for a reading.
        /// </summary>
        public static void EncodeBattery(BinaryStatusKind kind, BatteryReading reading, int ageSeconds, byte[] destination)
        {
            bool hasReading = kind == BinaryStatusKind.BatteryReading && reading != null;
            int temperature = hasReading ? reading.TemperatureCelsius : 0;
            int age = !hasReading ? 0 : ageSeconds < 0 ? 0 : ageSeconds > 0xFFFF ? 0xFFFF : ageSeconds;
            destination[0] = (byte)((Version << 4) | (int)kind);
            destination[1] = (byte)(hasReading ? reading.StateOfChargePercent : 0);
            Ina260Units.ToBigEndian((ushort)(hasReading ? reading.VoltageCentivolts : 0), destination, 2);
            Ina260Units.ToBigEndian((ushort)(temperature & 0xFFFF), destination, 4);
            Ina260Units.ToBigEndian((ushort)age, destination, 6);
        }

        /// <summary>
        /// Reads a battery reading status into <paramref name="into"/>; false (nothing changed) for any other payload, a malformed
        /// one, or values out of range. <paramref name="ageSeconds"/> gets bytes 6–7.
        /// </summary>
        public static bool TryDecodeBattery(byte[] payload, int offset, int length, BatteryReading into, out int ageSeconds)
        {
            ageSeconds = 0;
            if (KindOf(payload, offset, length) != (int)BinaryStatusKind.BatteryReading)
            {
                return false;
            }

            into.Set(Ina260Units.FromBigEndian(payload, offset + 2), payload[offset + 1], (short)Ina260Units.FromBigEndian(payload, offset + 4));
            ageSeconds = Ina260Units.FromBigEndian(payload, offset + 6);
            return true;
        }

        /// <summary>Appends the node's text of a battery status: <c>BATT:V:…,SOC:…%,T:…C</c> or <c>BATT:ERROR:…</c>.</summary>
        private static void WriteBatteryText(BinaryStatusKind kind, byte[] payload, int offset, ReplyWriter destination)
        {
            destination.Append(BatteryReplies.Prefix);
            if (kind == BinaryStatusKind.NoBatteryMonitor)
            {
                destination.Append(BatteryReplies.NoBatteryMonitor);
                return;
            }

            if (kind == BinaryStatusKind.BatteryMonitorUnreachable)
            {
                destination.Append(BatteryReplies.BatteryMonitorUnreachable);
                return;
            }

            BatteryReplies.WriteReading(Ina260Units.FromBigEndian(payload, offset + 2), payload[offset + 1], (short)Ina260Units.FromBigEndian(payload, offset + 4), destination);
        }

        /// <summary>The status's kind (a <see cref="BinaryStatusKind"/>), or -1 when the payload is malformed.</summary>
        private static int KindOf(byte[] payload, int offset, int length)
        {
            if (payload == null || length != Length || offset < 0 || offset + length > payload.Length)
            {
                return -1;
            }

            int version = payload[offset] >> 4;
            int kind = payload[offset] & 0x0F;
            if (version != Version || payload[offset + 1] > 100)
            {
                return -1;
            }

            switch ((BinaryStatusKind)kind)
            {
                case BinaryStatusKind.Reading:
                case BinaryStatusKind.SensorAbsent:
                case BinaryStatusKind.SensorFault:
                case BinaryStatusKind.RampCancelled:
                case BinaryStatusKind.NoBatteryMonitor:
                case BinaryStatusKind.BatteryMonitorUnreachable:
                    return kind;
                case BinaryStatusKind.BatteryReading:
                    return IsBatteryReadingInRange(payload, offset) ? kind : -1;
                default:
                    return -1;
            }
        }

        /// <summary>True when a battery reading's voltage fits 12 bits and its temperature −255 to 255 °C.</summary>
        private static bool IsBatteryReadingInRange(byte[] payload, int offset)
        {
            int temperature = (short)Ina260Units.FromBigEndian(payload, offset + 4);
            return Ina260Units.FromBigEndian(payload, offset + 2) <= BatteryReading.MaximumVoltageCentivolts
                && temperature >= -BatteryReading.MaximumTemperatureMagnitudeCelsius && temperature <= BatteryReading.MaximumTemperatureMagnitudeCelsius;
        }

        /// <summary>Appends <c>&lt;prefix&gt;&lt;duty&gt;%</c>, as <see cref="NodeReplies.SensorAbsent"/> and <see cref="NodeReplies.SensorFault"/> write it.</summary>
        private static void WriteDutyError(string prefix, int dutyPercent, ReplyWriter destination)
        {
            destination.Append(prefix);
            destination.AppendInteger(dutyPercent);
            destination.Append("%");
        }

        private static void Decode(byte[] payload, int offset, SensorReading reading)
        {
            reading.Set(
                Ina260Units.FromBigEndian(payload, offset + 2),
                Ina260Units.FromBigEndian(payload, offset + 4),
                Ina260Units.FromBigEndian(payload, offset + 6));
        }
    }
}
