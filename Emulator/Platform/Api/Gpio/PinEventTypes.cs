namespace System.Device.Gpio
{
    /// <summary>Emulation of nanoFramework.System.Device.Gpio's edge kinds.</summary>
    [Flags]
    public enum PinEventTypes
    {
        /// <summary>No edge.</summary>
        None = 0,

        /// <summary>Low to high.</summary>
        Rising = 1,

        /// <summary>High to low.</summary>
        Falling = 2,
    }
}
