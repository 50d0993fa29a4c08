namespace DcMonitor.Emulator.Mesh.Air
{
    /// <summary>
    /// A radio that tells the timed air how many of the PDUs delivered to it it has not processed yet. The air's virtual
    /// clock advances only while every such radio has processed what it received (docs/air-model.md "Time").
    /// </summary>
    public interface IAirActivity
    {
        /// <summary>PDUs delivered to the radio and not yet processed (0 = idle); 0 for a radio that is not running.</summary>
        int PendingReceptions { get; }
    }
}
