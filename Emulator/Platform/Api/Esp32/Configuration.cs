using DcMonitor.Emulator.Board;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>
    /// Emulation of nanoFramework.Hardware.Esp32's <c>Configuration</c>: pin routing of the GPIO matrix
    /// of the active <see cref="VirtualBoard"/>.
    /// </summary>
    public class Configuration
    {
        /// <summary>
        /// Routes a peripheral signal to a pin. Must precede <c>PwmChannel.CreateFromPin</c>, the creation of
        /// I2C devices and the opening of serial ports, exactly as on an ESP32.
        /// As in nanoFramework's native code (DeviceMapping_common.cpp), output signals (I2C data and clock,
        /// SPI clock and MOSI, UART TX and RTS) are checked against the valid output GPIOs here; input and PWM
        /// signals are accepted as given and fail later, when the peripheral is opened.
        /// </summary>
        /// <exception cref="System.ArgumentException">An output signal on a pin that is not an ESP32-C6 GPIO (0–30).</exception>
        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            if (IsCheckedOutputSignal(value))
            {
                Esp32C6.RequireValidGpio(pin, nameof(pin));
            }

            VirtualBoard.Current.PinMux.Assign(pin, value);
        }

        /// <summary>The pin a function is routed to, or -1 when it has none.</summary>
        public static int GetFunctionPin(DeviceFunction function)
        {
            return VirtualBoard.Current.PinMux.PinOf(function);
        }

        private static bool IsCheckedOutputSignal(DeviceFunction function)
        {
            var type = (DeviceTypes)((int)function & ~0xFFFF);
            int signal = (int)function & 0xFF;
            switch (type)
            {
                case DeviceTypes.I2C:
                    return true;
                case DeviceTypes.SPI:
                    return signal == 0 || signal == 2; // MOSI, CLOCK
                case DeviceTypes.SERIAL:
                    return signal == 0 || signal == 2; // TX, RTS
                default:
                    return false;
            }
        }
    }
}
