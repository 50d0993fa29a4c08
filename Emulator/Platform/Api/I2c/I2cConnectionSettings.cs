namespace System.Device.I2c
{
    /// <summary>Emulation of nanoFramework.System.Device.I2c's connection settings.</summary>
    public sealed class I2cConnectionSettings
    {
        /// <summary>Bus <paramref name="busId"/> (1 on the ESP32-C6), 7-bit address, Fast mode (400 kHz).</summary>
        public I2cConnectionSettings(int busId, int deviceAddress)
            : this(busId, deviceAddress, I2cBusSpeed.FastMode)
        {
        }

        /// <summary>Bus, 7-bit address and speed.</summary>
        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed)
        {
            BusId = busId;
            DeviceAddress = deviceAddress;
            BusSpeed = busSpeed;
        }

        /// <summary>Controller number (1-based, as nanoFramework counts them).</summary>
        public int BusId { get; }

        /// <summary>7-bit target address.</summary>
        public int DeviceAddress { get; }

        /// <summary>Clock speed.</summary>
        public I2cBusSpeed BusSpeed { get; }
    }
}
