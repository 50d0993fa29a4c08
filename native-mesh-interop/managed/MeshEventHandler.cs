namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// Receives mesh and GATT events on the interop's event thread. Must not block: copy what it needs and post
    /// the work to the node's worker (seed protocol §9 B6).
    /// </summary>
    public delegate void MeshEventHandler(MeshEvent meshEvent);
}
