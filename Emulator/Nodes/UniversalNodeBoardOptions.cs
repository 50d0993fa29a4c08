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

        /// <summary>Radio name on the air (node-0, node-1, …); default: the flash folder's name.</summary>
        public string Name { get; set; }

        /// <summary>The air the node's radio joins; null = no radio contact.</summary>
        public DcMonitor.Emulator.Mesh.IAirMedium Air { get; set; }

        /// <summary>
        /// When above 0, the node boots already provisioned at this unicast address with every model bound and the
        /// vendor server subscribed to 0xC000 — the state the provisioner leaves (the demo's stand-in until the
        /// Provisioner image provisions nodes itself).
        /// </summary>
        public int PreprovisionedAddress { get; set; }

        /// <summary>Models bound at pre-provisioning (NativeContract bits); -1 = every model of a universal node.</summary>
        public int PreprovisionedModels { get; set; } = -1;

        /// <summary>
        /// Relay state the pre-provisioning leaves, as the provisioner's Config Relay Set would (1 on, 0 off); -1 = none set, the
        /// composition's (every universal node relays until a relay selection turns it off).
        /// </summary>
        public int PreprovisionedRelay { get; set; } = -1;
    }
}
