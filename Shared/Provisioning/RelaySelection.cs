using System;

namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// Chooses which devices turn the Relay feature on (issue 15 part 3; docs/relay-selection.md): a connected dominating
    /// set of the one-hop <see cref="NeighbourGraph"/>, grown greedily (Guha and Khuller's first heuristic): start from the
    /// devices that always relay (relay node images) or else from the device with most neighbours, then repeatedly make the
    /// covered, relay-capable device with most uncovered neighbours a relay, and finally join any separate groups of relays by
    /// shortest paths. Guarantee when <see cref="IsComplete"/>: every device either is a relay or hears one, and the relays hear
    /// each other as one connected set, so any two devices reach each other directly or through relays only. A graph in which
    /// every device hears every other (one room) needs no relay and gets none besides the forced ones.
    /// <para>Failure behaviour: when the graph is not connected (a device heard by nobody) or the devices that cannot relay
    /// (the provisioner) cut it, no relay set can serve everyone; then every relay-capable device is selected (today's
    /// all-relay behaviour, never worse) and <see cref="IsComplete"/> is false. Pure computation, no allocation after
    /// construction besides the result; O(n²) per added relay over the bit matrix; not thread-safe.</para>
    /// </summary>
    public sealed class RelaySelection
    {
        private const int Uncovered = 0;
        private const int Covered = 1;
        private const int Relay = 2;

        private readonly NeighbourGraph _graph;
        private readonly bool[] _alwaysRelays;
        private readonly bool[] _neverRelays;
        private readonly int[] _state;
        private readonly int[] _component;
        private readonly int[] _queue;
        private readonly int[] _previous;

        /// <summary>A selection over <paramref name="graph"/>; every device may relay until marked otherwise.</summary>
        /// <exception cref="ArgumentNullException">graph is null.</exception>
        public RelaySelection(NeighbourGraph graph)
        {
            if (graph == null)
            {
                throw new ArgumentNullException("graph");
            }

            _graph = graph;
            int count = graph.Count;
            _alwaysRelays = new bool[count];
            _neverRelays = new bool[count];
            _state = new int[count];
            _component = new int[count];
            _queue = new int[count];
            _previous = new int[count];
        }

        /// <summary>True when the last <see cref="Select"/> met the guarantee; false when it fell back to every capable device relaying.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>Marks a device that relays whatever the selection (a relay node image, seed §7).</summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside the graph.</exception>
        /// <exception cref="InvalidOperationException">The device was marked as never relaying.</exception>
        public void AlwaysRelays(int device)
        {
            CheckDevice(device);
            if (_neverRelays[device])
            {
                throw new InvalidOperationException("device " + device.ToString() + " cannot relay");
            }

            _alwaysRelays[device] = true;
        }

        /// <summary>Marks a device that cannot relay (the provisioner keeps the Relay feature off, seed §6); it still needs to be served.</summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside the graph.</exception>
        /// <exception cref="InvalidOperationException">The device was marked as always relaying.</exception>
        public void NeverRelays(int device)
        {
            CheckDevice(device);
            if (_alwaysRelays[device])
            {
                throw new InvalidOperationException("device " + device.ToString() + " always relays");
            }

            _neverRelays[device] = true;
        }

        /// <summary>Computes the relays: element i true when device i turns Relay on. Sets <see cref="IsComplete"/>.</summary>
        public bool[] Select()
        {
            int count = _graph.Count;
            for (int device = 0; device < count; device++)
            {
                _state[device] = Uncovered;
            }

            for (int device = 0; device < count; device++)
            {
                if (_alwaysRelays[device])
                {
                    MakeRelay(device);
                }
            }

            if (!EveryPairIsNeighbours())
            {
                Dominate();
                ConnectRelays();
            }

            IsComplete = Satisfied();
            bool[] relays = new bool[count];
            for (int device = 0; device < count; device++)
            {
                relays[device] = IsComplete ? _state[device] == Relay : !_neverRelays[device];
            }

            return relays;
        }

        /// <summary>Grows relays until every device is a relay or hears one.</summary>
        private void Dominate()
        {
            while (true)
            {
                bool anyRelay = false;
                bool anyUncovered = false;
                for (int device = 0; device < _graph.Count; device++)
                {
                    anyRelay |= _state[device] == Relay;
                    anyUncovered |= _state[device] == Uncovered;
                }

                if (!anyUncovered)
                {
                    return;
                }

                // Prefer a device next to the relays (keeps them connected); else start a new group, joined later.
                int best = BestCandidate(anyRelay);
                if (best < 0)
                {
                    best = BestCandidate(false);
                }

                if (best < 0)
                {
                    return; // what is left cannot be served by a relay-capable device
                }

                MakeRelay(best);
            }
        }

        /// <summary>The relay-capable device (covered by a relay when <paramref name="nextToRelays"/>) covering most uncovered devices; -1 when none covers any.</summary>
        private int BestCandidate(bool nextToRelays)
        {
            int best = -1;
            int bestGain = 0;
            for (int device = 0; device < _graph.Count; device++)
            {
                if (_state[device] == Relay || _neverRelays[device] || (nextToRelays && _state[device] != Covered))
                {
                    continue;
                }

                int gain = _state[device] == Uncovered ? 1 : 0;
                for (int other = 0; other < _graph.Count; other++)
                {
                    if (_state[other] == Uncovered && _graph.Get(device, other))
                    {
                        gain++;
                    }
                }

                if (gain > bestGain)
                {
                    best = device;
                    bestGain = gain;
                }
            }

            return best;
        }

        /// <summary>Joins separate groups of relays through shortest paths of relay-capable devices.</summary>
        private void ConnectRelays()
        {
            while (LabelRelayGroups() > 1)
            {
                if (!JoinFirstGroup())
                {
                    return;
                }
            }
        }

        /// <summary>Labels each relay with its group (connected over relay-relay links) in <see cref="_component"/>; returns the number of groups.</summary>
        private int LabelRelayGroups()
        {
            int count = _graph.Count;
            for (int device = 0; device < count; device++)
            {
                _component[device] = -1;
            }

            int groups = 0;
            for (int start = 0; start < count; start++)
            {
                if (_state[start] != Relay || _component[start] >= 0)
                {
                    continue;
                }

                int head = 0;
                int tail = 0;
                _component[start] = groups;
                _queue[tail++] = start;
                while (head < tail)
                {
                    int device = _queue[head++];
                    for (int other = 0; other < count; other++)
                    {
                        if (_state[other] == Relay && _component[other] < 0 && _graph.Get(device, other))
                        {
                            _component[other] = groups;
                            _queue[tail++] = other;
                        }
                    }
                }

                groups++;
            }

            return groups;
        }

        /// <summary>Breadth-first from group 0 through relay-capable devices to the nearest relay of another group; makes the path's devices relays.</summary>
        private bool JoinFirstGroup()
        {
            int count = _graph.Count;
            int head = 0;
            int tail = 0;
            for (int device = 0; device < count; device++)
            {
                _previous[device] = -2;
                if (_component[device] == 0)
                {
                    _previous[device] = -1;
                    _queue[tail++] = device;
                }
            }

            while (head < tail)
            {
                int device = _queue[head++];
                for (int other = 0; other < count; other++)
                {
                    if (_previous[other] != -2 || _neverRelays[other] || !_graph.Get(device, other))
                    {
                        continue;
                    }

                    _previous[other] = device;
                    if (_state[other] == Relay)
                    {
                        for (int step = device; _component[step] != 0; step = _previous[step])
                        {
                            MakeRelay(step);
                            _component[step] = 0;
                        }

                        return true;
                    }

                    _queue[tail++] = other;
                }
            }

            return false;
        }

        private void MakeRelay(int device)
        {
            _state[device] = Relay;
            for (int other = 0; other < _graph.Count; other++)
            {
                if (_state[other] == Uncovered && _graph.Get(device, other))
                {
                    _state[other] = Covered;
                }
            }
        }

        private bool EveryPairIsNeighbours()
        {
            for (int first = 0; first < _graph.Count; first++)
            {
                for (int second = first + 1; second < _graph.Count; second++)
                {
                    if (!_graph.Get(first, second))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>The guarantee: every pair hears each other, or the relays are one connected group that every device is in or hears.</summary>
        private bool Satisfied()
        {
            if (EveryPairIsNeighbours())
            {
                return true;
            }

            if (LabelRelayGroups() != 1)
            {
                return false;
            }

            for (int device = 0; device < _graph.Count; device++)
            {
                if (_state[device] == Uncovered)
                {
                    return false;
                }
            }

            return true;
        }

        private void CheckDevice(int device)
        {
            if (device < 0 || device >= _graph.Count)
            {
                throw new ArgumentOutOfRangeException("device", "device " + device.ToString() + " outside 0-" + (_graph.Count - 1).ToString());
            }
        }
    }
}
