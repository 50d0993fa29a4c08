using DcMonitor.Shared.Mesh;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// What an uplink candidate knows of each node it heard on the uplink group, in fixed arrays indexed by node id (0 to
    /// <see cref="NodeAddressing.MaximumNodes"/> − 1, addresses 0x0005–0x00FE): when its last reading report arrived, whether it
    /// was declared offline since, its last energy counter, when the bridge last asked its identity, the highest reading sequence
    /// heard and how many readings were missed on the mesh (<see cref="RecordSequence"/>). Arrays rather than
    /// Hashtables so that recording a report boxes no address or time and the availability check of every tick enumerates
    /// nothing (issue 16). An address that is not a node's is not tracked: <see cref="IsTracked"/> says so, and the caller reports it.
    /// Not thread-safe: the worker owns it.
    /// </summary>
    public sealed class HeardNodeTable
    {
        private const long Never = long.MinValue;

        private readonly long[] _heardAt = new long[NodeAddressing.MaximumNodes];
        private readonly bool[] _offline = new bool[NodeAddressing.MaximumNodes];
        private readonly uint[] _energy = new uint[NodeAddressing.MaximumNodes];
        private readonly bool[] _energyKnown = new bool[NodeAddressing.MaximumNodes];
        private readonly long[] _identityAskedAt = new long[NodeAddressing.MaximumNodes];
        private readonly int[] _lastSequence = new int[NodeAddressing.MaximumNodes];
        private int _heardCount;

        /// <summary>
        /// How far behind the highest sequence heard a reading may come and still be a late copy (a takeover's replay, a QoS 1 resend
        /// heard twice) rather than a node that started numbering again (its flash erased): the 256 readings a candidate keeps for a
        /// takeover (UplinkBridge.ShadowCapacity).
        /// </summary>
        public const int LateCopyWindow = 256;

        /// <summary>An empty table: no node heard.</summary>
        public HeardNodeTable()
        {
            for (int i = 0; i < NodeAddressing.MaximumNodes; i++)
            {
                _heardAt[i] = Never;
                _identityAskedAt[i] = Never;
                _lastSequence[i] = -1;
            }
        }

        /// <summary>Nodes whose reading reports were heard at least once.</summary>
        public int HeardCount => _heardCount;

        /// <summary>True when <paramref name="address"/> is a node's (0x0005–0x00FE) and so has a row in the table.</summary>
        public static bool IsTracked(int address)
        {
            return NodeAddressing.NodeIdOf(address) >= 0;
        }

        /// <summary>
        /// A reading report from <paramref name="address"/> at <paramref name="nowMilliseconds"/>: true when the node had been declared
        /// offline (it is online again; the caller announces it). False, and nothing recorded, for an address that is not tracked.
        /// </summary>
        public bool Heard(int address, long nowMilliseconds)
        {
            int node = NodeAddressing.NodeIdOf(address);
            if (node < 0)
            {
                return false;
            }

            if (_heardAt[node] == Never)
            {
                _heardCount++;
            }

            _heardAt[node] = nowMilliseconds;
            bool wasOffline = _offline[node];
            _offline[node] = false;
            return wasOffline;
        }

        /// <summary>True when <paramref name="address"/> was heard and not declared offline since.</summary>
        public bool IsOnline(int address)
        {
            int node = NodeAddressing.NodeIdOf(address);
            return node >= 0 && _heardAt[node] != Never && !_offline[node];
        }

        /// <summary>
        /// Declares offline the next heard node, from node id <paramref name="startNodeId"/> on, silent for more than
        /// <paramref name="silenceMilliseconds"/> at <paramref name="nowMilliseconds"/> and not offline yet; returns its address, or 0
        /// when none is left. The caller loops from node id 0, continuing after each address returned (its node id + 1).
        /// </summary>
        public int NextFallenSilent(int startNodeId, long nowMilliseconds, long silenceMilliseconds)
        {
            for (int node = startNodeId < 0 ? 0 : startNodeId; node < NodeAddressing.MaximumNodes; node++)
            {
                if (_heardAt[node] != Never && !_offline[node] && nowMilliseconds - _heardAt[node] > silenceMilliseconds)
                {
                    _offline[node] = true;
                    return NodeAddressing.UnicastOf(node);
                }
            }

            return 0;
        }

        /// <summary>
        /// Records reading <paramref name="sequence"/> (0–65 535, wrapping) of <paramref name="address"/> and returns how many of the node's
        /// readings between the highest heard before and this one never arrived: 0 for the first reading heard, a repeat, a late copy
        /// (at most <see cref="LateCopyWindow"/> behind, not recorded) or a node that started numbering again (further behind: recorded
        /// as its new highest); else the gap, added to <see cref="MissedTotal"/>. Reports travel the mesh unacknowledged (three network
        /// transmissions each), so a gap means every copy of those reports was lost on the way. 0 for an address that is not tracked.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">sequence outside 0–65 535.</exception>
        public int RecordSequence(int address, int sequence)
        {
            if (sequence < 0 || sequence > 0xFFFF)
            {
                throw new System.ArgumentOutOfRangeException("sequence", "sequence " + sequence.ToString() + " outside 0-65535");
            }

            int node = NodeAddressing.NodeIdOf(address);
            if (node < 0)
            {
                return 0;
            }

            int last = _lastSequence[node];
            _lastSequence[node] = sequence;
            if (last < 0)
            {
                return 0;
            }

            int ahead = (sequence - last) & 0xFFFF;
            if (ahead == 0 || ahead > 0x10000 - LateCopyWindow)
            {
                _lastSequence[node] = last; // a repeat or a late copy: the highest stays
                return 0;
            }

            if (ahead > 0x8000)
            {
                return 0; // far behind: the node numbers from the start again
            }

            MissedTotal += ahead - 1;
            return ahead - 1;
        }

        /// <summary>Readings of every node missed on the mesh so far (<see cref="RecordSequence"/>).</summary>
        public int MissedTotal { get; private set; }

        /// <summary>Records the energy counter (mWh) <paramref name="address"/> reported (ignored for an address that is not tracked).</summary>
        public void SetEnergy(int address, uint energyMilliwattHours)
        {
            int node = NodeAddressing.NodeIdOf(address);
            if (node >= 0)
            {
                _energy[node] = energyMilliwattHours;
                _energyKnown[node] = true;
            }
        }

        /// <summary>The last energy counter (mWh) <paramref name="address"/> reported; false (and 0) when none was.</summary>
        public bool TryGetEnergy(int address, out uint energyMilliwattHours)
        {
            int node = NodeAddressing.NodeIdOf(address);
            bool known = node >= 0 && _energyKnown[node];
            energyMilliwattHours = known ? _energy[node] : 0u;
            return known;
        }

        /// <summary>
        /// True, and the time recorded, when the bridge may ask <paramref name="address"/> for its identity at
        /// <paramref name="nowMilliseconds"/>: never asked, or asked at least <paramref name="intervalMilliseconds"/> ago. False for an
        /// address that is not tracked (it has no row to hold the time; its readings go out under its address).
        /// </summary>
        public bool TryMarkIdentityAsked(int address, long nowMilliseconds, long intervalMilliseconds)
        {
            int node = NodeAddressing.NodeIdOf(address);
            if (node < 0)
            {
                return false;
            }

            if (_identityAskedAt[node] != Never && nowMilliseconds - _identityAskedAt[node] < intervalMilliseconds)
            {
                return false;
            }

            _identityAskedAt[node] = nowMilliseconds;
            return true;
        }
    }
}
