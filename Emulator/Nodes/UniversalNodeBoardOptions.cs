namespace DcMonitor.Emulator.Nodes
{
    /// <summary>How an emulated universal node board is populated and what its load looks like.</summary>
    public sealed class UniversalNodeBoardOptions
    {
        /// <summary>Host folder standing for the node's internal flash (drive I:).</summary>
        public string FlashDirectory { get; set; }

        /// <summary>INA260 address, 0x40–0x4F (the documented board strap is 0x45, seed protocol §5.1); -1 = no sensor fitted.</summary>
        public int SensorAddress { get; set; } = 0x45;

        /// <summary>Supply voltage in volts (default 12 V).</summary>
        public double SupplyVolts { get; set; } = 12.0;

        /// <summary>Load resistance in ohms (default 48 Ω: 250 mA, 3 W fully on at 12 V).</summary>
        public double LoadOhms { get; set; } = 48.0;

        /// <summary>Seed of the INA260's measurement noise.</summary>
        public int NoiseSeed { get; set; } = 260;
    }
}
