namespace DcMonitor.Emulator.Peripherals
{
    /// <summary>Faults the virtual INA260 can be told to show.</summary>
    public enum Ina260Fault
    {
        /// <summary>Works as the datasheet says.</summary>
        None,

        /// <summary>Unplugged or dead: never acknowledges its address.</summary>
        Absent,

        /// <summary>Acknowledges its address but every transfer fails on the bus.</summary>
        BusError,

        /// <summary>Works, but acknowledges register writes without applying them (a configuration that does not stick).</summary>
        WritesIgnored,

        /// <summary>Acknowledges everything, ignores writes, and every register reads <see cref="VirtualIna260.StuckValue"/>.</summary>
        StuckValue,
    }
}
