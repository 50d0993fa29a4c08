using System.IO;
using DcMonitor.Emulator.Demo;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Benchmarks
{
    /// <summary>
    /// <c>relays</c>: network PDUs on the air for one ALL:READ (binary payloads: 2-byte SEND, 8-byte STATUS) from node 0 over
    /// emulated mesh stacks in one process (<see cref="AirtimeExchange"/>, on the instantaneous air), with every node relaying
    /// (the behaviour before relay selection) against the relays <see cref="DcMonitor.Shared.Provisioning.RelaySelection"/> picks from the layout's one-hop
    /// graph (issue 15 part 3). Layouts are the <c>airtime</c> command's (<see cref="MeshLayout"/>): a room (all in range) and a
    /// building (a grid whose diagonal takes about 4 hops). Counters are read once the air is quiet, so relays still on the air
    /// are counted. Same Network Transmit and Relay Retransmit in both (the firmware's); the gateway sends the group SEND once and counts
    /// (no re-asks on an air that loses nothing). Prints one line per case; nothing is asserted.
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
                    AirtimeSetup selected = AirtimeSetup.Selected(layout, nodes);
                    Measure(output, layout, nodes, new AirtimeSetup { Binary = true, NetworkTransmitCount = selected.NetworkTransmitCount, RelayRetransmitCount = selected.RelayRetransmitCount });
                    Measure(output, layout, nodes, new AirtimeSetup { Binary = true, Relays = selected.Relays, NetworkTransmitCount = selected.NetworkTransmitCount, RelayRetransmitCount = selected.RelayRetransmitCount });
                }
            }

            return 0;
        }

        private static void Measure(TextWriter output, string layout, int nodes, AirtimeSetup setup)
        {
            AirtimeExchange exchange = AirtimeExchange.Measure(nodes, layout, all: true, setup, loss: 0.0, AirModel.Instantaneous);
            output.WriteLine("relays: layout=" + layout + " nodes=" + nodes + " protocol=binary relays=" + setup.RelaysName + " relay_nodes=" + exchange.RelayNodes
                + " transmissions=" + exchange.Transmissions + " relayed=" + exchange.Relayed + " answered=" + exchange.Answered + "/" + exchange.Expected);
        }
    }
}
