namespace DcMonitor.Emulator.Mesh.Air
{
    /// <summary>
    /// What a radio's stack tells the medium it transmits into about its work, so that a timed air can hold its virtual clock
    /// until the work is done (docs/air-model.md "Time"): the air itself (<see cref="VirtualAir"/>) or the link of a node process to the
    /// hub's air, which reports to the hub when the process is idle (docs/emulator.md, the <c>idle</c> line).
    /// </summary>
    public interface IAirFeedback
    {
        /// <summary>The radio processed one reception (its receive loop is done with it).</summary>
        void ReceptionProcessed();

        /// <summary>The radio handed an event to its firmware: the firmware's answer is still to come.</summary>
        void HandedToFirmware();
    }
}
