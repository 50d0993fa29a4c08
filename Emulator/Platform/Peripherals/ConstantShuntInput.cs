namespace DcMonitor.Emulator.Peripherals
{
    /// <summary>A bench supply: fixed, settable current and bus voltage (thread-safe; values read atomically per call).</summary>
    public sealed class ConstantShuntInput : IShuntInput
    {
        /// <summary>Creates the input.</summary>
        public ConstantShuntInput(double busVolts, double currentAmperes)
        {
            Volts = busVolts;
            Amperes = currentAmperes;
        }

        /// <summary>Bus voltage in volts.</summary>
        public double Volts { get; set; }

        /// <summary>Shunt current in amperes, negative when flowing IN− → IN+.</summary>
        public double Amperes { get; set; }

        /// <inheritdoc/>
        public double CurrentAmperes(long startMicroseconds, long endMicroseconds) => Amperes;

        /// <inheritdoc/>
        public double BusVolts(long startMicroseconds, long endMicroseconds) => Volts;
    }
}
