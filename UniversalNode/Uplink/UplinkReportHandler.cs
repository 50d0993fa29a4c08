namespace DcMonitor.UniversalNode.Uplink
{
    /// <summary>One uplink message this node just published over the mesh: its <paramref name="opcode"/> and the first <paramref name="length"/> bytes of <paramref name="payload"/> (valid during the call only).</summary>
    public delegate void UplinkReportHandler(int opcode, byte[] payload, int length);
}
