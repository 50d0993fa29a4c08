using System;
using System.Device.I2c;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.UniversalNode.Sensing
{
    /// <summary>
    /// Driver for the TI INA260 current, voltage and power monitor (datasheet SBOS656C) on an
    /// <see cref="I2cDevice"/>, in the style of nanoFramework.IoT.Device bindings. Registers are 16-bit,
    /// most significant byte first: a read writes the register pointer then reads two bytes after a repeated
    /// start; a write sends pointer, MSB, LSB. Every transfer reuses preallocated buffers (no allocation per
    /// read). Decoding to physical units is in <see cref="Ina260Units"/>. Not thread-safe: one owner.
    /// </summary>
    public sealed class Ina260 : IDisposable
    {
        private readonly I2cDevice _device;
        private readonly byte[] _pointer = new byte[1];
        private readonly byte[] _registerWrite = new byte[3];
        private readonly byte[] _registerRead = new byte[2];

        /// <summary>Wraps a device opened at the sensor's address (0x40–0x4F).</summary>
        /// <exception cref="ArgumentNullException">device is null.</exception>
        public Ina260(I2cDevice device)
        {
            if (device == null)
            {
                throw new ArgumentNullException("device");
            }

            _device = device;
        }

        /// <summary>The 7-bit address of the sensor.</summary>
        public int Address => _device.ConnectionSettings.DeviceAddress;

        /// <summary>Outcome of the last transfer (for diagnostics).</summary>
        public I2cTransferStatus LastStatus { get; private set; }

        /// <summary>Reads a register; false when the transfer did not complete (the value is then 0).</summary>
        public bool TryReadRegister(Ina260Register register, out ushort value)
        {
            _pointer[0] = (byte)register;
            I2cTransferResult result = _device.WriteRead(_pointer, _registerRead);
            LastStatus = result.Status;
            if (result.Status != I2cTransferStatus.FullTransfer)
            {
                value = 0;
                return false;
            }

            value = Ina260Units.FromBigEndian(_registerRead, 0);
            return true;
        }

        /// <summary>Writes a register; false when the transfer did not complete.</summary>
        public bool TryWriteRegister(Ina260Register register, ushort value)
        {
            _registerWrite[0] = (byte)register;
            Ina260Units.ToBigEndian(value, _registerWrite, 1);
            I2cTransferResult result = _device.Write(_registerWrite);
            LastStatus = result.Status;
            return result.Status == I2cTransferStatus.FullTransfer;
        }

        /// <summary>
        /// Reads the Manufacturer ID (0xFE) and Die ID (0xFF) registers and tells whether they identify an
        /// INA260 (<see cref="Ina260Units.IsIna260"/>).
        /// </summary>
        public bool TryIdentify(out ushort manufacturerId, out ushort dieId)
        {
            dieId = 0;
            return TryReadRegister(Ina260Register.ManufacturerId, out manufacturerId)
                && TryReadRegister(Ina260Register.DieId, out dieId)
                && Ina260Units.IsIna260(manufacturerId, dieId);
        }

        /// <summary>
        /// Writes <paramref name="configuration"/> to the Configuration register and reads it back.
        /// </summary>
        /// <param name="configuration">What to write.</param>
        /// <param name="readBack">The value read back (0 when the read failed).</param>
        /// <returns>True only when both transfers completed and the read-back equals what was written (seed §9 B18: the seed never checked).</returns>
        public bool TryConfigure(Ina260Configuration configuration, out ushort readBack)
        {
            readBack = 0;
            ushort value = configuration.Encode();
            return TryWriteRegister(Ina260Register.Configuration, value)
                && TryReadRegister(Ina260Register.Configuration, out readBack)
                && readBack == value;
        }

        /// <summary>Resets every register to its power-on value (RST bit); the bit clears itself.</summary>
        public bool TryReset()
        {
            return TryWriteRegister(Ina260Register.Configuration, Ina260Configuration.ResetCommand);
        }

        /// <summary>
        /// Reads Current, Bus Voltage and Power into <paramref name="reading"/>; false (reading unchanged) when
        /// any transfer fails.
        /// </summary>
        public bool TryRead(SensorReading reading)
        {
            ushort current;
            ushort busVoltage;
            ushort power;
            if (!TryReadRegister(Ina260Register.Current, out current)
                || !TryReadRegister(Ina260Register.BusVoltage, out busVoltage)
                || !TryReadRegister(Ina260Register.Power, out power))
            {
                return false;
            }

            reading.Set(current, busVoltage, power);
            return true;
        }

        /// <summary>Releases the I2C device.</summary>
        public void Dispose()
        {
            _device.Dispose();
        }
    }
}
