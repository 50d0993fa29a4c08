using System;

namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// The chunked notification framing the Pi reassembles (seed protocol §3): a message of at most 20 bytes
    /// is one notification; a longer one is a run of 20-byte notifications <c>+</c> + 19 message bytes, while
    /// more than 20 bytes remain, then the last 1–20 bytes without a mark. Example (48 bytes):
    /// <c>+NODE1:DATA:D:50%,V:</c> · <c>+12.003V,I:250.00mA,</c> · <c>P:3000.8mW</c>.
    /// Chunks are written into a caller's buffer (no allocation). The gateway must send all chunks of a
    /// message back to back (seed §3, B5); that ordering is the notifier's job.
    /// </summary>
    public static class NotificationChunker
    {
        /// <summary>Bytes of value per notification, whatever the MTU (seed §1.8).</summary>
        public const int ChunkSize = 20;

        /// <summary>First byte of every chunk but the last.</summary>
        public const byte ContinuationMark = (byte)'+';

        /// <summary>Number of notifications for a message of <paramref name="messageLength"/> bytes (≥ 1).</summary>
        /// <exception cref="ArgumentOutOfRangeException">messageLength is less than 1.</exception>
        public static int ChunkCount(int messageLength)
        {
            if (messageLength < 1)
            {
                throw new ArgumentOutOfRangeException("messageLength");
            }

            if (messageLength <= ChunkSize)
            {
                return 1;
            }

            return ((messageLength - ChunkSize + (ChunkSize - 2)) / (ChunkSize - 1)) + 1;
        }

        /// <summary>
        /// Writes notification <paramref name="chunkIndex"/> of <paramref name="message"/> (its first
        /// <paramref name="messageLength"/> bytes) into <paramref name="destination"/> (≥ 20 bytes) and returns its length.
        /// </summary>
        /// <exception cref="ArgumentException">The message is empty or starts with '+', which the Pi would take for a
        /// continuation chunk (seed §3: a message must never start with '+').</exception>
        /// <exception cref="ArgumentOutOfRangeException">chunkIndex is not 0 to ChunkCount − 1.</exception>
        public static int WriteChunk(byte[] message, int messageLength, int chunkIndex, byte[] destination)
        {
            if (messageLength < 1 || message[0] == ContinuationMark)
            {
                throw new ArgumentException("A notified message must be non-empty and must not start with '+'.", "message");
            }

            int count = ChunkCount(messageLength);
            if (chunkIndex < 0 || chunkIndex >= count)
            {
                throw new ArgumentOutOfRangeException("chunkIndex");
            }

            int offset = chunkIndex * (ChunkSize - 1);
            if (chunkIndex < count - 1)
            {
                destination[0] = ContinuationMark;
                Array.Copy(message, offset, destination, 1, ChunkSize - 1);
                return ChunkSize;
            }

            int last = messageLength - offset;
            Array.Copy(message, offset, destination, 0, last);
            return last;
        }
    }
}
