namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// Sends whole messages to the connected Pi on DC02, in call order, each as one run of chunks that no other
    /// message interleaves (seed protocol §3; implemented by the node's notifier over the GATT bridge).
    /// </summary>
    public interface IGatewayNotifier
    {
        /// <summary>
        /// Queues one message: the first <paramref name="length"/> bytes of <paramref name="message"/> (ASCII, 1–127 bytes, not starting
        /// with '+'). The caller reuses the buffer once this returns, so the notifier copies what it keeps.
        /// </summary>
        void Notify(byte[] message, int length);
    }
}
