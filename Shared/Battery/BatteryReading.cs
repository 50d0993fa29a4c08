namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// One reading of a BM6-family battery monitor (issue 18), in whole units as the device sends them: voltage in
    /// centivolts (10 mV, 0–4,095 = 0–40.95 V: 12 bits), state of charge in percent (0–100), temperature in whole °C
    /// (−255 to 255: a sign byte and a magnitude byte). Mutable and reused: the codec fills one instance per reading,
    /// so a reading allocates nothing.
    /// </summary>
    public sealed class BatteryReading
    {
        /// <summary>Largest voltage a BM6 reports, centivolts (12 bits: 40.95 V).</summary>
        public const int MaximumVoltageCentivolts = 0x0FFF;

        /// <summary>Largest temperature magnitude a BM6 reports, °C (one byte).</summary>
        public const int MaximumTemperatureMagnitudeCelsius = 255;

        /// <summary>Battery voltage, centivolts (0–<see cref="MaximumVoltageCentivolts"/>).</summary>
        public int VoltageCentivolts { get; private set; }

        /// <summary>State of charge, percent (0–100).</summary>
        public int StateOfChargePercent { get; private set; }

        /// <summary>Temperature, whole °C (−255 to 255).</summary>
        public int TemperatureCelsius { get; private set; }

        /// <summary>Sets the three values.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">A value is outside its documented range.</exception>
        public void Set(int voltageCentivolts, int stateOfChargePercent, int temperatureCelsius)
        {
            if (voltageCentivolts < 0 || voltageCentivolts > MaximumVoltageCentivolts)
            {
                throw new System.ArgumentOutOfRangeException("voltageCentivolts");
            }

            if (stateOfChargePercent < 0 || stateOfChargePercent > 100)
            {
                throw new System.ArgumentOutOfRangeException("stateOfChargePercent");
            }

            if (temperatureCelsius < -MaximumTemperatureMagnitudeCelsius || temperatureCelsius > MaximumTemperatureMagnitudeCelsius)
            {
                throw new System.ArgumentOutOfRangeException("temperatureCelsius");
            }

            VoltageCentivolts = voltageCentivolts;
            StateOfChargePercent = stateOfChargePercent;
            TemperatureCelsius = temperatureCelsius;
        }

        /// <summary>Copies <paramref name="other"/>'s values.</summary>
        public void CopyFrom(BatteryReading other)
        {
            VoltageCentivolts = other.VoltageCentivolts;
            StateOfChargePercent = other.StateOfChargePercent;
            TemperatureCelsius = other.TemperatureCelsius;
        }
    }
}
