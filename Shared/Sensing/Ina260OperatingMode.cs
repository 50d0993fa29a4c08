namespace DcMonitor.Shared.Sensing
{
    /// <summary>
    /// MODE field, Configuration bits 2:0 (TI SBOS656C; INA226-family encoding, docs/reference/anchors.md
    /// §1.3). Bit 0 = convert current, bit 1 = convert bus voltage, bit 2 = continuous; 000 and 100 power down.
    /// </summary>
    public enum Ina260OperatingMode
    {
        /// <summary>Power-down (also 100).</summary>
        PowerDown = 0,

        /// <summary>One current cycle per configuration write.</summary>
        CurrentTriggered = 1,

        /// <summary>One bus-voltage cycle per configuration write.</summary>
        BusVoltageTriggered = 2,

        /// <summary>One current + bus-voltage cycle per configuration write.</summary>
        CurrentAndBusVoltageTriggered = 3,

        /// <summary>Power-down (alternative encoding).</summary>
        PowerDownAlternative = 4,

        /// <summary>Current converted continuously.</summary>
        CurrentContinuous = 5,

        /// <summary>Bus voltage converted continuously.</summary>
        BusVoltageContinuous = 6,

        /// <summary>Current and bus voltage converted continuously (power-on value).</summary>
        CurrentAndBusVoltageContinuous = 7,
    }
}
