using nanoFramework.Hardware.Esp32;

namespace DcMonitor.Provisioner.Hardware
{
    /// <summary>
    /// Pins of the provisioner board: the serial console on COM2 (UART1) at GPIO16 (TX) / GPIO17 (RX), 115 200 8N1, as on the
    /// universal node (nanoFramework keeps UART0 for its debugger).
    /// </summary>
    public static class ProvisionerPins
    {
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
