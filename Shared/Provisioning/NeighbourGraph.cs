using System;

namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// Who hears whom directly (one hop) among the mesh's devices, indexed 0 to <see cref="Count"/> − 1 (the provisioner
    /// maps indexes to unicast addresses). Links are symmetric: a link measured in one direction (node A counted heartbeats
    /// from B at 1 hop) is taken for both, since advertising bearers on the same PHY and power are reciprocal to first order;
    /// docs/relay-selection.md discusses the asymmetric case. Stored as a bit matrix: at 250 devices 7.8 kB. Not thread-safe.
    /// </summary>
    public sealed class NeighbourGraph
    {
        /// <summary>Largest number of devices a graph holds (250 nodes, the provisioner and spare, issue 15 part 4).</summary>
        public const int MaximumCount = 256;

        private readonly int _count;
        private readonly int _wordsPerRow;
        private readonly int[] _bits;

        /// <summary>Creates a graph of <paramref name="count"/> devices and no links.</summary>
        /// <exception cref="ArgumentOutOfRangeException">count outside 0–<see cref="MaximumCount"/>.</exception>
        public NeighbourGraph(int count)
        {
            if (count < 0 || count > MaximumCount)
            {
                throw new ArgumentOutOfRangeException("count", "device count " + count.ToString() + " outside 0-" + MaximumCount.ToString());
            }

            _count = count;
            _wordsPerRow = (count + 31) / 32;
            _bits = new int[_wordsPerRow * count];
        }

        /// <summary>Number of devices.</summary>
        public int Count => _count;

        /// <summary>Records that <paramref name="first"/> and <paramref name="second"/> hear each other directly.</summary>
        /// <exception cref="ArgumentOutOfRangeException">An index outside 0 to Count − 1, or a link of a device to itself.</exception>
        public void Link(int first, int second)
        {
            Check(first, "first");
            Check(second, "second");
            if (first == second)
            {
                throw new ArgumentOutOfRangeException("second", "a device is not its own neighbour");
            }

            Set(first, second, true);
            Set(second, first, true);
        }

        /// <summary>Removes every link of <paramref name="device"/> (it disappeared: its heartbeats stopped).</summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside 0 to Count − 1.</exception>
        public void Isolate(int device)
        {
            Check(device, "device");
            for (int other = 0; other < _count; other++)
            {
                Set(device, other, false);
                Set(other, device, false);
            }
        }

        /// <summary>True when the two devices hear each other directly (false for a device and itself).</summary>
        /// <exception cref="ArgumentOutOfRangeException">An index outside 0 to Count − 1.</exception>
        public bool AreNeighbours(int first, int second)
        {
            Check(first, "first");
            Check(second, "second");
            return Get(first, second);
        }

        /// <summary>Number of direct neighbours of <paramref name="device"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside 0 to Count − 1.</exception>
        public int Degree(int device)
        {
            Check(device, "device");
            int degree = 0;
            for (int other = 0; other < _count; other++)
            {
                if (Get(device, other))
                {
                    degree++;
                }
            }

            return degree;
        }

        /// <summary>True when every device reaches every other over links (an empty graph and a single device are connected).</summary>
        public bool IsConnected()
        {
            if (_count <= 1)
            {
                return true;
            }

            bool[] reached = new bool[_count];
            int[] frontier = new int[_count];
            int head = 0;
            int tail = 0;
            reached[0] = true;
            frontier[tail++] = 0;
            while (head < tail)
            {
                int device = frontier[head++];
                for (int other = 0; other < _count; other++)
                {
                    if (!reached[other] && Get(device, other))
                    {
                        reached[other] = true;
                        frontier[tail++] = other;
                    }
                }
            }

            return tail == _count;
        }

        internal bool Get(int first, int second)
        {
            return (_bits[first * _wordsPerRow + (second >> 5)] & (1 << (second & 31))) != 0;
        }

        private void Set(int first, int second, bool linked)
        {
            int word = first * _wordsPerRow + (second >> 5);
            int mask = 1 << (second & 31);
            _bits[word] = linked ? _bits[word] | mask : _bits[word] & ~mask;
        }

        private void Check(int device, string name)
        {
            if (device < 0 || device >= _count)
            {
                throw new ArgumentOutOfRangeException(name, "device " + device.ToString() + " outside 0-" + (_count - 1).ToString());
            }
        }
    }
}
