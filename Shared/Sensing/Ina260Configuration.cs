using System;

namespace DcMonitor.Shared.Sensing
{
    /// <summary>
    /// The INA260 Configuration register (pointer 0x00) as fields, with encoding, decoding and timing
    /// (TI SBOS656C; docs/reference/anchors.md §1.3). Bits 14:12 always read 110; bit 15 (RST) is
    /// self-clearing and never part of a stored configuration.
    /// </summary>
    public sealed class Ina260Configuration
    {
        /// <summary>The register's power-on value, 0x6127: 1 sample, 1.1 ms / 1.1 ms, continuous.</summary>
        public const ushort PowerOnValue = 0x6127;

        /// <summary>Writing this value (RST, bit 15) resets every register to its power-on value.</summary>
        public const ushort ResetCommand = 0x8000;

        private const ushort FixedBits = 0x6000;

        /// <summary>Creates a configuration from its fields.</summary>
        public Ina260Configuration(Ina260AveragingCount averaging, Ina260ConversionTime busVoltageConversionTime, Ina260ConversionTime currentConversionTime, Ina260OperatingMode mode)
        {
            Averaging = averaging;
            BusVoltageConversionTime = busVoltageConversionTime;
            CurrentConversionTime = currentConversionTime;
            Mode = mode;
        }

        /// <summary>
        /// The configuration every DC-Monitor node writes at boot: <b>0x6537</b> = 16 averages, bus
        /// voltage 1.1 ms, current 4.156 ms, continuous current and bus voltage; a new averaged result
        /// every 16 × (1.1 + 4.156) ms ≈ 84 ms.
        /// <para>Why: the load current is chopped by the 1 kHz PWM (seed protocol §5.2). A 4.156 ms current
        /// conversion integrates more than four PWM periods, so each sample's error from the partial period
        /// is at most 0.156/4.156 ≈ 4 % of the on-current before averaging, against ≈ 9 % (0.1 ms of a
        /// 1.1 ms window) for the seed's 1.1 ms; 16 averages then bring the result within the 1.25 mA LSB for
        /// the loads we drive. The bus voltage is nearly DC, so 1.1 ms suffices. An 84 ms refresh means a
        /// reading reflects a new duty cycle two periods (≈ 170 ms) after the change, well inside the 500 ms
        /// ramp steps and the Pi PowerManager's 5 s cooldown (seed §8.3). The seed's 0x6727 is 64 averages
        /// (≈ 141 ms refresh), not the 1024 its comments claim (seed §9 B18).</para>
        /// </summary>
        public static Ina260Configuration NodeDefault
        {
            get
            {
                return new Ina260Configuration(
                    Ina260AveragingCount.Samples16,
                    Ina260ConversionTime.Microseconds1100,
                    Ina260ConversionTime.Microseconds4156,
                    Ina260OperatingMode.CurrentAndBusVoltageContinuous);
            }
        }

        /// <summary>AVG, bits 11:9.</summary>
        public Ina260AveragingCount Averaging { get; }

        /// <summary>VBUSCT, bits 8:6.</summary>
        public Ina260ConversionTime BusVoltageConversionTime { get; }

        /// <summary>ISHCT, bits 5:3.</summary>
        public Ina260ConversionTime CurrentConversionTime { get; }

        /// <summary>MODE, bits 2:0.</summary>
        public Ina260OperatingMode Mode { get; }

        /// <summary>Number of samples averaged per result: 1, 4, 16, 64, 128, 256, 512 or 1024.</summary>
        public int AveragingSamples
        {
            get
            {
                switch (Averaging)
                {
                    case Ina260AveragingCount.Samples1: return 1;
                    case Ina260AveragingCount.Samples4: return 4;
                    case Ina260AveragingCount.Samples16: return 16;
                    case Ina260AveragingCount.Samples64: return 64;
                    case Ina260AveragingCount.Samples128: return 128;
                    case Ina260AveragingCount.Samples256: return 256;
                    case Ina260AveragingCount.Samples512: return 512;
                    default: return 1024;
                }
            }
        }

        /// <summary>
        /// Time in microseconds between two averaged results: AVG × (VBUSCT if the bus voltage is converted
        /// + ISHCT if the current is converted); 0 in power-down.
        /// </summary>
        public int UpdatePeriodMicroseconds
        {
            get
            {
                int mode = (int)Mode;
                if ((mode & 0x3) == 0)
                {
                    return 0;
                }

                int perSample = 0;
                if ((mode & 0x2) != 0)
                {
                    perSample += ConversionMicroseconds(BusVoltageConversionTime);
                }

                if ((mode & 0x1) != 0)
                {
                    perSample += ConversionMicroseconds(CurrentConversionTime);
                }

                return AveragingSamples * perSample;
            }
        }

        /// <summary>The 16-bit register value (bits 14:12 = 110, RST clear).</summary>
        public ushort Encode()
        {
            return (ushort)(FixedBits | ((int)Averaging << 9) | ((int)BusVoltageConversionTime << 6) | ((int)CurrentConversionTime << 3) | (int)Mode);
        }

        /// <summary>Splits a register value into fields (bits 15:12 are ignored).</summary>
        public static Ina260Configuration Decode(ushort value)
        {
            return new Ina260Configuration(
                (Ina260AveragingCount)((value >> 9) & 0x7),
                (Ina260ConversionTime)((value >> 6) & 0x7),
                (Ina260ConversionTime)((value >> 3) & 0x7),
                (Ina260OperatingMode)(value & 0x7));
        }

        /// <summary>Length of one conversion in microseconds: 140, 204, 332, 588, 1100, 2116, 4156 or 8244.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is not one of the eight field values.</exception>
        public static int ConversionMicroseconds(Ina260ConversionTime time)
        {
            switch (time)
            {
                case Ina260ConversionTime.Microseconds140: return 140;
                case Ina260ConversionTime.Microseconds204: return 204;
                case Ina260ConversionTime.Microseconds332: return 332;
                case Ina260ConversionTime.Microseconds588: return 588;
                case Ina260ConversionTime.Microseconds1100: return 1100;
                case Ina260ConversionTime.Microseconds2116: return 2116;
                case Ina260ConversionTime.Microseconds4156: return 4156;
                case Ina260ConversionTime.Microseconds8244: return 8244;
                default: throw new ArgumentOutOfRangeException("time");
            }
        }
    }
}
