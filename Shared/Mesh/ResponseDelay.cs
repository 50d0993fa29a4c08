using System;

namespace DcMonitor.Shared.Mesh
{
    /// <summary>
    /// The random wait before a node answers a group-addressed request (Mesh Profile 1.0.1 §3.7.3.1: a response to a message
    /// sent to a group or virtual address is sent after a random delay of 20 to 500 ms, so the answers of many nodes do not
    /// collide on the air). Uniform over 20–500 ms inclusive from a 32-bit xorshift generator (Marsaglia 2003) seeded per node,
    /// so two nodes draw different sequences and a given node (seed) always draws the same one. No allocation per draw; not
    /// thread-safe (owned by the node's worker).
    /// </summary>
    public sealed class ResponseDelay
    {
        /// <summary>Shortest delay, ms (§3.7.3.1).</summary>
        public const int MinimumMilliseconds = 20;

        /// <summary>Longest delay, ms (§3.7.3.1).</summary>
        public const int MaximumMilliseconds = 500;

        private uint _state;

        /// <summary>A generator for one node; <paramref name="seed"/> is e.g. the node's unicast address (any value; 0 is replaced, xorshift needs a non-zero state).</summary>
        public ResponseDelay(int seed)
        {
            uint mixed = (uint)seed * 2654435761u; // Knuth's multiplicative hash spreads neighbouring addresses apart
            _state = mixed == 0 ? 0x9E3779B9u : mixed;
        }

        /// <summary>The next delay, 20–500 ms.</summary>
        public int NextMilliseconds()
        {
            return NextMilliseconds(MaximumMilliseconds);
        }

        /// <summary>
        /// The next delay, uniform over <see cref="MinimumMilliseconds"/>–<paramref name="windowMilliseconds"/> inclusive: a request
        /// that carries a larger response window (this firmware's binary ALL, sized by the gateway to the nodes it knows,
        /// <see cref="BinaryCommandCodec"/>) spreads its answers over it; 500 gives exactly <see cref="NextMilliseconds()"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">windowMilliseconds below <see cref="MinimumMilliseconds"/>.</exception>
        public int NextMilliseconds(int windowMilliseconds)
        {
            if (windowMilliseconds < MinimumMilliseconds)
            {
                throw new ArgumentOutOfRangeException("windowMilliseconds");
            }

            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return MinimumMilliseconds + (int)(x % (uint)(windowMilliseconds - MinimumMilliseconds + 1));
        }
    }
}
