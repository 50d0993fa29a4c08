using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Shared.Provisioning;
using nanoFramework.Runtime.Events;

namespace DcMonitor.Benchmarks
{
    /// <summary>
    /// <c>relays</c>: network PDUs on the air for one ALL:READ (binary payloads: 2-byte SEND, 8-byte STATUS) from node 0 over
    /// emulated mesh stacks in one process, with every node relaying (the behaviour before relay selection) against the relays
    /// <see cref="RelaySelection"/> picks from the layout's one-hop graph (issue 15 part 3). Layouts: a room (all in range) and a
    /// building (a grid, each node hearing its 8 surrounding nodes). Counters are read once the air has been quiet for 1 s, so
    /// relays still on the air are counted. Prints one line per case; nothing is asserted.
    /// </summary>
    public static class RelayAirtime
    {
        private const int Models = NativeContract.ConfigServer | NativeContract.VendorServer | NativeContract.VendorClient;

        /// <summary>Measures N = 16 and 32 in both layouts, all relays and selected; returns 0.</summary>
        public static int Run(TextWriter output)
        {
            foreach (int nodes in new[] { 16, 32 })
            {
                foreach (string layout in new[] { "room", "building" })
                {
                    NeighbourGraph graph = Layout(layout, nodes);
                    bool[] selected = new RelaySelection(graph).Select();
                    bool[] all = new bool[nodes];
                    Array.Fill(all, true);
                    Measure(output, layout, graph, all, "all");
                    Measure(output, layout, graph, selected, "selected");
                }
            }

            return 0;
        }

        /// <summary>The one-hop graph of a layout: "room" (every pair linked) or "building" (a grid 4 nodes deep, 8-neighbour links).</summary>
        private static NeighbourGraph Layout(string layout, int nodes)
        {
            var graph = new NeighbourGraph(nodes);
            const int rows = 4;
            for (int a = 0; a < nodes; a++)
            {
                for (int b = a + 1; b < nodes; b++)
                {
                    bool near = Math.Abs(a % rows - b % rows) <= 1 && Math.Abs(a / rows - b / rows) <= 1;
                    if (layout == "room" || near)
                    {
                        graph.Link(a, b);
                    }
                }
            }

            return graph;
        }

        private static void Measure(TextWriter output, string layout, NeighbourGraph graph, bool[] relays, string relayMode)
        {
            int nodes = graph.Count;
            string root = Path.Combine(Path.GetTempPath(), "dcmonitor-relays-" + Guid.NewGuid().ToString("N"));
            var air = new VirtualAir();
            var stacks = new EmulatedMeshStack[nodes];
            var boards = new VirtualBoard[nodes];
            int answered = 0;
            try
            {
                for (int i = 0; i < nodes; i++)
                {
                    boards[i] = new VirtualBoard(Path.Combine(root, "node-" + i));
                    EmulatedMeshStack.Preprovision(boards[i].FlashDirectory, 0x0005 + i, Models, true);
                    stacks[i] = EmulatedMeshStack.For(boards[i]);
                    stacks[i].RadioName = "node-" + i;
                    stacks[i].AttachTo(air);
                }

                for (int a = 0; a < nodes; a++)
                {
                    for (int b = a + 1; b < nodes; b++)
                    {
                        air.SetLink("node-" + a, "node-" + b, graph.AreNeighbours(a, b));
                    }
                }

                for (int i = 0; i < nodes; i++)
                {
                    EmulatedMeshStack stack = stacks[i];
                    using (boards[i].Activate())
                    {
                        CustomEvent.CustomEventPosted += (sender, e) => Answer(stack, ref answered);
                        stack.Start(Models, relays[i], 7, new byte[16]);
                    }
                }

                long before = air.Statistics.NetworkPdusTransmitted;
                long relayedBefore = air.Statistics.NetworkPdusRelayed;
                var clock = Stopwatch.StartNew();
                using (boards[0].Activate())
                {
                    stacks[0].SendVendor(0xC000, 0xC202E5, new byte[] { 1, 0 }, 2, 7, false, 5000);
                }

                long last = -1;
                long lastChange = 0;
                while (clock.ElapsedMilliseconds - lastChange < 1000 && clock.ElapsedMilliseconds < 30000)
                {
                    Thread.Sleep(50); // quiet-air detection for a measurement, not a synchronisation
                    long now = air.Statistics.NetworkPdusTransmitted;
                    if (now != last)
                    {
                        last = now;
                        lastChange = clock.ElapsedMilliseconds;
                    }
                }

                int relayCount = 0;
                foreach (bool relay in relays)
                {
                    relayCount += relay ? 1 : 0;
                }

                output.WriteLine("relays: layout=" + layout + " nodes=" + nodes + " protocol=binary relays=" + relayMode + " relay_nodes=" + relayCount
                    + " transmissions=" + (air.Statistics.NetworkPdusTransmitted - before) + " relayed=" + (air.Statistics.NetworkPdusRelayed - relayedBefore)
                    + " answered=" + Volatile.Read(ref answered) + "/" + (nodes - 1));
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

        /// <summary>Answers binary SENDs as a node would; counts STATUS replies from other nodes (node 0, 0x0005, also answers itself).</summary>
        private static void Answer(EmulatedMeshStack stack, ref int answered)
        {
            byte[] record = new byte[512];
            while (stack.TakeEvent(record) > 0)
            {
                if (record[0] != NativeContract.VendorMessageReceived)
                {
                    continue;
                }

                int opcode = record[5] | (record[6] << 8) | (record[7] << 16);
                int handle = record[9] | (record[10] << 8);
                if (opcode == 0xC202E5)
                {
                    stack.ReplyVendor(handle, 0xC302E5, new byte[] { 0x10, 50, 0, 200, 0x25, 0x82, 1, 0x2C }, 8);
                }
                else if (opcode == 0xC302E5 && (record[1] | (record[2] << 8)) != 0x0005)
                {
                    Interlocked.Increment(ref answered);
                }
            }
        }
    }
}
