namespace System.Device.I2c
{
    /// <summary>Emulation of nanoFramework.System.Device.I2c's bus speeds.</summary>
    public enum I2cBusSpeed
    {
        /// <summary>100 kHz.</summary>
        StandardMode,

        /// <summary>400 kHz.</summary>
        FastMode,

        /// <summary>1 MHz.</summary>
        FastModePlus,
    }
}
