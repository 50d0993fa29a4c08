using DcMonitor.Shared.Gateway;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// The UniversalNode's GattNotifier without the radio: the message copied into its own reused buffer (<see cref="NotificationText"/>) and cut into
    /// 20-byte DC02 chunks by the firmware's <see cref="NotificationChunker"/>; the chunks are counted instead of
    /// handed to MeshNode.GattNotify (which needs the native mesh component).
    /// </summary>
    public sealed class ChunkingNotifier : IGatewayNotifier
    {
        private readonly byte[] _message = new byte[GatewayReplies.MaximumMessageBytes + 1];
        private readonly byte[] _chunk = new byte[NotificationChunker.ChunkSize];
        private readonly NotificationChunker _chunker = new NotificationChunker(GatewayReplies.MaximumMessageBytes);

        /// <summary>Chunks handed to the (absent) radio since creation.</summary>
        public int Chunks { get; private set; }

        /// <summary>Messages notified since creation.</summary>
        public int Messages { get; private set; }

        /// <inheritdoc/>
        public void Notify(byte[] message, int length)
        {
            length = NotificationText.Copy(message, length, _message);
            int chunks = _chunker.Plan(_message, length);
            for (int index = 0; index < chunks; index++)
            {
                _chunker.WriteChunk(_message, index, _chunk);
                Chunks++;
            }

            Messages++;
        }
    }
}
