using System.Collections.Generic;
using nanoFramework.Hardware.Esp32;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// The board's GPIO matrix: which peripheral signal each pin carries, as set by
    /// <see cref="Configuration.SetPinFunction"/>. One function per pin; assigning a function that
    /// another pin carries moves it (the ESP32 GPIO matrix routes one output signal to one pin here).
    /// Thread-safe.
    /// </summary>
    public sealed class PinMux
    {
        private readonly object _gate = new object();
        private readonly Dictionary<int, DeviceFunction> _functionByPin = new Dictionary<int, DeviceFunction>();

        /// <summary>Routes <paramref name="function"/> to <paramref name="pin"/> (pin validated by the caller).</summary>
        public void Assign(int pin, DeviceFunction function)
        {
            lock (_gate)
            {
                int previous = PinOf(function);
                if (previous >= 0)
                {
                    _functionByPin.Remove(previous);
                }

                _functionByPin[pin] = function;
            }
        }

        /// <summary>The pin carrying <paramref name="function"/>, or -1 when none does.</summary>
        public int PinOf(DeviceFunction function)
        {
            lock (_gate)
            {
                foreach (KeyValuePair<int, DeviceFunction> entry in _functionByPin)
                {
                    if (entry.Value == function)
                    {
                        return entry.Key;
                    }
                }

                return -1;
            }
        }

        /// <summary>The function routed to <paramref name="pin"/>, or null when the pin is plain GPIO.</summary>
        public DeviceFunction? FunctionOf(int pin)
        {
            lock (_gate)
            {
                return _functionByPin.TryGetValue(pin, out DeviceFunction function) ? function : (DeviceFunction?)null;
            }
        }
    }
}
