using System.Collections.Generic;
using DcMonitor.Emulator.Board;

namespace DcMonitor.Emulator.Peripherals
{
    /// <summary>
    /// Any other chip on the bus: acknowledges its address and answers register reads from a table of
    /// big-endian 16-bit values (0 for registers not in the table); writes set the pointer and, with two
    /// more bytes, the register. Use it as a decoy (e.g. an INA219 at 0x40) next to the INA260. Thread-safe.
    /// </summary>
    public sealed class GenericRegisterDevice : I2cPeripheral
    {
        private readonly object _gate = new object();
        private readonly Dictionary<byte, ushort> _registers = new Dictionary<byte, ushort>();
        private byte _pointer;

        /// <summary>Creates the device at a 7-bit address.</summary>
        public GenericRegisterDevice(int address)
            : base(address)
        {
        }

        /// <summary>Sets a register's value.</summary>
        public void SetRegister(byte register, ushort value)
        {
            lock (_gate)
            {
                _registers[register] = value;
            }
        }

        /// <inheritdoc/>
        public override I2cPeripheralResponse Write(byte[] data)
        {
            lock (_gate)
            {
                if (data.Length > 0)
                {
                    _pointer = data[0];
                }

                if (data.Length >= 3)
                {
                    _registers[_pointer] = (ushort)((data[1] << 8) | data[2]);
                }

                return I2cPeripheralResponse.Acknowledged;
            }
        }

        /// <inheritdoc/>
        public override I2cPeripheralResponse Read(byte[] buffer)
        {
            lock (_gate)
            {
                _registers.TryGetValue(_pointer, out ushort value);
                for (int i = 0; i < buffer.Length; i++)
                {
                    buffer[i] = (i % 2) == 0 ? (byte)(value >> 8) : (byte)value;
                }

                return I2cPeripheralResponse.Acknowledged;
            }
        }
    }
}
