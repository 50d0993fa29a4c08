using DcMonitor.MeshInterop;
using DcMonitor.Provisioner.Storage;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Provisioner.Provisioning
{
    /// <summary>
    /// The Directed Forwarding Configuration Client requests that give every node its fixed paths toward the gateways (issue 15 part 6;
    /// docs/directed-forwarding.md "Installing the paths"), sent by <see cref="RelayPlanner"/> after each relay selection's Relay Sets, one
    /// at a time, each acknowledged and retried like the survey's requests. For each gateway a <see cref="DirectedPathPlan"/> over the
    /// selection's one-hop graph and relays gives each node its path origins; a node then gets, per entry, Forwarding Table Add (two-way,
    /// path target the gateway; bearer toward an end the node is itself: none) and, for a region path, Forwarding Table Dependents Add with
    /// its members' address ranges; once every table is sent, Directed Control Set — the path relays first, so that no node sends
    /// directed before the relays of its path forward directed PDUs: Directed Forwarding on when it holds an entry or relays directed
    /// PDUs, Directed Relay on at a path relay of any gateway's plan. Every request is idempotent (an entry already held is kept, a range held
    /// is not added twice), so a plan sent again after a power cut or a re-selection changes nothing that is already right.
    /// Gateways: the node ids <see cref="Gateways"/> names (console <c>gateway</c>, kept by <see cref="GatewayStore"/>), else the first
    /// admitted universal node (the lowest address that is not a relay node image). Work queue only.
    /// </summary>
    public sealed class DirectedPathInstaller
    {
        private readonly GatewayStore _store;
        private readonly NodeLog _log;

        /// <summary>Receives one request for device <paramref name="device"/> of the selection graph.</summary>
        public delegate void RequestSink(int device, int opcode, byte[] parameters);

        /// <summary>An installer whose gateways <paramref name="store"/> keeps, reporting to <paramref name="log"/>.</summary>
        public DirectedPathInstaller(GatewayStore store, NodeLog log)
        {
            _store = store;
            _log = log;
            Gateways = store.Load();
        }

        /// <summary>The gateways named on the console (or the default).</summary>
        public GatewayList Gateways { get; private set; }

        /// <summary>Addresses of the gateways the last plan led paths to (empty before the first).</summary>
        public int[] PlannedGatewayAddresses { get; private set; } = new int[0];

        /// <summary>Requests planned by the last call of <see cref="Plan"/>.</summary>
        public int PlannedRequests { get; private set; }

        /// <summary>Names the gateways and keeps them on flash; the paths follow at the next relay plan.</summary>
        public void SetGateways(GatewayList gateways)
        {
            _store.Save(gateways);
            Gateways = gateways;
        }

        /// <summary>
        /// Plans the requests for the devices of <paramref name="graph"/> (device 0 the provisioner, which gets none; device d's unicast
        /// address <paramref name="addresses"/>[d]; <paramref name="relayNodeImages"/>[d] true for a relay node image) with the relays
        /// <paramref name="relays"/> chose, handing each to <paramref name="sink"/> in sending order.
        /// </summary>
        public void Plan(NeighbourGraph graph, bool[] relays, int[] addresses, bool[] relayNodeImages, RequestSink sink)
        {
            int[] gateways = GatewayDevices(addresses, relayNodeImages);
            DirectedPathPlan[] plans = new DirectedPathPlan[gateways.Length];
            string list = "";
            PlannedGatewayAddresses = new int[gateways.Length];
            for (int g = 0; g < gateways.Length; g++)
            {
                plans[g] = new DirectedPathPlan(graph, relays, gateways[g]);
                PlannedGatewayAddresses[g] = addresses[gateways[g]];
                list += " 0x" + addresses[gateways[g]].ToString("X4");
            }

            int requests = 0;
            bool[] holds = new bool[graph.Count];
            bool[] pathRelay = new bool[graph.Count];
            for (int device = 1; device < graph.Count; device++)
            {
                for (int g = 0; g < plans.Length; g++)
                {
                    int gateway = addresses[gateways[g]];
                    pathRelay[device] |= plans[g].IsPathRelay(device);
                    int[] origins = plans[g].PathOriginsAt(device);
                    for (int i = 0; i < origins.Length; i++)
                    {
                        if (origins[i] == 0)
                        {
                            continue; // the provisioner sends no directed messages
                        }

                        int origin = addresses[origins[i]];
                        holds[device] = true;
                        sink(device, DirectedForwardingMessages.ForwardingTableAdd, DirectedForwardingMessages.ForwardingTableAddParameters(0, origin, gateway, true,
                            origins[i] == device ? DirectedForwardingMessages.NoBearer : DirectedForwardingMessages.AdvertisingBearer,
                            device == gateways[g] ? DirectedForwardingMessages.NoBearer : DirectedForwardingMessages.AdvertisingBearer));
                        requests++;
                        int[] ranges = DependentRanges(plans[g].MembersOf(origins[i]), addresses, origin);
                        if (ranges.Length > 0)
                        {
                            sink(device, DirectedForwardingMessages.ForwardingTableDependentsAdd,
                                DirectedForwardingMessages.ForwardingTableDependentsAddParameters(0, origin, gateway, ranges));
                            requests++;
                        }
                    }
                }
            }

            // Directed Control Sets last, the path relays first: no node sends directed before its path's relays forward directed PDUs.
            for (int pass = 0; pass < 2; pass++)
            {
                for (int device = 1; device < graph.Count; device++)
                {
                    if (pathRelay[device] == (pass == 0))
                    {
                        sink(device, DirectedForwardingMessages.DirectedControlSet,
                            DirectedForwardingMessages.DirectedControlSetParameters(0, holds[device] || pathRelay[device], pathRelay[device]));
                        requests++;
                    }
                }
            }

            PlannedRequests = requests;
            _log.Write("paths", gateways.Length == 0 ? "no gateway in the mesh: no directed paths" : "installing directed paths toward" + list + ": " + requests.ToString() + " requests");
        }

        /// <summary>The members' address ranges, at most DirectedForwardingMessages.MaximumDependentRanges (the rest keep flooding; logged).</summary>
        private int[] DependentRanges(int[] members, int[] addresses, int origin)
        {
            int[] memberAddresses = new int[members.Length];
            for (int i = 0; i < members.Length; i++)
            {
                memberAddresses[i] = addresses[members[i]];
            }

            SortAscending(memberAddresses);
            int[] ranges = DirectedPathPlan.AddressRanges(memberAddresses);
            int maximum = DirectedForwardingMessages.MaximumDependentRanges * 2;
            if (ranges.Length <= maximum)
            {
                return ranges;
            }

            _log.Write("paths", "region of 0x" + origin.ToString("X4") + " needs " + (ranges.Length / 2).ToString() + " address ranges; the nodes past "
                + DirectedForwardingMessages.MaximumDependentRanges.ToString() + " keep flooding");
            int[] kept = new int[maximum];
            for (int i = 0; i < maximum; i++)
            {
                kept[i] = ranges[i];
            }

            return kept;
        }

        /// <summary>The devices of the named gateways present in the graph (absent ones logged), or the first admitted universal node.</summary>
        private int[] GatewayDevices(int[] addresses, bool[] relayNodeImages)
        {
            if (Gateways.IsDefault)
            {
                int first = -1;
                for (int device = 1; device < addresses.Length; device++)
                {
                    if (!relayNodeImages[device] && (first < 0 || addresses[device] < addresses[first]))
                    {
                        first = device;
                    }
                }

                return first < 0 ? new int[0] : new int[] { first };
            }

            int[] found = new int[Gateways.Count];
            int count = 0;
            for (int g = 0; g < Gateways.Count; g++)
            {
                int address = NodeAddressing.UnicastOf(Gateways.NodeIdAt(g));
                int device = -1;
                for (int d = 1; d < addresses.Length; d++)
                {
                    device = addresses[d] == address ? d : device;
                }

                if (device < 0)
                {
                    _log.Write("paths", "gateway node " + Gateways.NodeIdAt(g).ToString() + " is not in the relay plan: no paths toward it");
                }
                else
                {
                    found[count++] = device;
                }
            }

            int[] result = new int[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = found[i];
            }

            return result;
        }

        private static void SortAscending(int[] values)
        {
            for (int i = 1; i < values.Length; i++)
            {
                int value = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > value)
                {
                    values[j + 1] = values[j];
                    j--;
                }

                values[j + 1] = value;
            }
        }
    }
}
