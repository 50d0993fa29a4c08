namespace System.Device.I2c
{
    /// <summary>Emulation of nanoFramework.System.Device.I2c's transfer outcome (no explicit numbering: UnknownError = 0).</summary>
    public enum I2cTransferStatus
    {
        /// <summary>The transfer failed for a reason the driver could not tell.</summary>
        UnknownError,

        /// <summary>Every byte was transferred.</summary>
        FullTransfer,

        /// <summary>The target held SCL low too long.</summary>
        ClockStretchTimeout,

        /// <summary>Only some bytes were transferred.</summary>
        PartialTransfer,

        /// <summary>No target acknowledged the address.</summary>
        SlaveAddressNotAcknowledged,
    }
}
