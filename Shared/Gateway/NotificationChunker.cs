using System;

namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// The chunked notification framing the Pi reassembles (seed protocol §3): a message of at most 20 bytes is one
    /// notification; a longer one is a run of continuation notifications, <c>+</c> followed by message bytes, then a
    /// last notification without a mark. Example (48 bytes): <c>+NODE1:DATA:D:50%,V:</c> · <c>+12.003V,I:250.00mA,</c> ·
    /// <c>P:3000.8mW</c>.
    /// <para>
    /// The Pi strips surrounding white space from every notification (Python's <c>str.strip()</c>) and takes any
    /// notification that then starts with <c>+</c> for a continuation. So the split points are chosen, not fixed at
    /// 19 bytes: no continuation piece ends with a blank, and the last notification neither starts with <c>+</c> or a
    /// blank nor ends with a blank. Where the seed's fixed split (19 bytes a piece) already satisfies that, it is the
    /// split used; otherwise pieces are shortened (a chunk may be shorter than 20 bytes).
    /// </para>
    /// <para>
    /// A message that no split can carry exactly is <b>made safe</b>: every <c>+</c> and blank in it becomes <c>_</c>
    /// (<see cref="SafeReplacement"/>), and it is sent that way — altered but whole, and never glued onto the next reply.
    /// That happens when it ends with a blank, when none of its last 20 bytes can start the last notification (a byte that
    /// is neither <c>+</c> nor a blank and does not follow a blank: e.g. <c>… H I J</c>), or when a run of blanks is too long
    /// to end a piece after it. A leading <c>+</c> or blank is no obstacle: a continuation carries it. Only echoed user
    /// text can need it; the firmware's own replies never do.
    /// </para>
    /// One instance per notifier: <see cref="Plan"/> keeps the split in reused arrays (no allocation per message).
    /// </summary>
    public sealed class NotificationChunker
    {
        /// <summary>Bytes of value per notification, whatever the MTU (seed §1.8).</summary>
        public const int ChunkSize = 20;

        /// <summary>First byte of every chunk but the last.</summary>
        public const byte ContinuationMark = (byte)'+';

        /// <summary>What <c>+</c> and blanks become in a message that cannot be framed exactly.</summary>
        public const byte SafeReplacement = (byte)'_';

        private const int NotCompletable = 0;

        private readonly int _maximumMessageBytes;
        private readonly int[] _step;
        private readonly int[] _chunkEnds;
        private int _chunkCount;

        /// <summary>Creates a chunker for messages of up to <paramref name="maximumMessageBytes"/> bytes.</summary>
        /// <param name="maximumMessageBytes">Largest message (1 or more; the gateway's is <see cref="GatewayReplies.MaximumMessageBytes"/>, 127).</param>
        /// <exception cref="ArgumentOutOfRangeException">maximumMessageBytes is less than 1.</exception>
        public NotificationChunker(int maximumMessageBytes)
        {
            if (maximumMessageBytes < 1)
            {
                throw new ArgumentOutOfRangeException("maximumMessageBytes");
            }

            _maximumMessageBytes = maximumMessageBytes;
            _step = new int[maximumMessageBytes + 1];
            _chunkEnds = new int[maximumMessageBytes];
        }

        /// <summary>Chunks of the message planned last.</summary>
        public int ChunkCount => _chunkCount;

        /// <summary>False when the message planned last had to be made safe (its <c>+</c> and blanks replaced).</summary>
        public bool WasExact { get; private set; }

        /// <summary>
        /// Chooses the split of <paramref name="message"/> (its first <paramref name="messageLength"/> bytes) and returns the
        /// number of notifications. When no split carries the message exactly, the message is made safe in place first
        /// (<see cref="WasExact"/> is then false).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">messageLength is less than 1 or more than the maximum given at construction.</exception>
        public int Plan(byte[] message, int messageLength)
        {
            if (messageLength < 1 || messageLength > _maximumMessageBytes)
            {
                throw new ArgumentOutOfRangeException("messageLength");
            }

            WasExact = TryPlan(message, messageLength);
            if (!WasExact)
            {
                for (int i = 0; i < messageLength; i++)
                {
                    if (message[i] == ContinuationMark || IsBlank(message[i]))
                    {
                        message[i] = SafeReplacement;
                    }
                }

                TryPlan(message, messageLength); // always succeeds: no + and no blanks left
            }

            return _chunkCount;
        }

        /// <summary>
        /// Writes notification <paramref name="chunkIndex"/> of the message planned last into <paramref name="destination"/>
        /// (≥ 20 bytes) and returns its length (1–20).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">chunkIndex is not 0 to ChunkCount − 1.</exception>
        public int WriteChunk(byte[] message, int chunkIndex, byte[] destination)
        {
            if (chunkIndex < 0 || chunkIndex >= _chunkCount)
            {
                throw new ArgumentOutOfRangeException("chunkIndex");
            }

            int start = chunkIndex == 0 ? 0 : _chunkEnds[chunkIndex - 1];
            int length = _chunkEnds[chunkIndex] - start;
            if (chunkIndex < _chunkCount - 1)
            {
                destination[0] = ContinuationMark;
                Array.Copy(message, start, destination, 1, length);
                return length + 1;
            }

            Array.Copy(message, start, destination, 0, length);
            return length;
        }

        /// <summary>
        /// True for the bytes Python's <c>str.strip()</c> removes from ASCII text: space, tab, line feed, vertical tab,
        /// form feed, carriage return and the separators 0x1C–0x1F.
        /// </summary>
        public static bool IsBlank(byte value)
        {
            return value == (byte)' ' || (value >= 0x09 && value <= 0x0D) || (value >= 0x1C && value <= 0x1F);
        }

        /// <summary>
        /// Backward over the message: _step[p] is how the message is carried from byte p on — a positive piece length for
        /// a continuation notification, minus the remaining length for the last notification, 0 when it cannot be.
        /// Longer pieces are preferred, so a message the seed's fixed split already carries gets exactly that split.
        /// </summary>
        private bool TryPlan(byte[] message, int length)
        {
            _chunkCount = 0;
            _step[length] = NotCompletable;
            bool endsCleanly = !IsBlank(message[length - 1]);
            for (int p = length - 1; p >= 0; p--)
            {
                int remaining = length - p;
                _step[p] = NotCompletable;
                if (remaining <= ChunkSize && endsCleanly && message[p] != ContinuationMark && !IsBlank(message[p]))
                {
                    _step[p] = -remaining;
                    continue;
                }

                int longest = remaining - 1 < ChunkSize - 1 ? remaining - 1 : ChunkSize - 1;
                for (int piece = longest; piece >= 1; piece--)
                {
                    if (!IsBlank(message[p + piece - 1]) && _step[p + piece] != NotCompletable)
                    {
                        _step[p] = piece;
                        break;
                    }
                }
            }

            if (_step[0] == NotCompletable)
            {
                return false;
            }

            int position = 0;
            while (true)
            {
                int step = _step[position];
                position += step > 0 ? step : -step;
                _chunkEnds[_chunkCount++] = position;
                if (step < 0)
                {
                    return true;
                }
            }
        }
    }
}
