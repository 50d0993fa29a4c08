using System;
using System.IO;
using DcMonitor.Emulator.Demo;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Benchmarks
{
    /// <summary>
    /// <c>relays</c>: network PDUs on the air for one ALL:READ (binary payloads: 2-byte SEND, 8-byte STATUS) from node 0 over
    /// emulated mesh stacks in one process (<see cref="AirtimeExchange"/>, on the instantaneous air), with every node relaying
    /// (the behaviour before relay selection) against the relays <see cref="RelaySelection"/> picks from the layout's one-hop
    /// graph (issue 15 part 3). Layouts are the <c>airtime</c> command's (<see cref="MeshLayout"/>): a room (all in range) and a
    /// building (a grid whose diagonal takes about 4 hops). Counters are read once the air is quiet, so relays still on the air
    /// are counted. Prints one line per case; nothing is asserted.
    /// </summary>
    public static class RelayAirtime
    {
        /// <summary>Measures N = 16 and 32 in both layouts, all relays and selected; returns 0.</summary>
        public static int Run(TextWriter output)
        {
            foreach (int nodes in new[] { 16, 32 })
            {
                foreach (string layout in new[] { MeshLayout.Room, MeshLayout.Building })
                {
                    bool[] selected = new RelaySelection(Graph(layout, nodes)).Select();
                    bool[] all = new bool[nodes];
                    Array.Fill(all, true);
                    Measure(output, layout, all, "all");
                    Measure(output, layout, selected, "selected");
                }
            }

            return 0;
        }

        /// <summary>The one-hop graph of a <see cref="MeshLayout"/>.</summary>
        private static NeighbourGraph Graph(string layout, int nodes)
        {
            var graph = new NeighbourGraph(nodes);
            for (int a = 0; a < nodes; a++)
            {
                for (int b = a + 1; b < nodes; b++)
                {
                    if (MeshLayout.InRange(layout, nodes, a, b))
                    {
                        graph.Link(a, b);
                    }
                }
            }

            return graph;
        }

        private static void Measure(TextWriter output, string layout, bool[] relays, string relayMode)
        {
            AirtimeExchange exchange = AirtimeExchange.Measure(relays.Length, layout, all: true, binary: true, loss: 0.0, AirModel.Instantaneous, relays: relays);
            int relayCount = 0;
            foreach (bool relay in relays)
            {
                relayCount += relay ? 1 : 0;
            }

            output.WriteLine("relays: layout=" + layout + " nodes=" + relays.Length + " protocol=binary relays=" + relayMode + " relay_nodes=" + relayCount
                + " transmissions=" + exchange.Transmissions + " relayed=" + exchange.Relayed + " answered=" + exchange.Answered + "/" + exchange.Expected);
        }
    }
}
