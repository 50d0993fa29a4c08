using System;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Provisioner.Provisioning;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// How the nodes of one <see cref="AirtimeExchange"/> are configured and how node-0 collects: the payloads, which nodes relay,
    /// each node's Network Transmit and Relay Retransmit counts (Mesh Profile 4.2.19 / 4.2.20, as a provisioner's Config messages
    /// leave them in the node's settings), and whether node-0 runs the gateway's ALL collection (<see cref="Shared.Gateway.GatewayProcessor"/>).
    /// Replies scoped by TTL or not (<see cref="ScopedReplyTtl"/>). <see cref="Seed"/> is the behaviour before this work, <see cref="Selected"/> what the firmware configures now.
    /// </summary>
    public sealed record AirtimeSetup
    {
        /// <summary>Relay Retransmit / Network Transmit interval steps: 1 = 20 ms ((steps + 1) × 10 ms), as everywhere in this firmware.</summary>
        public const int IntervalSteps = 1;

        /// <summary>This firmware's binary payloads (2–3 byte SEND, 8-byte STATUS); false: the seed's text.</summary>
        public bool Binary { get; init; }

        /// <summary>Which nodes relay (index = node); null: every node relays.</summary>
        public bool[] Relays { get; init; }

        /// <summary>Network Transmit count field, 0–7: each PDU a node originates is sent count + 1 times.</summary>
        public int NetworkTransmitCount { get; init; }

        /// <summary>Relay Retransmit count field, 0–7: each PDU a relay forwards is sent count + 1 times.</summary>
        public int RelayRetransmitCount { get; init; }

        /// <summary>True: a node answers with a TTL scoped to the hops the request took (this firmware's native reply); false: with
        /// the Default TTL, flooding every relay (the seed's).</summary>
        public bool ScopedReplyTtl { get; init; }

        /// <summary>
        /// True: node-0's ALL goes through the gateway's <see cref="Shared.Gateway.GatewayProcessor"/> (response window sized to the known
        /// nodes, re-asking the silent ones); false: node-0 sends the group SEND and counts the answers, as the seed's gateway did.
        /// </summary>
        public bool GatewayCollects { get; init; }

        /// <summary>
        /// True: the gateway has just started and heard no node before the Pi's ALL:READ (its known-node table is empty, so the group
        /// SEND carries the shortest response window); false: it knows every other node beforehand (it heard their earlier answers).
        /// </summary>
        public bool FreshGateway { get; init; }

        /// <summary>
        /// Fixed directed-forwarding paths toward node-0 (<see cref="DirectedPathPlan"/>, docs/directed-forwarding.md): Directed
        /// Forwarding on at every node, Directed Relay at the relays, each node's entries installed before the exchange; null: none
        /// (every answer floods).
        /// </summary>
        public DirectedPathPlan Paths { get; init; }

        /// <summary><c>all</c>, <c>selected</c> or <c>directed</c> (selected relays and directed paths), for the report.</summary>
        public string RelaysName => Relays == null ? "all" : Paths == null ? "selected" : "directed";

        /// <summary>
        /// The seed's configuration (today's behaviour before relay selection): text payloads, every node relaying, Network Transmit 3
        /// (4 transmissions) and Relay Retransmit 4 (5 transmissions) (seed protocol §1.6), the gateway sending once and counting.
        /// </summary>
        public static AirtimeSetup Seed() => new AirtimeSetup { Binary = false, NetworkTransmitCount = 3, RelayRetransmitCount = 4 };

        /// <summary>
        /// This firmware: binary payloads, the relays <see cref="RelaySelection"/> picks from the layout's one-hop graph (what the
        /// provisioner's heartbeat survey measures: TTL-1 heartbeats heard = one radio hop; <see cref="RelayPlanner"/>), the
        /// composition's Network Transmit (<see cref="NativeContract.CompositionNetworkTransmitCount"/>), the Relay Retransmit the
        /// planner's Config Relay Set sends (<see cref="RelayPlanner.RelayRetransmitCount"/>), and the gateway's ALL collection.
        /// </summary>
        /// <exception cref="ArgumentException">Unknown layout.</exception>
        public static AirtimeSetup Selected(string layout, int nodes) => new AirtimeSetup
        {
            Binary = true,
            Relays = new RelaySelection(MeshLayout.OneHopGraph(layout, nodes)).Select(),
            NetworkTransmitCount = NativeContract.CompositionNetworkTransmitCount,
            RelayRetransmitCount = RelayPlanner.RelayRetransmitCount,
            ScopedReplyTtl = true,
            GatewayCollects = true,
        };

        /// <summary>
        /// <see cref="Selected"/> with directed forwarding: the provisioner's fixed paths per relay region toward the gateway (node-0),
        /// computed by <see cref="DirectedPathPlan"/> over the same one-hop graph and relays; answers go along them (Directed Network
        /// Transmit and Directed Relay Retransmit of the composition, <see cref="NativeContract.CompositionDirectedNetworkTransmitCount"/>,
        /// <see cref="NativeContract.CompositionDirectedRelayRetransmitCount"/>); requests still flood through the relays.
        /// </summary>
        /// <exception cref="ArgumentException">Unknown layout.</exception>
        public static AirtimeSetup Directed(string layout, int nodes)
        {
            AirtimeSetup selected = Selected(layout, nodes);
            return new AirtimeSetup
            {
                Binary = true,
                Relays = selected.Relays,
                NetworkTransmitCount = selected.NetworkTransmitCount,
                RelayRetransmitCount = selected.RelayRetransmitCount,
                ScopedReplyTtl = true,
                GatewayCollects = true,
                Paths = new DirectedPathPlan(MeshLayout.OneHopGraph(layout, nodes), selected.Relays, 0),
            };
        }

        /// <summary>True when node <paramref name="node"/> relays.</summary>
        public bool RelaysAt(int node) => Relays == null || Relays[node];

        /// <summary>Nodes relaying among <paramref name="nodes"/>.</summary>
        public int RelayCount(int nodes)
        {
            int count = 0;
            for (int i = 0; i < nodes; i++)
            {
                count += RelaysAt(i) ? 1 : 0;
            }

            return count;
        }
    }
}
