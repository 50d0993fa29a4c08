namespace DcMonitor.Shared.Sensing
{
    /// <summary>
    /// Conversions from INA260 register values to physical units, in integers so nothing is lost to
    /// floating point (TI SBOS656C register descriptions; docs/reference/anchors.md §1.2, §1.5):
    /// current 1.25 mA/LSB signed, bus voltage 1.25 mV/LSB unsigned, power 10 mW/LSB unsigned.
    /// </summary>
    public static class Ina260Units
    {
        /// <summary>Current LSB in microamperes (1.25 mA).</summary>
        public const int CurrentMicroampsPerBit = 1250;

        /// <summary>Bus-voltage LSB in microvolts (1.25 mV).</summary>
        public const int BusVoltageMicrovoltsPerBit = 1250;

        /// <summary>Power LSB in milliwatts (10 mW).</summary>
        public const int PowerMilliwattsPerBit = 10;

        /// <summary>Manufacturer ID register value, 0x5449 ("TI").</summary>
        public const ushort ManufacturerId = 0x5449;

        /// <summary>Die ID register value, 0x2270.</summary>
        public const ushort DieId = 0x2270;

        /// <summary>Lowest 7-bit address the A0/A1 straps select.</summary>
        public const int FirstAddress = 0x40;

        /// <summary>Highest 7-bit address the A0/A1 straps select.</summary>
        public const int LastAddress = 0x4F;

        /// <summary>CVRF (conversion ready) flag in Mask/Enable, bit 3.</summary>
        public const ushort ConversionReadyFlag = 0x0008;

        /// <summary>Current in µA from the Current register: two's complement × 1250 (−40 960 000 … +40 958 750).</summary>
        public static int CurrentMicroamps(ushort register)
        {
            return (short)register * CurrentMicroampsPerBit;
        }

        /// <summary>Bus voltage in µV from the Bus Voltage register: value × 1250 (0 … 81 918 750).</summary>
        public static int BusVoltageMicrovolts(ushort register)
        {
            return register * BusVoltageMicrovoltsPerBit;
        }

        /// <summary>Power in mW from the Power register: value × 10 (0 … 655 350).</summary>
        public static int PowerMilliwatts(ushort register)
        {
            return register * PowerMilliwattsPerBit;
        }

        /// <summary>
        /// True when the two ID registers identify an INA260: Manufacturer ID 0x5449 and a Die ID whose upper
        /// 12 bits are the device ID 0x227 (any revision in the low 4 bits). A device that merely acknowledges
        /// in 0x40–0x4F is not enough (seed §9 B19).
        /// </summary>
        public static bool IsIna260(ushort manufacturerId, ushort dieId)
        {
            return manufacturerId == ManufacturerId && (dieId >> 4) == (DieId >> 4);
        }

        /// <summary>Reads a big-endian 16-bit register value from two bytes at <paramref name="offset"/>.</summary>
        public static ushort FromBigEndian(byte[] bytes, int offset)
        {
            return (ushort)((bytes[offset] << 8) | bytes[offset + 1]);
        }

        /// <summary>Writes a 16-bit value big-endian at <paramref name="offset"/>.</summary>
        public static void ToBigEndian(ushort value, byte[] bytes, int offset)
        {
            bytes[offset] = (byte)(value >> 8);
            bytes[offset + 1] = (byte)value;
        }
    }
}
