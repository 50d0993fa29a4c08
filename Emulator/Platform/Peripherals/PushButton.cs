using DcMonitor.Emulator.Board;

namespace DcMonitor.Emulator.Peripherals
{
    /// <summary>
    /// A push button between a GPIO and ground, as the ESP32-C6-DevKitC's BOOT button on GPIO9: released, the pin reads what its
    /// pull-up (or its own drive) gives; pressed, an input reads low. Tests press it with <see cref="Press"/> and
    /// <see cref="Release"/>. Thread-safe.
    /// </summary>
    public sealed class PushButton
    {
        private volatile bool _pressed;

        /// <summary>Wires a button from <paramref name="pin"/> to ground on <paramref name="board"/>.</summary>
        /// <exception cref="System.ArgumentException">The pin is not an ESP32-C6 GPIO.</exception>
        public PushButton(VirtualBoard board, int pin)
        {
            Pin = pin;
            board.AttachGroundSwitch(pin, () => _pressed);
        }

        /// <summary>The GPIO the button pulls to ground.</summary>
        public int Pin { get; }

        /// <summary>True while the button is held down.</summary>
        public bool IsPressed => _pressed;

        /// <summary>Holds the button down (the pin reads low until <see cref="Release"/>).</summary>
        public void Press() => _pressed = true;

        /// <summary>Lets the button go.</summary>
        public void Release() => _pressed = false;
    }
}
