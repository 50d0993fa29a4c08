using System;

namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// Fixed directed-forwarding paths toward one gateway, one per relay region (Mesh Protocol 1.1 directed forwarding, fixed paths
    /// installed with Forwarding Table Add / Forwarding Table Dependents Add; docs/directed-forwarding.md). Over the one-hop
    /// <see cref="NeighbourGraph"/> and the relays <see cref="RelaySelection"/> chose: the relays form a tree toward the gateway
    /// (breadth-first from it; a relay's parent is a neighbouring relay one step nearer, none when it hears the gateway); each other
    /// device is anchored to its neighbouring relay nearest the gateway (ties: the lowest index), or to none when it hears the
    /// gateway directly. The region path of relay r has path origin r, dependent origins the devices anchored to r, path target
    /// the gateway, and is held by r and every relay from r's parent to the gateway (<see cref="CarriesRegion"/>); each device that
    /// is not a relay holds one path of its own toward the gateway. Every path is two-way (backward path validated), so the gateway,
    /// which holds every region path and the own path of each device that hears it directly, reaches each device along it too.
    /// Devices no relay chain reaches get no path (they keep flooding), and so do the gateway's neighbours for which its table
    /// (<see cref="MaximumForwardingEntries"/>, region paths first, then neighbours by index) has no room: in one room of 200 every
    /// device hears the gateway, and 199 own paths would not fit; those devices flood, which in reach of the gateway costs only
    /// their own transmissions.
    /// Pure computation over indexes (the provisioner maps indexes to unicast addresses); O(n²) construction; not thread-safe.
    /// </summary>
    public sealed class DirectedPathPlan
    {
        /// <summary>Index meaning "no device".</summary>
        public const int NoDevice = -1;

        /// <summary>
        /// Forwarding-table entries a node holds per subnet: CONFIG_BLE_MESH_MAX_FORWARD_TABLE_ENTRY_COUNT, the top of its Kconfig range
        /// 2–64 (ESP-IDF v5.5.4 components/bt/esp_ble_mesh/Kconfig.in), as the firmware's sdkconfig fragment sets it.
        /// </summary>
        public const int MaximumForwardingEntries = 64;

        /// <summary>
        /// Dependent-origin address ranges one forwarding entry holds: CONFIG_BLE_MESH_MAX_DEPS_NODES_PER_PATH, the top of its Kconfig
        /// range 2–64, as the firmware's sdkconfig fragment sets it.
        /// </summary>
        public const int MaximumDependentRanges = 64;

        /// <summary>Longest unicast address range (its length is one octet: ESP-IDF's esp_ble_mesh_uar_t.range_length).</summary>
        private const int MaximumRangeLength = 255;

        private readonly NeighbourGraph _graph;
        private readonly bool[] _relays;
        private readonly int _gateway;
        private readonly int[] _depth;
        private readonly int[] _parent;
        private readonly int[] _anchor;
        private readonly bool[] _noRoomAtGateway;

        /// <summary>Plans the paths of <paramref name="graph"/>'s devices toward <paramref name="gateway"/> through <paramref name="relays"/>.</summary>
        /// <exception cref="ArgumentNullException">graph or relays is null.</exception>
        /// <exception cref="ArgumentException">relays does not have one flag per device.</exception>
        /// <exception cref="ArgumentOutOfRangeException">gateway outside the graph.</exception>
        public DirectedPathPlan(NeighbourGraph graph, bool[] relays, int gateway)
        {
            if (graph == null)
            {
                throw new ArgumentNullException("graph");
            }

            if (relays == null)
            {
                throw new ArgumentNullException("relays");
            }

            if (relays.Length != graph.Count)
            {
                throw new ArgumentException("one relay flag per device is needed: " + relays.Length + " for " + graph.Count + " devices", "relays");
            }

            if (gateway < 0 || gateway >= graph.Count)
            {
                throw new ArgumentOutOfRangeException("gateway");
            }

            _graph = graph;
            _relays = relays;
            _gateway = gateway;
            int count = graph.Count;
            _depth = new int[count];
            _parent = new int[count];
            _anchor = new int[count];
            _noRoomAtGateway = new bool[count];
            BuildRelayTree();
            AnchorDevices();
            LeaveNeighboursOutOfAFullGatewayTable();
        }

        /// <summary>Number of devices.</summary>
        public int Count => _depth.Length;

        /// <summary>The gateway's index: the path target of every path.</summary>
        public int Gateway => _gateway;

        /// <summary>True when <paramref name="device"/> is a relay other than the gateway (it holds region paths and relays directed PDUs).</summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside the graph.</exception>
        public bool IsPathRelay(int device)
        {
            CheckDevice(device);
            return device != _gateway && _relays[device];
        }

        /// <summary>Relay hops from <paramref name="device"/> to the gateway along its path (1 = it hears the gateway); 0 for the gateway; −1 without a path.</summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside the graph.</exception>
        public int HopsOf(int device)
        {
            CheckDevice(device);
            if (device == _gateway)
            {
                return 0;
            }

            if (_relays[device])
            {
                return _depth[device];
            }

            if (_graph.AreNeighbours(device, _gateway))
            {
                return 1;
            }

            return _anchor[device] == NoDevice ? -1 : _depth[_anchor[device]] + 1;
        }

        /// <summary>The next relay toward the gateway from relay <paramref name="relay"/>; <see cref="NoDevice"/> when it hears the gateway or has no path.</summary>
        /// <exception cref="ArgumentOutOfRangeException">relay outside the graph.</exception>
        public int ParentOf(int relay)
        {
            CheckDevice(relay);
            return _parent[relay];
        }

        /// <summary>The relay whose region <paramref name="device"/> belongs to; <see cref="NoDevice"/> for a relay, the gateway, a device that hears the gateway, or one without a path.</summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside the graph.</exception>
        public int AnchorOf(int device)
        {
            CheckDevice(device);
            return _anchor[device];
        }

        /// <summary>True when <paramref name="device"/> has a directed path to the gateway (the gateway itself has none).</summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside the graph.</exception>
        public bool HasPath(int device) => device != _gateway && HopsOf(device) > 0 && !_noRoomAtGateway[device];

        /// <summary>The devices anchored to relay <paramref name="relay"/> (its region path's dependent origins), ascending; empty for a device that is not a path relay.</summary>
        /// <exception cref="ArgumentOutOfRangeException">relay outside the graph.</exception>
        public int[] MembersOf(int relay)
        {
            CheckDevice(relay);
            int members = 0;
            for (int i = 0; i < _anchor.Length; i++)
            {
                members += _anchor[i] == relay ? 1 : 0;
            }

            int[] result = new int[members];
            int next = 0;
            for (int i = 0; i < _anchor.Length; i++)
            {
                if (_anchor[i] == relay)
                {
                    result[next++] = i;
                }
            }

            return result;
        }

        /// <summary>
        /// True when <paramref name="device"/> holds the region path of <paramref name="regionRelay"/>: it is that relay, a relay on its
        /// chain to the gateway, or the gateway (the path target).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">An index outside the graph.</exception>
        public bool CarriesRegion(int device, int regionRelay)
        {
            CheckDevice(device);
            CheckDevice(regionRelay);
            if (!IsPathRelay(regionRelay) || _depth[regionRelay] < 1)
            {
                return false;
            }

            if (device == _gateway)
            {
                return true;
            }

            for (int hop = regionRelay; hop != NoDevice; hop = _parent[hop])
            {
                if (hop == device)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="device"/> is not a relay and hears the gateway: its own path is one hop, held by the gateway too.</summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside the graph.</exception>
        public bool IsGatewayNeighbour(int device)
        {
            CheckDevice(device);
            return device != _gateway && !_relays[device] && _graph.AreNeighbours(device, _gateway);
        }

        /// <summary>
        /// Forwarding-table entries the plan installs on <paramref name="device"/>: on a path relay one per region path it carries; on the
        /// gateway every region path and each neighbour's own path; on any other device with a path its own one.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside the graph.</exception>
        public int EntriesAt(int device)
        {
            CheckDevice(device);
            int entries = 0;
            if (device == _gateway)
            {
                for (int i = 0; i < _relays.Length; i++)
                {
                    entries += (IsPathRelay(i) && _depth[i] > 0) || (IsGatewayNeighbour(i) && HasPath(i)) ? 1 : 0;
                }

                return entries;
            }

            if (!IsPathRelay(device))
            {
                return HasPath(device) ? 1 : 0;
            }

            for (int region = 0; region < _relays.Length; region++)
            {
                entries += CarriesRegion(device, region) ? 1 : 0;
            }

            return entries;
        }

        /// <summary>
        /// The path origins of the forwarding-table entries the plan installs on <paramref name="device"/>, ascending (as many as
        /// <see cref="EntriesAt"/>): on a device that is neither a path relay nor the gateway, itself when it has a path; on a path relay
        /// each region relay whose path it carries; on the gateway every region relay with a path and every gateway neighbour. Each
        /// entry's path target is the gateway and its dependent origins are <see cref="MembersOf"/> its origin (none for a device that is
        /// not a path relay); every entry is two-way.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">device outside the graph.</exception>
        public int[] PathOriginsAt(int device)
        {
            int[] origins = new int[EntriesAt(device)];
            int next = 0;
            for (int origin = 0; origin < _relays.Length && next < origins.Length; origin++)
            {
                bool held = device == _gateway ? CarriesRegion(device, origin) || (IsGatewayNeighbour(origin) && HasPath(origin))
                    : IsPathRelay(device) ? CarriesRegion(device, origin)
                    : origin == device && HasPath(device);
                if (held)
                {
                    origins[next++] = origin;
                }
            }

            return origins;
        }

        /// <summary>Marks the gateway's neighbours beyond the room its table leaves after the region paths (by index) as without a path.</summary>
        private void LeaveNeighboursOutOfAFullGatewayTable()
        {
            int used = 0;
            for (int i = 0; i < _relays.Length; i++)
            {
                used += IsPathRelay(i) && _depth[i] > 0 ? 1 : 0;
            }

            for (int i = 0; i < _relays.Length; i++)
            {
                if (IsGatewayNeighbour(i))
                {
                    _noRoomAtGateway[i] = used >= MaximumForwardingEntries;
                    used += _noRoomAtGateway[i] ? 0 : 1;
                }
            }
        }

        /// <summary>
        /// Unicast address ranges covering <paramref name="addresses"/> (ascending, no duplicates): consecutive addresses merge into one
        /// range; returned as (first address, length) pairs, as a dependent-origin list's unicast address ranges (length 1–255).
        /// </summary>
        /// <exception cref="ArgumentNullException">addresses is null.</exception>
        /// <exception cref="ArgumentException">addresses not strictly ascending.</exception>
        public static int[] AddressRanges(int[] addresses)
        {
            if (addresses == null)
            {
                throw new ArgumentNullException("addresses");
            }

            for (int i = 1; i < addresses.Length; i++)
            {
                if (addresses[i] <= addresses[i - 1])
                {
                    throw new ArgumentException("addresses must be strictly ascending (0x" + addresses[i].ToString("X4") + " after 0x" + addresses[i - 1].ToString("X4") + ")", "addresses");
                }
            }

            int[] result = new int[FillRanges(addresses, null) * 2];
            FillRanges(addresses, result);
            return result;
        }

        /// <summary>Counts the ranges of <paramref name="addresses"/> and, when <paramref name="ranges"/> is not null, writes them there as (first, length) pairs.</summary>
        private static int FillRanges(int[] addresses, int[] ranges)
        {
            int count = 0;
            int length = 0;
            for (int i = 0; i < addresses.Length; i++)
            {
                if (i == 0 || addresses[i] != addresses[i - 1] + 1 || length == MaximumRangeLength)
                {
                    count++;
                    length = 0;
                    if (ranges != null)
                    {
                        ranges[(count - 1) * 2] = addresses[i];
                    }
                }

                length++;
                if (ranges != null)
                {
                    ranges[(count - 1) * 2 + 1] = length;
                }
            }

            return count;
        }

        private void BuildRelayTree()
        {
            int count = _depth.Length;
            int[] queue = new int[count];
            int head = 0;
            int tail = 0;
            for (int i = 0; i < count; i++)
            {
                _depth[i] = -1;
                _parent[i] = NoDevice;
                if (i != _gateway && _relays[i] && _graph.AreNeighbours(i, _gateway))
                {
                    _depth[i] = 1;
                    queue[tail++] = i;
                }
            }

            while (head < tail)
            {
                int relay = queue[head++];
                for (int next = 0; next < count; next++)
                {
                    if (next != _gateway && _relays[next] && _depth[next] < 0 && _graph.AreNeighbours(relay, next))
                    {
                        _depth[next] = _depth[relay] + 1;
                        _parent[next] = relay;
                        queue[tail++] = next;
                    }
                }
            }
        }

        private void AnchorDevices()
        {
            int count = _anchor.Length;
            for (int device = 0; device < count; device++)
            {
                _anchor[device] = NoDevice;
                if (device == _gateway || _relays[device] || _graph.AreNeighbours(device, _gateway))
                {
                    continue;
                }

                for (int relay = 0; relay < count; relay++)
                {
                    if (relay != _gateway && _relays[relay] && _depth[relay] > 0 && _graph.AreNeighbours(device, relay)
                        && (_anchor[device] == NoDevice || _depth[relay] < _depth[_anchor[device]]))
                    {
                        _anchor[device] = relay;
                    }
                }
            }
        }

        private void CheckDevice(int device)
        {
            if (device < 0 || device >= _depth.Length)
            {
                throw new ArgumentOutOfRangeException("device");
            }
        }
    }
}
