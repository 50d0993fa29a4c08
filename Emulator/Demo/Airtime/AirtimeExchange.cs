using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Provisioning;
using nanoFramework.Runtime.Events;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// One measured exchange for <see cref="AirtimeReport"/>: emulated mesh stacks alone (no firmware image: an
    /// <see cref="AirtimeResponder"/> on each board answers the vendor SEND as the firmware's VendorServer times it), configured as
    /// an <see cref="AirtimeSetup"/> says (payloads, relays, Network Transmit and Relay Retransmit counts), node-0 sending a READ to
    /// node-1 or an ALL:READ to 0xC000 — through the gateway's own collection (<see cref="AirtimeGateway"/>) when the setup says so.
    /// Counted once the air is quiet.
    /// </summary>
    public sealed class AirtimeExchange
    {
        /// <summary>The seed's text STATUS reply (≈ 40 bytes: 4 segments with the opcode and TransMIC).</summary>
        public const string TextReply = AirtimeResponder.TextReply;

        private const int Models = NativeContract.ConfigServer | NativeContract.VendorServer | NativeContract.VendorClient;
        private readonly object _gate = new object();
        private readonly HashSet<int> _answeredSources = new HashSet<int>();
        private VirtualAir _air;
        private long _lastAnswerMicroseconds;

        /// <summary>Network PDU transmissions, retransmissions and relays included.</summary>
        public long Transmissions { get; private set; }

        /// <summary>Of those, by relays.</summary>
        public long Relayed { get; private set; }

        /// <summary>Transmissions the nodes originated (<see cref="Transmissions"/> − <see cref="Relayed"/>).</summary>
        public long Originated => Transmissions - Relayed;

        /// <summary>Segments of segmented messages (first sends).</summary>
        public long Segments { get; private set; }

        /// <summary>Segment Acknowledgment messages.</summary>
        public long Acknowledgements { get; private set; }

        /// <summary>Receptions lost to collisions.</summary>
        public long Collisions { get; private set; }

        /// <summary>Channel occupancy of every transmission, ms (three channels each).</summary>
        public double AirtimeMilliseconds { get; private set; }

        /// <summary>Nodes whose answer reached node-0 (through the gateway: whose answer the Pi was given).</summary>
        public int Answered { get; private set; }

        /// <summary>Answers expected.</summary>
        public int Expected { get; private set; }

        /// <summary>Unicast reads the gateway sent again to nodes whose answer to the ALL was lost.</summary>
        public int Reasks { get; private set; }

        /// <summary>Nodes relaying.</summary>
        public int RelayNodes { get; private set; }

        /// <summary>Answers sent asking for a directed path that found none and flooded (0 without directed forwarding).</summary>
        public long DirectedFallbacks { get; private set; }

        /// <summary>Most fixed paths one node's forwarding table held (0 without directed forwarding).</summary>
        public int MostForwardingEntries { get; private set; }

        /// <summary>Virtual ms from the request to the last answer (to the end of the collection when an answer never came).</summary>
        public double CompletionMilliseconds { get; private set; }

        /// <summary>
        /// Longest wall-clock time one exchange may run, minutes: the old firmware's setup in the large buildings floods the air for
        /// minutes of air time, which this machine simulates 25–75 times slower than real time.
        /// </summary>
        public const int WallClockLimitMinutes = 20;

        /// <summary>
        /// True when the exchange was stopped at <see cref="WallClockLimitMinutes"/> with the air still busy: every count is what it
        /// had reached by then (a lower bound), and <see cref="Answered"/> the answers that had arrived.
        /// </summary>
        public bool CutAtWallClockLimit { get; private set; }

        /// <summary>
        /// Runs one exchange on a fresh air seeded with <paramref name="seed"/> and returns its figures; it stops after
        /// <paramref name="wallClockLimit"/> of wall-clock time (default <see cref="WallClockLimitMinutes"/>) if the air is still busy
        /// (<see cref="CutAtWallClockLimit"/>).
        /// </summary>
        /// <exception cref="ArgumentException">Unknown layout.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A wall-clock limit that is not positive.</exception>
        public static AirtimeExchange Measure(int nodes, string layout, bool all, AirtimeSetup setup, double loss, AirModel model = AirModel.Timed, int seed = 1,
            TimeSpan? wallClockLimit = null)
        {
            TimeSpan limit = wallClockLimit ?? TimeSpan.FromMinutes(WallClockLimitMinutes);
            if (limit <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(wallClockLimit), limit, "the wall-clock limit must be positive");
            }

            var exchange = new AirtimeExchange();
            exchange.Run(nodes, layout, all, setup, loss, model, seed, limit);
            return exchange;
        }

        private void Run(int nodes, string layout, bool all, AirtimeSetup setup, double loss, AirModel model, int seed, TimeSpan wallClockLimit)
        {
            string root = Path.Combine(Path.GetTempPath(), "dcmonitor-airtime-" + Guid.NewGuid().ToString("N"));
            _air = new VirtualAir(seed, model);
            MeshLayout.Apply(_air, layout, nodes, loss);
            var stacks = new EmulatedMeshStack[nodes];
            var boards = new VirtualBoard[nodes];
            var responders = new AirtimeResponder[nodes];
            _air.FirmwareIdle = () => Array.TrueForAll(responders, r => r == null || r.Idle); // time waits for every answer's handler
            Expected = all ? nodes - 1 : 1;
            RelayNodes = setup.RelayCount(nodes);
            AirtimeGateway gateway = null;
            try
            {
                for (int i = 0; i < nodes; i++)
                {
                    boards[i] = new VirtualBoard(Path.Combine(root, "node-" + i));
                    stacks[i] = StartNode(boards[i], i, setup);
                    var responder = new AirtimeResponder(stacks[i], _air);
                    responders[i] = responder;
                    if (i == 0)
                    {
                        if (all && setup.GatewayCollects)
                        {
                            gateway = new AirtimeGateway(stacks[0], _air, nodes, !setup.FreshGateway);
                            responder.StatusReceived += gateway.OnStatus;
                            responder.RequestTimedOut += gateway.OnTimeout;
                        }
                        else
                        {
                            responder.StatusReceived += (source, opcode) => Answer(source);
                        }
                    }

                    using (boards[i].Activate())
                    {
                        CustomEvent.CustomEventPosted += (sender, e) => responder.TakeEvents();
                    }
                }

                AirStatistics statistics = _air.Statistics;
                long transmissions = statistics.NetworkPdusTransmitted, relayed = statistics.NetworkPdusRelayed, segments = statistics.Segments;
                long acknowledgements = statistics.SegmentAcknowledgements, collisions = statistics.Collisions, airtime = statistics.AirtimeMicroseconds;
                long start = _air.NowMicroseconds;
                if (gateway != null)
                {
                    gateway.StartAllRead();
                }
                else
                {
                    byte[] request = setup.Binary ? new byte[] { BinaryCommandCodec.Read, 0 } : Encoding.ASCII.GetBytes("read");
                    stacks[0].SendVendor(all ? NodeAddressing.AllNodesGroupAddress : stacks[1].UnicastAddress, setup.Binary ? AirtimeResponder.BinarySend : AirtimeResponder.TextSend,
                        request, request.Length, 7, false, 0); // unacknowledged: the stack's response timer would run on real time; the answer is awaited all the same
                }

                CutAtWallClockLimit = !WaitUntilQuiet(wallClockLimit, () => (gateway == null || gateway.Done) && Array.TrueForAll(responders, r => r.Waiting == 0));
                Transmissions = statistics.NetworkPdusTransmitted - transmissions;
                Relayed = statistics.NetworkPdusRelayed - relayed;
                Segments = statistics.Segments - segments;
                Acknowledgements = statistics.SegmentAcknowledgements - acknowledgements;
                Collisions = statistics.Collisions - collisions;
                AirtimeMilliseconds = (statistics.AirtimeMicroseconds - airtime) / 1000.0;
                lock (_gate)
                {
                    Answered = gateway?.Answered ?? _answeredSources.Count;
                    Reasks = gateway?.Reasks ?? 0;
                    long last = gateway?.LastAnswerMicroseconds ?? _lastAnswerMicroseconds;
                    long end = Answered == Expected ? last : _air.NowMicroseconds;
                    CompletionMilliseconds = (end - start) / 1000.0;
                }

                foreach (EmulatedMeshStack stack in stacks)
                {
                    DirectedFallbacks += stack.DirectedFloodingFallbacks;
                    MostForwardingEntries = Math.Max(MostForwardingEntries, stack.ForwardingEntries);
                }
            }
            finally
            {
                foreach (EmulatedMeshStack stack in stacks)
                {
                    stack?.PowerOff();
                }

                try
                {
                    Directory.Delete(root, true);
                }
                catch (IOException)
                {
                }
            }
        }

        /// <summary>
        /// Provisions node <paramref name="node"/> (address 0x0005 + node, AppKey bound, vendor server subscribed to 0xC000) with the
        /// relay state, Relay Retransmit and Network Transmit a provisioner's Config messages would have left in its settings, then
        /// starts its stack on the air.
        /// </summary>
        private EmulatedMeshStack StartNode(VirtualBoard board, int node, AirtimeSetup setup)
        {
            EmulatedMeshStack.Preprovision(board.FlashDirectory, NodeAddressing.UnicastOf(node), Models, true);
            MeshSettings settings = MeshSettings.Load(board.FlashDirectory);
            settings.Relay = setup.RelaysAt(node) ? 1 : 0;
            settings.RelayRetransmit = setup.RelayRetransmitCount | (AirtimeSetup.IntervalSteps << 3);
            settings.NetworkTransmit = setup.NetworkTransmitCount | (AirtimeSetup.IntervalSteps << 3);
            settings.Save(board.FlashDirectory);
            EmulatedMeshStack stack = EmulatedMeshStack.For(board);
            stack.RadioName = "node-" + node;
            stack.ScopedVendorReplyTtl = setup.ScopedReplyTtl;
            stack.AttachTo(_air);
            using (board.Activate())
            {
                stack.Start(Models, setup.RelaysAt(node), 7, new byte[16]);
            }

            if (setup.Paths != null)
            {
                InstallPaths(stack, node, setup.Paths);
            }

            return stack;
        }

        /// <summary>
        /// Leaves on node <paramref name="node"/> what the provisioner's Directed Forwarding Configuration Client would (docs/directed-forwarding.md):
        /// Directed Forwarding on, Directed Relay on at a path relay, the composition's directed transmit counts, and its two-way fixed paths
        /// toward node-0: a path relay holds the region path of each relay whose chain it is on (dependent origins: that region's members),
        /// the gateway every region path and its neighbours' own paths, any other node one path of its own.
        /// </summary>
        /// <exception cref="InvalidOperationException">A node's table or a region's dependent list would overflow the ESP-IDF sizes.</exception>
        private static void InstallPaths(EmulatedMeshStack stack, int node, DirectedPathPlan paths)
        {
            int gateway = NodeAddressing.UnicastOf(paths.Gateway);
            bool relay = paths.IsPathRelay(node);
            stack.ConfigureDirectedForwarding(true, relay, NativeContract.CompositionDirectedNetworkTransmitCount, NativeContract.CompositionDirectedRelayRetransmitCount);
            bool installed = true;
            foreach (int origin in paths.PathOriginsAt(node))
            {
                int[] members = paths.MembersOf(origin);
                int[] addresses = new int[members.Length];
                for (int i = 0; i < members.Length; i++)
                {
                    addresses[i] = NodeAddressing.UnicastOf(members[i]);
                }

                installed &= stack.AddFixedPath(NodeAddressing.UnicastOf(origin), gateway, DirectedPathPlan.AddressRanges(addresses), true);
            }

            if (!installed)
            {
                throw new InvalidOperationException("node-" + node + ": its fixed paths do not fit the forwarding table (" + DirectedPathPlan.MaximumForwardingEntries
                    + " entries of " + DirectedPathPlan.MaximumDependentRanges + " dependent ranges)");
            }
        }

        /// <summary>
        /// Waits until the air has been quiet (no event, no timer, radios idle, no transmission) twice, 100 ms of real time apart, so
        /// that a handler still answering when the air first went quiet is counted, and until <paramref name="finished"/> (no answer
        /// waiting for its delay, the gateway's collection over: on the instantaneous air their timers run on real time); at most
        /// <paramref name="limit"/> of wall-clock time. False when the limit came first.
        /// </summary>
        private bool WaitUntilQuiet(TimeSpan limit, Func<bool> finished)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            int quiet = 0;
            while (quiet < 2 && clock.Elapsed < limit)
            {
                long transmitted = _air.Statistics.NetworkPdusTransmitted;
                quiet = _air.WaitUntilQuiet(1000) ? quiet + 1 : 0;
                Thread.Sleep(100);
                if (_air.Busy || _air.Statistics.NetworkPdusTransmitted != transmitted || !finished())
                {
                    quiet = 0; // the instantaneous air is never busy: no transmission for 100 ms is its quiet
                }
            }

            return quiet >= 2;
        }

        private void Answer(int source)
        {
            lock (_gate)
            {
                if (_answeredSources.Add(source))
                {
                    _lastAnswerMicroseconds = _air.NowMicroseconds;
                }
            }
        }
    }
}
