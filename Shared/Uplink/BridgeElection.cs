namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// Which uplink-capable node bridges the mesh to MQTT (issue "MQTT uplink"): every candidate sends a heartbeat every
    /// <see cref="HeartbeatPeriodMilliseconds"/>; the live candidate with the lowest unicast address is the bridge; a candidate
    /// not heard for <see cref="SilenceTimeoutMilliseconds"/> is dead. So when the bridge loses power, the next one takes
    /// over within <see cref="TakeoverBoundMilliseconds"/>, and two bridges publish together at most until the lower one's
    /// next heartbeat arrives (one heartbeat period; duplicates are recognisable by the readings' per-node sequence numbers). A
    /// candidate that has just started listens for <see cref="ListenMilliseconds"/> before it may claim the bridge, so a rebooting
    /// node with a higher address does not publish alongside the live bridge it has not heard yet.
    /// Pure logic over the caller's clock; not thread-safe (the image's worker owns it).
    /// </summary>
    public sealed class BridgeElection
    {
        /// <summary>Heartbeat period of a candidate, ms.</summary>
        public const int HeartbeatPeriodMilliseconds = 5000;

        /// <summary>Silence after which a candidate counts as gone: three missed heartbeats, ms.</summary>
        public const int SilenceTimeoutMilliseconds = 3 * HeartbeatPeriodMilliseconds;

        /// <summary>Longest time from the bridge's last heartbeat to its successor taking over, ms (the successor notices the
        /// silence at its next evaluation, done at least once per heartbeat period).</summary>
        public const int TakeoverBoundMilliseconds = SilenceTimeoutMilliseconds + HeartbeatPeriodMilliseconds;

        /// <summary>Time a newly started candidate listens before it may bridge: one heartbeat period and a second of margin, ms.</summary>
        public const int ListenMilliseconds = HeartbeatPeriodMilliseconds + 1000;

        // Candidates held before the tables grow (doubling): arrays, not a Hashtable, so that evaluating the election (every
        // tick) allocates no enumerator and a heartbeat boxes no time (issue 16).
        private const int InitialCandidates = 4;

        private int[] _heardAddresses = new int[InitialCandidates]; // the candidates heard, in the order first heard
        private long[] _heardAt = new long[InitialCandidates]; // when each was last heard, ms
        private int _heardCount;
        private readonly int _ownAddress;
        private readonly bool _candidate;
        private readonly long _startedAt;

        /// <summary>The election as node <paramref name="ownAddress"/> sees it from <paramref name="startedAtMilliseconds"/> on;
        /// <paramref name="uplinkCapable"/> when this node has Wi-Fi and a broker configured.</summary>
        public BridgeElection(int ownAddress, bool uplinkCapable, long startedAtMilliseconds)
        {
            _ownAddress = ownAddress;
            _candidate = uplinkCapable && ownAddress > 0 && ownAddress < 0x8000;
            _startedAt = startedAtMilliseconds;
        }

        /// <summary>True when this node takes part as a candidate.</summary>
        public bool IsCandidate => _candidate;

        /// <summary>A heartbeat from candidate <paramref name="address"/> at <paramref name="nowMilliseconds"/> (own and non-unicast addresses ignored).</summary>
        public void HeardHeartbeat(int address, long nowMilliseconds)
        {
            if (address > 0 && address < 0x8000 && address != _ownAddress)
            {
                for (int i = 0; i < _heardCount; i++)
                {
                    if (_heardAddresses[i] == address)
                    {
                        _heardAt[i] = nowMilliseconds;
                        return;
                    }
                }

                if (_heardCount == _heardAddresses.Length)
                {
                    Grow();
                }

                _heardAddresses[_heardCount] = address;
                _heardAt[_heardCount] = nowMilliseconds;
                _heardCount++;
            }
        }

        /// <summary>The bridge at <paramref name="nowMilliseconds"/>: the lowest live candidate's address (this node's own when it is
        /// a candidate and lowest); 0 when no candidate is alive.</summary>
        public int CurrentBridge(long nowMilliseconds)
        {
            int lowest = _candidate ? _ownAddress : 0;
            for (int i = 0; i < _heardCount; i++)
            {
                int address = _heardAddresses[i];
                if (nowMilliseconds - _heardAt[i] < SilenceTimeoutMilliseconds && (lowest == 0 || address < lowest))
                {
                    lowest = address;
                }
            }

            return lowest;
        }

        /// <summary>True when this node should bridge at <paramref name="nowMilliseconds"/> (never within its listening time).</summary>
        public bool IsBridge(long nowMilliseconds)
        {
            return _candidate && nowMilliseconds - _startedAt >= ListenMilliseconds && CurrentBridge(nowMilliseconds) == _ownAddress;
        }

        private void Grow()
        {
            int[] addresses = new int[_heardAddresses.Length * 2];
            long[] heardAt = new long[addresses.Length];
            System.Array.Copy(_heardAddresses, addresses, _heardCount);
            System.Array.Copy(_heardAt, heardAt, _heardCount);
            _heardAddresses = addresses;
            _heardAt = heardAt;
        }
    }
}
