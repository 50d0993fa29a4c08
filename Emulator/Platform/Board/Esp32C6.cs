using System;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// Facts about the ESP32-C6 that the emulated APIs enforce (ESP32-C6 Technical Reference Manual,
    /// IO MUX and GPIO chapter: 31 GPIOs, GPIO0–GPIO30).
    /// </summary>
    public static class Esp32C6
    {
        /// <summary>Number of GPIOs: valid pin numbers are 0 to <c>GpioCount - 1</c> (30).</summary>
        public const int GpioCount = 31;

        /// <summary>True when <paramref name="pin"/> is a GPIO number that exists on the ESP32-C6.</summary>
        public static bool IsValidGpio(int pin) => pin >= 0 && pin < GpioCount;

        /// <summary>First GPIO reserved for the SPI flash on the ESP32-C6 (GPIO24–GPIO30; nanoFramework's
        /// cpu_gpio.cpp refuses to open them).</summary>
        public const int FirstFlashGpio = 24;

        /// <summary>Number of LEDC PWM channels (ESP32-C6 TRM, LED PWM Controller): PWM1–PWM6 only.</summary>
        public const int PwmChannelCount = 6;

        /// <summary>True when the pin exists and is not wired to the SPI flash.</summary>
        public static bool IsUsableGpio(int pin) => IsValidGpio(pin) && pin < FirstFlashGpio;

        /// <summary>
        /// Throws <see cref="ArgumentException"/> naming the pin when it is not an ESP32-C6 GPIO, which is
        /// how the nanoFramework native layer reports an invalid pin (CLR_E_INVALID_PARAMETER).
        /// </summary>
        public static void RequireValidGpio(int pin, string parameterName)
        {
            if (!IsValidGpio(pin))
            {
                throw new ArgumentException("GPIO " + pin + " does not exist on the ESP32-C6 (valid: 0 to " + (GpioCount - 1) + ").", parameterName);
            }
        }
    }
}
