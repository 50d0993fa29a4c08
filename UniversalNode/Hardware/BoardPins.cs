using DcMonitor.Shared.Terminal;
using nanoFramework.Hardware.Esp32;

namespace DcMonitor.UniversalNode.Hardware
{
    /// <summary>
    /// How a universal node board is wired (seed protocol §5) and the routing of the ESP32-C6 GPIO matrix
    /// that goes with it. Change the wiring here and nowhere else.
    /// </summary>
    public static class BoardPins
    {
        /// <summary>Load gate: GPIO5 → 4.7 kΩ → inverting transistor → MOSFET (seed §5.2). High = load off.</summary>
        public const int LoadGatePin = 5;

        /// <summary>PWM signal routed to <see cref="LoadGatePin"/> (ESP32-C6 LEDC channel 0; PWM1–PWM6 exist).</summary>
        public const DeviceFunction LoadPwmFunction = DeviceFunction.PWM1;

        /// <summary>Load PWM frequency, 1 kHz (seed §5.2).</summary>
        public const int LoadPwmFrequencyHertz = 1000;

        /// <summary>INA260 SDA on GPIO6 (seed §5.1).</summary>
        public const int SensorDataPin = 6;

        /// <summary>INA260 SCL on GPIO7 (seed §5.1).</summary>
        public const int SensorClockPin = 7;

        /// <summary>nanoFramework I2C bus number of the sensor bus (I2C1).</summary>
        public const int SensorBusId = 1;

        /// <summary>
        /// The ESP32-C6-DevKitC's BOOT button: GPIO9 to ground, pulled up on the board and in the chip (read as an input with
        /// pull-up: low = pressed). GPIO9 is a strapping pin: low at reset selects the ROM's download mode, so the firmware watches
        /// the button once it runs: held for 1 s within 10 s of boot it opens the GATT pairing window (docs/security.md).
        /// </summary>
        public const int PairingButtonPin = 9;

        /// <summary>Serial console UART: COM2 (ESP32 UART1), as on every image (<see cref="ConsoleUart"/>).</summary>
        public const string ConsolePortName = ConsoleUart.PortName;

        /// <summary>Console TX on GPIO16, the ESP32-C6-DevKitC's USB-UART bridge input (<see cref="ConsoleUart"/>).</summary>
        public const int ConsoleTransmitPin = ConsoleUart.TransmitPin;

        /// <summary>Console RX on GPIO17, the ESP32-C6-DevKitC's USB-UART bridge output (<see cref="ConsoleUart"/>).</summary>
        public const int ConsoleReceivePin = ConsoleUart.ReceivePin;

        /// <summary>Console speed, 115200 baud 8N1 (<see cref="ConsoleUart"/>).</summary>
        public const int ConsoleBaudRate = ConsoleUart.BaudRate;

        /// <summary>Routes the load PWM, the sensor bus and the console UART. Call once, before opening any of them.</summary>
        public static void RouteSignals()
        {
            Configuration.SetPinFunction(LoadGatePin, LoadPwmFunction);
            Configuration.SetPinFunction(SensorDataPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(SensorClockPin, DeviceFunction.I2C1_CLOCK);
            Configuration.SetPinFunction(ConsoleTransmitPin, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(ConsoleReceivePin, DeviceFunction.COM2_RX);
        }
    }
}
