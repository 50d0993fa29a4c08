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

        /// <summary>Console port.</summary>
        public const string ConsolePortName = "COM2";

        /// <summary>Console TX pin.</summary>
        public const int ConsoleTransmitPin = 16;

        /// <summary>Console RX pin.</summary>
        public const int ConsoleReceivePin = 17;

        /// <summary>Console speed, baud.</summary>
        public const int ConsoleBaudRate = 115200;

        /// <summary>Routes the console UART to its pins.</summary>
        public static void RouteSignals()
        {
            Configuration.SetPinFunction(ConsoleTransmitPin, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(ConsoleReceivePin, DeviceFunction.COM2_RX);
        }
    }
}
