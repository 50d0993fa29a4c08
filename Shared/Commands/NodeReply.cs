using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.Shared.Commands
{
    /// <summary>
    /// A node's reply to one command: the text of seed protocol §2.5/§2.7 (what the console prints, what a text
    /// STATUS carries, what the Pi sees) and, when it has one, the binary STATUS form of ARCHITECTURE §7
    /// (readings and sensor/ramp errors; unknown text and invalid values have none). Immutable.
    /// </summary>
    public sealed class NodeReply
    {
        private readonly ushort _current;
        private readonly ushort _busVoltage;
        private readonly ushort _power;

        private NodeReply(string text, bool hasBinaryForm, BinaryStatusKind kind, int dutyPercent, ushort current, ushort busVoltage, ushort power)
        {
            Text = text;
            HasBinaryForm = hasBinaryForm;
            Kind = kind;
            DutyPercent = dutyPercent;
            _current = current;
            _busVoltage = busVoltage;
            _power = power;
        }

        /// <summary>The reply text.</summary>
        public string Text { get; }

        /// <summary>True when <see cref="EncodeBinary"/> can express the reply.</summary>
        public bool HasBinaryForm { get; }

        /// <summary>Binary kind (meaningful when <see cref="HasBinaryForm"/>).</summary>
        public BinaryStatusKind Kind { get; }

        /// <summary>Commanded duty at the time of the reply, 0–100.</summary>
        public int DutyPercent { get; }

        /// <summary>A reading: <paramref name="text"/> is its payload.</summary>
        public static NodeReply ForReading(string text, int dutyPercent, SensorReading reading)
        {
            return new NodeReply(text, true, BinaryStatusKind.Reading, dutyPercent, reading.CurrentRegister, reading.BusVoltageRegister, reading.PowerRegister);
        }

        /// <summary>A sensor or ramp error that the binary form carries (<see cref="BinaryStatusKind"/> other than Reading).</summary>
        public static NodeReply ForStatus(string text, BinaryStatusKind kind, int dutyPercent)
        {
            return new NodeReply(text, true, kind, dutyPercent, 0, 0, 0);
        }

        /// <summary>A reply only text can carry (unknown command, invalid value).</summary>
        public static NodeReply TextOnly(string text)
        {
            return new NodeReply(text, false, BinaryStatusKind.Reading, 0, 0, 0, 0);
        }

        /// <summary>Writes the 8-byte binary STATUS into <paramref name="destination"/>; false when there is no binary form.</summary>
        public bool EncodeBinary(byte[] destination)
        {
            if (!HasBinaryForm)
            {
                return false;
            }

            SensorReading registers = new SensorReading();
            registers.Set(_current, _busVoltage, _power);
            BinaryStatusCodec.Encode(Kind, DutyPercent, registers, destination);
            return true;
        }
    }
}
