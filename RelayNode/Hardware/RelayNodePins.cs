using DcMonitor.Shared.Terminal;
using nanoFramework.Hardware.Esp32;

namespace DcMonitor.RelayNode.Hardware
{
    /// <summary>
    /// Pins of the relay board: the status LED on GPIO8 (active high, the ESP32-C6 DevKit's LED) and the serial console on
    /// COM2 (UART1) at GPIO16 (TX) / GPIO17 (RX), 115 200 8N1, as on the universal node and the provisioner
    /// (nanoFramework keeps UART0 for its debugger).
    /// </summary>
    public static class RelayNodePins
    {
        /// <summary>Status LED, active high.</summary>
        public const int LedPin = 8;

        /// <summary>Console port (<see cref="ConsoleUart"/>).</summary>
        public const string ConsolePortName = ConsoleUart.PortName;

        /// <summary>Console speed, baud (<see cref="ConsoleUart"/>).</summary>
        public const int ConsoleBaudRate = ConsoleUart.BaudRate;

        /// <summary>Routes the console UART to its pins (<see cref="ConsoleUart"/>).</summary>
        public static void RouteSignals()
        {
            Configuration.SetPinFunction(ConsoleUart.TransmitPin, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(ConsoleUart.ReceivePin, DeviceFunction.COM2_RX);
        }
    }
}
