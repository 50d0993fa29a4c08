namespace DcMonitor.Emulator.Mesh
{
    /// <summary>A radio on an air: an emulated node's mesh stack, or the hub's stand-in for a node running in another process.</summary>
    public interface IRadio
    {
        /// <summary>Name on the air (node-0, relay-0, …).</summary>
        string RadioName { get; }

        /// <summary>A network PDU reached this radio (called on the sender's thread: must not block).</summary>
        void Receive(NetworkPdu pdu);
    }
}
