using System;
using System.Collections.Generic;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// The wires of one I2C bus on the virtual board: an SDA pin, an SCL pin and the targets soldered to
    /// them. A controller reaches these targets only when the firmware routed its DATA/CLOCK signals to
    /// exactly these pins. Thread-safe.
    /// </summary>
    public sealed class VirtualI2cBus
    {
        private readonly object _gate = new object();
        private readonly List<I2cPeripheral> _targets = new List<I2cPeripheral>();

        internal VirtualI2cBus(int dataPin, int clockPin)
        {
            DataPin = dataPin;
            ClockPin = clockPin;
        }

        /// <summary>GPIO wired to SDA.</summary>
        public int DataPin { get; }

        /// <summary>GPIO wired to SCL.</summary>
        public int ClockPin { get; }

        /// <summary>Solders a target onto the bus.</summary>
        /// <exception cref="InvalidOperationException">Another target already uses that address.</exception>
        public void Attach(I2cPeripheral target)
        {
            lock (_gate)
            {
                if (Find(target.Address) != null)
                {
                    throw new InvalidOperationException("I2C address 0x" + target.Address.ToString("X2") + " is already used on this bus.");
                }

                _targets.Add(target);
            }
        }

        /// <summary>Removes a target from the bus (a board that lost its sensor).</summary>
        public void Detach(I2cPeripheral target)
        {
            lock (_gate)
            {
                _targets.Remove(target);
            }
        }

        /// <summary>The target at a 7-bit address, or null.</summary>
        public I2cPeripheral Find(int address)
        {
            lock (_gate)
            {
                foreach (I2cPeripheral target in _targets)
                {
                    if (target.Address == address)
                    {
                        return target;
                    }
                }

                return null;
            }
        }
    }
}
