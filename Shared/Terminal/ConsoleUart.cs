namespace DcMonitor.Shared.Terminal
{
    /// <summary>
    /// The serial console's UART, the same on every image's board: COM2 (ESP32-C6 UART1) on GPIO16 (TX) / GPIO17 (RX),
    /// 115 200 baud 8N1. GPIO16/17 are UART0's default pins, wired to the ESP32-C6-DevKitC's USB-UART bridge; COM1/UART0
    /// itself is not used because nanoFramework falls back to it for its debugger when the USB Serial/JTAG port is not
    /// connected. Each image routes the pins in its own pin class (the routing call lives in nanoFramework.Hardware.Esp32).
    /// </summary>
    public static class ConsoleUart
    {
        /// <summary>nanoFramework port name, <c>COM2</c>.</summary>
        public const string PortName = "COM2";

        /// <summary>TX pin, GPIO16.</summary>
        public const int TransmitPin = 16;

        /// <summary>RX pin, GPIO17.</summary>
        public const int ReceivePin = 17;

        /// <summary>Speed, 115 200 baud (8N1).</summary>
        public const int BaudRate = 115200;
    }
}
