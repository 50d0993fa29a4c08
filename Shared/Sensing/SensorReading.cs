namespace DcMonitor.Shared.Sensing
{
    /// <summary>
    /// One INA260 measurement: the raw Current, Bus Voltage and Power registers and the same values in
    /// physical units. Mutable so a node can reuse one instance per read instead of allocating.
    /// </summary>
    public sealed class SensorReading
    {
        /// <summary>Raw Current register (0x01), two's complement.</summary>
        public ushort CurrentRegister { get; private set; }

        /// <summary>Raw Bus Voltage register (0x02).</summary>
        public ushort BusVoltageRegister { get; private set; }

        /// <summary>Raw Power register (0x03).</summary>
        public ushort PowerRegister { get; private set; }

        /// <summary>Current in µA, signed (positive IN+ → IN−).</summary>
        public int CurrentMicroamps => Ina260Units.CurrentMicroamps(CurrentRegister);

        /// <summary>Bus voltage in µV.</summary>
        public int BusVoltageMicrovolts => Ina260Units.BusVoltageMicrovolts(BusVoltageRegister);

        /// <summary>Power from the chip's Power register in mW.</summary>
        public int PowerMilliwatts => Ina260Units.PowerMilliwatts(PowerRegister);

        /// <summary>Stores new register values.</summary>
        public void Set(ushort currentRegister, ushort busVoltageRegister, ushort powerRegister)
        {
            CurrentRegister = currentRegister;
            BusVoltageRegister = busVoltageRegister;
            PowerRegister = powerRegister;
        }

        /// <summary>Copies another reading's registers.</summary>
        public void CopyFrom(SensorReading other)
        {
            Set(other.CurrentRegister, other.BusVoltageRegister, other.PowerRegister);
        }
    }
}
