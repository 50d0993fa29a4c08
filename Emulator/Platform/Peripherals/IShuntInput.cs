namespace DcMonitor.Emulator.Peripherals
{
    /// <summary>
    /// What an INA260 is wired to: the current through its internal shunt (IN+ → IN−, positive in that
    /// direction) and the voltage on its VBUS pin, averaged over a conversion window of board time.
    /// </summary>
    public interface IShuntInput
    {
        /// <summary>Mean current in amperes over [start, end) µs (signed).</summary>
        double CurrentAmperes(long startMicroseconds, long endMicroseconds);

        /// <summary>Mean bus voltage in volts over [start, end) µs (≥ 0).</summary>
        double BusVolts(long startMicroseconds, long endMicroseconds);
    }
}
