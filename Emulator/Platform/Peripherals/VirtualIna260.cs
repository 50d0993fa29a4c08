using System;
using DcMonitor.Emulator.Board;

namespace DcMonitor.Emulator.Peripherals
{
    /// <summary>
    /// Register-level model of the TI INA260 (datasheet SBOS656C; facts in docs/reference/anchors.md §1):
    /// <list type="bullet">
    /// <item>pointer register then big-endian 16-bit registers; a write of pointer + MSB + LSB sets a writable register;</item>
    /// <item>Configuration 0x00 (POR 0x6127): RST[15] resets every register and self-clears, AVG[11:9], VBUSCT[8:6], ISHCT[5:3], MODE[2:0];</item>
    /// <item>conversions follow board time: a cycle lasts AVG × (VBUSCT + ISHCT) (only the converted quantities
    /// count) and averages AVG samples of the input plus noise; continuous modes repeat, triggered modes run one
    /// cycle per configuration write, power-down holds the registers;</item>
    /// <item>Current 0x01 signed 1.25 mA/LSB, Bus Voltage 0x02 1.25 mV/LSB (15-bit), Power 0x03 10 mW/LSB computed
    /// as |current| × bus voltage (the sign behaviour of the real power register is not documented);</item>
    /// <item>Mask/Enable 0x06: CVRF (bit 3) set when a cycle completes, cleared by reading Mask/Enable or writing Configuration;</item>
    /// <item>Manufacturer ID 0xFE = 0x5449, Die ID 0xFF = 0x2270; any address 0x40–0x4F; faults per <see cref="Ina260Fault"/>.</item>
    /// </list>
    /// Thread-safe.
    /// </summary>
    public sealed class VirtualIna260 : I2cPeripheral
    {
        /// <summary>Configuration power-on reset value.</summary>
        public const ushort PowerOnConfiguration = 0x6127;

        /// <summary>Manufacturer ID register value ("TI").</summary>
        public const ushort ManufacturerId = 0x5449;

        /// <summary>Die ID register value (device 0x227, revision 0).</summary>
        public const ushort DieId = 0x2270;

        private static readonly int[] s_averages = { 1, 4, 16, 64, 128, 256, 512, 1024 };
        private static readonly int[] s_conversionMicroseconds = { 140, 204, 332, 588, 1100, 2116, 4156, 8244 };

        private readonly object _gate = new object();
        private readonly VirtualClock _clock;
        private readonly IShuntInput _input;
        private readonly Random _noise;

        private byte _pointer;
        private ushort _configuration = PowerOnConfiguration;
        private ushort _current;
        private ushort _busVoltage;
        private ushort _power;
        private ushort _maskEnable;
        private ushort _alertLimit;
        private long _cycleOrigin;
        private long _cyclesApplied;
        private long _cvrfClearedAtCycle;

        /// <summary>Creates the sensor at <paramref name="address"/> (0x40–0x4F), measuring <paramref name="input"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The address is outside the INA260's strap range.</exception>
        public VirtualIna260(int address, VirtualClock clock, IShuntInput input, int noiseSeed = 260)
            : base(address)
        {
            if (address < 0x40 || address > 0x4F)
            {
                throw new ArgumentOutOfRangeException(nameof(address), address, "The INA260 straps to 0x40–0x4F.");
            }

            _clock = clock;
            _input = input;
            _noise = new Random(noiseSeed);
            _cycleOrigin = clock.NowMicroseconds;
        }

        /// <summary>Injected fault (default none).</summary>
        public Ina260Fault Fault { get; set; }

        /// <summary>Value every register reads while <see cref="Fault"/> is <see cref="Ina260Fault.StuckValue"/>.</summary>
        public ushort StuckValue { get; set; } = 0xFFFF;

        /// <summary>Standard deviation of the per-sample current noise in amperes (default 2 mA).</summary>
        public double CurrentNoiseAmperes { get; set; } = 0.002;

        /// <summary>Standard deviation of the per-sample bus-voltage noise in volts (default 1 mV).</summary>
        public double BusNoiseVolts { get; set; } = 0.001;

        /// <summary>Number of writes to the Configuration register (test observation).</summary>
        public int ConfigurationWrites { get; private set; }

        /// <summary>The Configuration register as the chip holds it.</summary>
        public ushort Configuration
        {
            get
            {
                lock (_gate)
                {
                    return _configuration;
                }
            }
        }

        /// <summary>Length of one conversion cycle in µs for the current configuration (0 in power-down).</summary>
        public long CyclePeriodMicroseconds
        {
            get
            {
                lock (_gate)
                {
                    return CyclePeriod(_configuration);
                }
            }
        }

        /// <inheritdoc/>
        public override I2cPeripheralResponse Write(byte[] data)
        {
            lock (_gate)
            {
                I2cPeripheralResponse fault = FaultResponse();
                if (fault != I2cPeripheralResponse.Acknowledged || Fault == Ina260Fault.StuckValue)
                {
                    return fault;
                }

                if (data.Length == 0)
                {
                    return I2cPeripheralResponse.Acknowledged; // address-only probe
                }

                _pointer = data[0];
                if (data.Length >= 3 && Fault != Ina260Fault.WritesIgnored)
                {
                    WriteRegister(_pointer, (ushort)((data[1] << 8) | data[2]));
                }

                return I2cPeripheralResponse.Acknowledged;
            }
        }

