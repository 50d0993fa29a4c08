using DcMonitor.MeshInterop;
using DcMonitor.Shared.Gateway;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// Sends gateway messages on DC02 as 20-byte chunks (seed protocol §3). Called on the worker thread only,
    /// so the chunks of one message always go out back to back (seed §9 B5). A chunk the stack refuses for lack
    /// of buffers is retried a few times; when no central is subscribed the message is skipped whole (there is
    /// no one to receive it). The last message is also the DC02 read value (seed §1.8).
    /// </summary>
    public sealed class GattNotifier : IGatewayNotifier
    {
        private const int AttemptsPerChunk = 3;

        private readonly MeshNode _mesh;
        private readonly byte[] _message = new byte[GatewayReplies.MaximumMessageBytes + 1];
        private readonly byte[] _chunk = new byte[NotificationChunker.ChunkSize];
        private readonly NotificationChunker _chunker = new NotificationChunker(GatewayReplies.MaximumMessageBytes);

        /// <summary>Creates the notifier over the node's GATT bridge.</summary>
        public GattNotifier(MeshNode mesh)
        {
            _mesh = mesh;
        }

        /// <summary>
        /// Messages that no split could carry exactly and were sent made safe (their <c>+</c> and blanks as <c>_</c>;
        /// see <see cref="NotificationChunker"/>): only echoed user text can cause it (diagnostics).
        /// </summary>
        public int MadeSafe { get; private set; }

        /// <summary>Messages skipped because no central was subscribed (diagnostics).</summary>
        public int Skipped { get; private set; }

        /// <inheritdoc/>
        public void Notify(byte[] message, int length)
        {
            length = NotificationText.Copy(message, length, _message);
            int chunks = _chunker.Plan(_message, length);
            if (!_chunker.WasExact)
            {
                MadeSafe++;
            }

            _mesh.GattSetReadValue(_message, length);
            for (int index = 0; index < chunks; index++)
            {
                int chunkLength = _chunker.WriteChunk(_message, index, _chunk);
                MeshResult result = MeshResult.Failed;
                for (int attempt = 0; attempt < AttemptsPerChunk; attempt++)
                {
                    result = _mesh.GattNotify(_chunk, chunkLength);
                    if (result == MeshResult.Ok || result == MeshResult.NotConnected)
                    {
                        break;
                    }
                }

                if (result != MeshResult.Ok)
                {
                    Skipped++;
                    return;
                }
            }
        }
    }
}
