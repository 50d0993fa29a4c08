using System;

namespace DcMonitor.Shared.Mesh
{
    /// <summary>
    /// Replies waiting for their <see cref="ResponseDelay"/> (a node answering a group-addressed request, Mesh Profile 1.0.1
    /// §3.7.3.1): up to <see cref="Capacity"/> replies, each a request handle, an opcode and a copy of its payload, due at a time
    /// in milliseconds of a monotonic clock. Every buffer is allocated once here, so holding a reply allocates nothing. When the
    /// table is full <see cref="Hold"/> refuses and the caller replies at once (the reply is never lost, only not spread).
    /// Not thread-safe: owned by the node's worker.
    /// </summary>
    public sealed class HeldReplies
    {
        /// <summary>Replies held at once: the native reply table keeps 16 request contexts (dcm_reply_table.h), half of them may wait here.</summary>
        public const int Capacity = 8;

        private readonly int[] _handle = new int[Capacity];
        private readonly int[] _opcode = new int[Capacity];
        private readonly int[] _length = new int[Capacity];
        private readonly long[] _dueAt = new long[Capacity];
        private readonly bool[] _used = new bool[Capacity];
        private readonly byte[][] _payload = new byte[Capacity][];

        /// <summary>A table whose replies carry at most <paramref name="maximumPayloadLength"/> bytes.</summary>
        /// <exception cref="ArgumentOutOfRangeException">maximumPayloadLength is negative.</exception>
        public HeldReplies(int maximumPayloadLength)
        {
            if (maximumPayloadLength < 0)
            {
                throw new ArgumentOutOfRangeException("maximumPayloadLength");
            }

            for (int slot = 0; slot < Capacity; slot++)
            {
                _payload[slot] = new byte[maximumPayloadLength];
            }
        }

        /// <summary>Replies held.</summary>
        public int Count { get; private set; }

        /// <summary>Due time of the earliest held reply, ms; <see cref="long.MaxValue"/> when none is held.</summary>
        public long NextDueAt
        {
            get
            {
                long next = long.MaxValue;
                for (int slot = 0; slot < Capacity; slot++)
                {
                    if (_used[slot] && _dueAt[slot] < next)
                    {
                        next = _dueAt[slot];
                    }
                }

                return next;
            }
        }

        /// <summary>Holds a copy of the reply until <paramref name="dueAt"/>; false (nothing held) when the table is full or the payload too long.</summary>
        /// <exception cref="ArgumentOutOfRangeException">length negative or beyond payload.</exception>
        public bool Hold(int handle, int opcode, byte[] payload, int length, long dueAt)
        {
            if (length < 0 || length > (payload == null ? 0 : payload.Length))
            {
                throw new ArgumentOutOfRangeException("length");
            }

            if (length > _payload[0].Length)
            {
                return false;
            }

            for (int slot = 0; slot < Capacity; slot++)
            {
                if (!_used[slot])
                {
                    _used[slot] = true;
                    _handle[slot] = handle;
                    _opcode[slot] = opcode;
                    _length[slot] = length;
                    _dueAt[slot] = dueAt;
                    if (length > 0)
                    {
                        Array.Copy(payload, 0, _payload[slot], 0, length);
                    }

                    Count++;
                    return true;
                }
            }

            return false;
        }

        /// <summary>The slot of the earliest reply due at <paramref name="nowMilliseconds"/> or before, -1 when none is; read it, then <see cref="Release"/> it.</summary>
        public int TakeDue(long nowMilliseconds)
        {
            int due = -1;
            for (int slot = 0; slot < Capacity; slot++)
            {
                if (_used[slot] && _dueAt[slot] <= nowMilliseconds && (due < 0 || _dueAt[slot] < _dueAt[due]))
                {
                    due = slot;
                }
            }

            return due;
        }

        /// <summary>Request handle of the reply in <paramref name="slot"/>.</summary>
        public int HandleAt(int slot) => _handle[slot];

        /// <summary>Opcode of the reply in <paramref name="slot"/>.</summary>
        public int OpcodeAt(int slot) => _opcode[slot];

        /// <summary>Payload buffer of the reply in <paramref name="slot"/> (its first <see cref="LengthAt"/> bytes).</summary>
        public byte[] PayloadAt(int slot) => _payload[slot];

        /// <summary>Payload length of the reply in <paramref name="slot"/>.</summary>
        public int LengthAt(int slot) => _length[slot];

        /// <summary>Due time of the reply in <paramref name="slot"/>, ms.</summary>
        public long DueAt(int slot) => _dueAt[slot];

        /// <summary>Frees <paramref name="slot"/> (its reply was sent).</summary>
        /// <exception cref="ArgumentOutOfRangeException">slot outside 0 to Capacity − 1.</exception>
        public void Release(int slot)
        {
            if (slot < 0 || slot >= Capacity)
            {
                throw new ArgumentOutOfRangeException("slot");
            }

            if (_used[slot])
            {
                _used[slot] = false;
                Count--;
            }
        }
    }
}
