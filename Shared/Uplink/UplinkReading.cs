using System;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// One reading on its way from a node to the MQTT broker (issue "MQTT uplink"): which node, its per-node sequence number
    /// (duplicates after a bridge failover are recognised by (node, sequence)), bus voltage, current, duty cycle and the
    /// node's energy counter. Encoded in <see cref="EncodedLength"/> bytes (format 2, queue file "DMQ2"), little-endian:
    /// <c>[0..1]</c> unicast address, <c>[2..3]</c> sequence (wraps at 65 536), <c>[4..5]</c> bus voltage in mV (0-65 535),
    /// <c>[6]</c> duty cycle % (0-100), <c>[7]</c> flags (bit 0: energy unknown, the bridge had no energy report of the node yet),
    /// <c>[8..11]</c> energy in mWh (0-4 294 967 295), <c>[12..15]</c> current in µA (signed 32 bit; the INA260's 1.25 mA steps
    /// kept exactly). Format 1 (queue file "DMQ1", firmware up to 0.7.0) is read by <see cref="DecodeFormatOne"/>.
    /// </summary>
    public sealed class UplinkReading
    {
        /// <summary>Bytes of an encoded reading.</summary>
        public const int EncodedLength = 16;

        /// <summary>Most current carried, µA: the INA260's full scale (32 768 × 1.25 mA).</summary>
        public const int MaximumCurrentMicroamps = 40960000;

        /// <summary>Creates a reading.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A field outside its range (the message names it and the value).</exception>
        public UplinkReading(int address, int sequence, int busMillivolts, int currentMicroamps, int dutyPercent, uint energyMilliwattHours)
            : this(address, sequence, busMillivolts, currentMicroamps, dutyPercent, energyMilliwattHours, true)
        {
        }

        /// <summary>Creates a reading whose energy may be unknown (<paramref name="energyKnown"/> false: <paramref name="energyMilliwattHours"/> is ignored).</summary>
        /// <exception cref="ArgumentOutOfRangeException">A field outside its range (the message names it and the value).</exception>
        public UplinkReading(int address, int sequence, int busMillivolts, int currentMicroamps, int dutyPercent, uint energyMilliwattHours, bool energyKnown)
        {
            Check(address, 0x0001, 0x7FFF, "address");
            Check(sequence, 0, 0xFFFF, "sequence");
            Check(busMillivolts, 0, 0xFFFF, "busMillivolts");
            Check(currentMicroamps, -MaximumCurrentMicroamps, MaximumCurrentMicroamps, "currentMicroamps");
            Check(dutyPercent, 0, 100, "dutyPercent");
            Address = address;
            Sequence = sequence;
            BusMillivolts = busMillivolts;
            CurrentMicroamps = currentMicroamps;
            DutyPercent = dutyPercent;
            EnergyMilliwattHours = energyKnown ? energyMilliwattHours : 0;
            EnergyKnown = energyKnown;
        }

        /// <summary>The node's unicast address.</summary>
        public int Address { get; private set; }

        /// <summary>Per-node sequence number.</summary>
        public int Sequence { get; private set; }

        /// <summary>Bus voltage, mV.</summary>
        public int BusMillivolts { get; private set; }

        /// <summary>Current, µA (negative when flowing backwards); published in mA with two decimals.</summary>
        public int CurrentMicroamps { get; private set; }

        /// <summary>Duty cycle, %.</summary>
        public int DutyPercent { get; private set; }

        /// <summary>Energy counter of the node, mWh (it survives the node's power cuts).</summary>
        public uint EnergyMilliwattHours { get; private set; }

        /// <summary>False when the bridge had not heard the node's energy counter yet (the state then carries no energy).</summary>
        public bool EnergyKnown { get; private set; }

        /// <summary>Writes the reading (format 2) at <paramref name="offset"/> of <paramref name="buffer"/>.</summary>
        public void Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)Address;
            buffer[offset + 1] = (byte)(Address >> 8);
            buffer[offset + 2] = (byte)Sequence;
            buffer[offset + 3] = (byte)(Sequence >> 8);
            buffer[offset + 4] = (byte)BusMillivolts;
            buffer[offset + 5] = (byte)(BusMillivolts >> 8);
            buffer[offset + 6] = (byte)DutyPercent;
            buffer[offset + 7] = (byte)(EnergyKnown ? 0 : 1);
            LittleEndian.Write32(buffer, offset + 8, EnergyMilliwattHours);
            LittleEndian.Write32(buffer, offset + 12, (uint)CurrentMicroamps);
        }

        /// <summary>Reads a reading written by <see cref="Encode"/> (format 2).</summary>
        /// <exception cref="ArgumentException">Fewer than <see cref="EncodedLength"/> bytes, or a field out of range.</exception>
        public static UplinkReading Decode(byte[] buffer, int offset)
        {
            RequireLength(buffer, offset);
            return new UplinkReading(buffer[offset] | (buffer[offset + 1] << 8), buffer[offset + 2] | (buffer[offset + 3] << 8), buffer[offset + 4] | (buffer[offset + 5] << 8),
                (int)LittleEndian.Read32(buffer, offset + 12), buffer[offset + 6], LittleEndian.Read32(buffer, offset + 8), (buffer[offset + 7] & 1) == 0);
        }

        /// <summary>
        /// Reads a reading of format 1 (queue files of firmware up to 0.7.0): <c>[0..1]</c> address, <c>[2..3]</c> sequence, <c>[4..5]</c> mV,
        /// <c>[6..7]</c> current in whole mA (signed), <c>[8]</c> duty, <c>[9]</c> flags, <c>[10..13]</c> energy mWh, <c>[14..15]</c> 0.
        /// </summary>
        /// <exception cref="ArgumentException">Fewer than <see cref="EncodedLength"/> bytes, or a field out of range.</exception>
        public static UplinkReading DecodeFormatOne(byte[] buffer, int offset)
        {
            RequireLength(buffer, offset);
            int milliamps = (short)(buffer[offset + 6] | (buffer[offset + 7] << 8));
            return new UplinkReading(buffer[offset] | (buffer[offset + 1] << 8), buffer[offset + 2] | (buffer[offset + 3] << 8), buffer[offset + 4] | (buffer[offset + 5] << 8),
                milliamps * 1000, buffer[offset + 8], LittleEndian.Read32(buffer, offset + 10), (buffer[offset + 9] & 1) == 0);
        }

        private static void RequireLength(byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || buffer.Length - offset < EncodedLength)
            {
                throw new ArgumentException("reading: " + EncodedLength.ToString() + " bytes expected");
            }
        }

        private static void Check(int value, int minimum, int maximum, string name)
        {
            if (value < minimum || value > maximum)
            {
                throw new ArgumentOutOfRangeException(name, name + " " + value.ToString() + " outside " + minimum.ToString() + "-" + maximum.ToString());
            }
        }
    }
}