        /// <inheritdoc/>
        public override I2cPeripheralResponse Read(byte[] buffer)
        {
            lock (_gate)
            {
                I2cPeripheralResponse fault = FaultResponse();
                if (fault != I2cPeripheralResponse.Acknowledged)
                {
                    return fault;
                }

                ushort value = Fault == Ina260Fault.StuckValue ? StuckValue : ReadRegister(_pointer);
                for (int i = 0; i < buffer.Length; i++)
                {
                    buffer[i] = (i % 2) == 0 ? (byte)(value >> 8) : (byte)value;
                }

                return I2cPeripheralResponse.Acknowledged;
            }
        }

        private I2cPeripheralResponse FaultResponse()
        {
            switch (Fault)
            {
                case Ina260Fault.Absent:
                    return I2cPeripheralResponse.AddressNotAcknowledged;
                case Ina260Fault.BusError:
                    return I2cPeripheralResponse.BusError;
                default:
                    return I2cPeripheralResponse.Acknowledged;
            }
        }

        private void WriteRegister(byte register, ushort value)
        {
            switch (register)
            {
                case 0x00:
                    ConfigurationWrites++;
                    if ((value & 0x8000) != 0)
                    {
                        _configuration = PowerOnConfiguration;
                        _current = 0;
                        _busVoltage = 0;
                        _power = 0;
                        _maskEnable = 0;
                        _alertLimit = 0;
                    }
                    else
                    {
                        _configuration = (ushort)((value & 0x0FFF) | 0x6000); // bits 14:12 read back as 110
                    }

                    _cycleOrigin = _clock.NowMicroseconds;
                    _cyclesApplied = 0;
                    _cvrfClearedAtCycle = 0;
                    break;
                case 0x06:
                    _maskEnable = (ushort)(value & 0xFC03); // alert function bits 15:10, APOL, LEN
                    break;
                case 0x07:
                    _alertLimit = value;
                    break;
                default:
                    break; // read-only registers ignore writes
            }
        }

        private ushort ReadRegister(byte register)
        {
            UpdateConversions();
            switch (register)
            {
                case 0x00:
                    return _configuration;
                case 0x01:
                    return _current;
                case 0x02:
                    return _busVoltage;
                case 0x03:
                    return _power;
                case 0x06:
                    ushort value = _maskEnable;
                    if (_cyclesApplied > _cvrfClearedAtCycle)
                    {
                        value |= 0x0008;
                    }

                    _cvrfClearedAtCycle = _cyclesApplied;
                    return value;
                case 0x07:
                    return _alertLimit;
                case 0xFE:
                    return ManufacturerId;
                case 0xFF:
                    return DieId;
                default:
                    return 0x0000;
            }
        }

        private static long CyclePeriod(ushort configuration)
        {
            int mode = configuration & 0x7;
            if ((mode & 0x3) == 0)
            {
                return 0; // 000 / 100: power-down
            }

            int averages = s_averages[(configuration >> 9) & 0x7];
            long perSample = 0;
            if ((mode & 0x2) != 0)
            {
                perSample += s_conversionMicroseconds[(configuration >> 6) & 0x7];
            }

            if ((mode & 0x1) != 0)
            {
                perSample += s_conversionMicroseconds[(configuration >> 3) & 0x7];
            }

            return averages * perSample;
        }

        private void UpdateConversions()
        {
            long period = CyclePeriod(_configuration);
            if (period == 0)
            {
                return;
            }

            long completed = (_clock.NowMicroseconds - _cycleOrigin) / period;
            bool continuous = (_configuration & 0x4) != 0;
            if (!continuous && completed > 1)
            {
                completed = 1;
            }

            if (completed <= _cyclesApplied)
            {
                return;
            }

            RunCycle(_cycleOrigin + ((completed - 1) * period));
            _cyclesApplied = completed;
        }

        private void RunCycle(long cycleStart)
        {
            int mode = _configuration & 0x7;
            int averages = s_averages[(_configuration >> 9) & 0x7];
            long shuntTime = (mode & 0x1) != 0 ? s_conversionMicroseconds[(_configuration >> 3) & 0x7] : 0;
            long busTime = (mode & 0x2) != 0 ? s_conversionMicroseconds[(_configuration >> 6) & 0x7] : 0;
            double currentSum = 0;
            double busSum = 0;
            long sampleStart = cycleStart;
            for (int i = 0; i < averages; i++)
            {
                if (shuntTime > 0)
                {
                    currentSum += _input.CurrentAmperes(sampleStart, sampleStart + shuntTime) + (Gaussian() * CurrentNoiseAmperes);
                }

                if (busTime > 0)
                {
                    busSum += _input.BusVolts(sampleStart + shuntTime, sampleStart + shuntTime + busTime) + (Gaussian() * BusNoiseVolts);
                }

                sampleStart += shuntTime + busTime;
            }

            if (shuntTime > 0)
            {
                long code = (long)Math.Round(currentSum / averages / 0.00125);
                _current = (ushort)(short)Math.Clamp(code, short.MinValue, short.MaxValue);
            }

            if (busTime > 0)
            {
                long code = (long)Math.Round(busSum / averages / 0.00125);
                _busVoltage = (ushort)Math.Clamp(code, 0, 0x7FFF);
            }

            long powerCode = Math.Abs((long)(short)_current) * _busVoltage / 6400; // (1.25 mA × 1.25 mV) / 10 mW = 1/6400
            _power = (ushort)Math.Min(powerCode, 0xFFFF);
        }

        private double Gaussian()
        {
            double u1 = 1.0 - _noise.NextDouble();
            double u2 = _noise.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }
    }
}
