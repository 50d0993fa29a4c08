namespace DcMonitor.Shared.Sensing
{
    /// <summary>
    /// VBUSCT (Configuration bits 8:6) and ISHCT (bits 5:3): conversion time of one bus-voltage or one
    /// shunt-current sample (TI SBOS656C, configuration register; docs/reference/anchors.md §1.3).
    /// </summary>
    public enum Ina260ConversionTime
    {
        /// <summary>140 µs.</summary>
        Microseconds140 = 0,

        /// <summary>204 µs.</summary>
        Microseconds204 = 1,

        /// <summary>332 µs.</summary>
        Microseconds332 = 2,

        /// <summary>588 µs.</summary>
        Microseconds588 = 3,

        /// <summary>1.1 ms (power-on value).</summary>
        Microseconds1100 = 4,

        /// <summary>2.116 ms.</summary>
        Microseconds2116 = 5,

        /// <summary>4.156 ms.</summary>
        Microseconds4156 = 6,

        /// <summary>8.244 ms.</summary>
        Microseconds8244 = 7,
    }
}
