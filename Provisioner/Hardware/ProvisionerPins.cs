using DcMonitor.Shared.Terminal;
using nanoFramework.Hardware.Esp32;

namespace DcMonitor.Provisioner.Hardware
{
    /// <summary>
    /// Pins of the provisioner board: the serial console on COM2 (UART1) at GPIO16 (TX) / GPIO17 (RX), 115 200 8N1, as on the
    /// universal node (nanoFramework keeps UART0 for its debugger).
    /// </summary>
    public static class ProvisionerPins
    {
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
