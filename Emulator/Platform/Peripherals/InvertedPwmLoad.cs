using DcMonitor.Emulator.Board;

namespace DcMonitor.Emulator.Peripherals
{
    /// <summary>
    /// The DC-Monitor load stage (seed protocol §5.2): GPIO → 4.7 kΩ → inverting transistor → low-side
    /// MOSFET. Pin high = load off, pin low = load on; a floating pin (reset, unconfigured) leaves the
    /// transistor base pulled up to 12 V through 100 kΩ, so the load is off. The load is a resistor on a
    /// supply with a small source resistance; the current the INA260 sees is the switched load current,
    /// integrated exactly over the PWM waveform.
    /// </summary>
    public sealed class InvertedPwmLoad : IShuntInput
    {
        private readonly PinDrive _gate;

        /// <summary>Wires the load stage to <paramref name="gatePin"/> of <paramref name="board"/>.</summary>
        public InvertedPwmLoad(VirtualBoard board, int gatePin, double supplyVolts, double loadOhms, double sourceOhms = 0.02)
        {
            _gate = board.Pin(gatePin);
            SupplyVolts = supplyVolts;
            LoadOhms = loadOhms;
            SourceOhms = sourceOhms;
        }

        /// <summary>Open-circuit supply voltage in volts.</summary>
        public double SupplyVolts { get; set; }

        /// <summary>Load resistance in ohms (&gt; 0).</summary>
        public double LoadOhms { get; set; }

        /// <summary>Supply source resistance in ohms (wiring, connectors).</summary>
        public double SourceOhms { get; set; }

        /// <summary>Current in amperes while the MOSFET conducts.</summary>
        public double OnCurrentAmperes => SupplyVolts / (LoadOhms + SourceOhms);

        /// <summary>Fraction of [start, end) during which the load conducted (0–1).</summary>
        public double OnFraction(long startMicroseconds, long endMicroseconds)
        {
            // Inverted stage: the load conducts while the pin is low. Floating = pulled high = off.
            return 1.0 - _gate.HighFractionOver(startMicroseconds, endMicroseconds, floatingLevel: 1.0);
        }

        /// <inheritdoc/>
        public double CurrentAmperes(long startMicroseconds, long endMicroseconds)
        {
            return OnCurrentAmperes * OnFraction(startMicroseconds, endMicroseconds);
        }

        /// <inheritdoc/>
        public double BusVolts(long startMicroseconds, long endMicroseconds)
        {
            return SupplyVolts - (CurrentAmperes(startMicroseconds, endMicroseconds) * SourceOhms);
        }
    }
}
