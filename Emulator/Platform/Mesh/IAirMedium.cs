namespace DcMonitor.Emulator.Mesh
{
    /// <summary>What a radio transmits into: the air itself (<see cref="VirtualAir"/>) or a link to the air of another process.</summary>
    public interface IAirMedium
    {
        /// <summary>Traffic counters.</summary>
        AirStatistics Statistics { get; }

        /// <summary>Puts a radio on the medium.</summary>
        void Join(IRadio radio);

        /// <summary>Takes a radio off the medium.</summary>
        void Leave(IRadio radio);

        /// <summary>Transmits one PDU from <paramref name="sender"/>.</summary>
        void Transmit(IRadio sender, NetworkPdu pdu, bool relayed);

        /// <summary>Counts an access message <paramref name="sender"/> had to split into <paramref name="segments"/> segments.</summary>
        void CountSegmented(IRadio sender, int segments);
    }
}
