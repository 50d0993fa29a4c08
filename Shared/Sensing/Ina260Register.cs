namespace DcMonitor.Shared.Sensing
{
    /// <summary>
    /// INA260 register pointers (TI SBOS656C, register map; docs/reference/anchors.md §1.2). Every
    /// register is 16 bits, transferred most significant byte first.
    /// </summary>
    public enum Ina260Register : byte
    {
        /// <summary>Configuration: RST, AVG, VBUSCT, ISHCT, MODE. Read/write, power-on value 0x6127.</summary>
        Configuration = 0x00,

        /// <summary>Current: signed two's complement, 1.25 mA per LSB. Read-only.</summary>
        Current = 0x01,

        /// <summary>Bus voltage: unsigned, 1.25 mV per LSB. Read-only.</summary>
        BusVoltage = 0x02,

        /// <summary>Power: unsigned, 10 mW per LSB. Read-only.</summary>
        Power = 0x03,

        /// <summary>Mask/Enable: alert function and flags; CVRF (conversion ready) is bit 3. Read/write.</summary>
        MaskEnable = 0x06,

        /// <summary>Alert limit. Read/write.</summary>
        AlertLimit = 0x07,

        /// <summary>Manufacturer ID, reads 0x5449 ("TI").</summary>
        ManufacturerId = 0xFE,

        /// <summary>Die ID, reads 0x2270 (device 0x227, revision 0).</summary>
        DieId = 0xFF,
    }
}
