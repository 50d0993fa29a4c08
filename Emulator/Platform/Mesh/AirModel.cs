namespace DcMonitor.Emulator.Mesh
{
    /// <summary>How a <see cref="VirtualAir"/> carries transmissions (docs/air-model.md).</summary>
    public enum AirModel
    {
        /// <summary>At once to every radio in range, each reception lost with the link's probability: no airtime, no collisions.</summary>
        Instantaneous,

        /// <summary>The advertising bearer on a virtual clock: airtime, advDelay, three channels, scanning, half-duplex, collisions, then loss.</summary>
        Timed,
    }
}
