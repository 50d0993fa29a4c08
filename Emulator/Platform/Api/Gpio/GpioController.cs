using System.Collections.Generic;
using DcMonitor.Emulator.Board;

namespace System.Device.Gpio
{
    /// <summary>
    /// Emulation of nanoFramework.System.Device.Gpio's <c>GpioController</c> on the active virtual board.
    /// As on an ESP32-C6: pins 0–23 can be opened, 24–30 (SPI flash) and numbers that do not exist throw
    /// <see cref="InvalidOperationException"/>, as does opening a pin twice or using a pin that is not open.
    /// </summary>
    public sealed class GpioController : IDisposable
    {
        private readonly VirtualBoard _board;
        private readonly Dictionary<int, GpioPin> _open = new Dictionary<int, GpioPin>();

        /// <summary>A controller with logical (GPIO) numbering.</summary>
        public GpioController()
            : this(PinNumberingScheme.Logical)
        {
        }

        /// <summary>A controller with the given numbering (identical on the ESP32).</summary>
        public GpioController(PinNumberingScheme numberingScheme)
        {
            _board = VirtualBoard.Current;
            NumberingScheme = numberingScheme;
        }

        /// <summary>Numbering scheme.</summary>
        public PinNumberingScheme NumberingScheme { get; }

        /// <summary>GPIO count of the chip (31 on the ESP32-C6).</summary>
        public int PinCount => Esp32C6.GpioCount;

        /// <summary>Opens a pin as a floating input.</summary>
        public GpioPin OpenPin(int pinNumber) => OpenPin(pinNumber, PinMode.Input);

        /// <summary>Opens a pin in a mode.</summary>
        /// <exception cref="InvalidOperationException">The pin does not exist, belongs to the flash, or is already open.</exception>
        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            lock (_open)
            {
                if (!Esp32C6.IsUsableGpio(pinNumber) || _open.ContainsKey(pinNumber))
                {
                    throw new InvalidOperationException("GPIO " + pinNumber + " cannot be opened (does not exist, reserved for the flash, or already open).");
                }

                var pin = new GpioPin(_board, this, pinNumber, mode);
                _open[pinNumber] = pin;
                return pin;
            }
        }

        /// <summary>Closes an open pin.</summary>
        /// <exception cref="InvalidOperationException">The pin is not open.</exception>
        public void ClosePin(int pinNumber) => Get(pinNumber).Dispose();

        /// <summary>True when the pin is open through this controller.</summary>
        public bool IsPinOpen(int pinNumber)
        {
            lock (_open)
            {
                return _open.ContainsKey(pinNumber);
            }
        }

        /// <summary>All modes are supported on usable pins.</summary>
        public bool IsPinModeSupported(int pinNumber, PinMode mode) => Esp32C6.IsUsableGpio(pinNumber);

        /// <summary>Mode of an open pin.</summary>
        public PinMode GetPinMode(int pinNumber) => Get(pinNumber).GetPinMode();

        /// <summary>Sets the mode of an open pin.</summary>
        public void SetPinMode(int pinNumber, PinMode mode) => Get(pinNumber).SetPinMode(mode);

        /// <summary>Reads an open pin.</summary>
        public PinValue Read(int pinNumber) => Get(pinNumber).Read();

        /// <summary>Writes an open output pin.</summary>
        public void Write(int pinNumber, PinValue value) => Get(pinNumber).Write(value);

        /// <summary>Registers an edge callback on an open pin (accepted; the emulator raises no input edges yet).</summary>
        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) => Get(pinNumber);

        /// <summary>Unregisters an edge callback.</summary>
        public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) => Get(pinNumber);

        /// <summary>Closes every pin.</summary>
        public void Dispose()
        {
            GpioPin[] pins;
            lock (_open)
            {
                pins = new GpioPin[_open.Count];
                _open.Values.CopyTo(pins, 0);
            }

            foreach (GpioPin pin in pins)
            {
                pin.Dispose();
            }
        }

        internal void Forget(int pinNumber)
        {
            lock (_open)
            {
                _open.Remove(pinNumber);
            }
        }

        private GpioPin Get(int pinNumber)
        {
            lock (_open)
            {
                if (!_open.TryGetValue(pinNumber, out GpioPin pin))
                {
                    throw new InvalidOperationException("GPIO " + pinNumber + " is not open.");
                }

                return pin;
            }
        }
    }
}
