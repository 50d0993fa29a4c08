namespace System.Device.Gpio
{
    /// <summary>Emulation of nanoFramework.System.Device.Gpio's numbering schemes (both are GPIO numbers on the ESP32).</summary>
    public enum PinNumberingScheme
    {
        /// <summary>GPIO numbers.</summary>
        Logical,

        /// <summary>Board header numbers (same as logical on the ESP32).</summary>
        Board,
    }
}
