using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// <c>airtime</c>: what a READ round trip and an ALL:READ cost on the timed air (<see cref="Mesh.AirModel.Timed"/>: airtime,
    /// advDelay, scanning, collisions, SAR acknowledgments), side by side for the seed's configuration (text payloads, every node
    /// relaying, <see cref="AirtimeSetup.Seed"/>) and this firmware's (binary payloads, selected relays, the gateway's collection with
    /// re-asks, <see cref="AirtimeSetup.Selected"/>). Counted once the air is quiet (<see cref="AirtimeExchange"/>); docs/airtime-benchmark.md.
    /// With no option it prints the table of the READ round trip and of 32 nodes in one room; with <c>--nodes</c>, <c>--layout</c>,
    /// <c>--loss</c> it prints the rows of every case, then the READ round trip's, then one <c>airtime:</c> line per case and the
    /// READ lines; <c>--setups</c> runs only some setups (e.g. the slow seed case alone); <c>--air instantaneous</c> measures on the
    /// air without airtime or collisions instead, for comparison (completion then in real ms).
    /// </summary>
    public static class AirtimeReport
    {
        /// <summary>Name of <see cref="AirtimeSetup.Seed"/> for <c>--setups</c>.</summary>
        public const string SeedSetup = "seed";

        /// <summary>Name of <see cref="AirtimeSetup.Selected"/> for <c>--setups</c>.</summary>
        public const string SelectedSetup = "selected";

        /// <summary>Name of <see cref="AirtimeSetup.Directed"/> for <c>--setups</c>.</summary>
        public const string DirectedSetup = "directed";

        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>The default table: READ round trip (2 nodes) and ALL:READ of 32 nodes in one room, no loss, both setups. Returns 0.</summary>
        public static int Run(TextWriter output, AirModel model = AirModel.Timed)
        {
            return Run(output, new[] { 32 }, new[] { MeshLayout.Room }, new[] { 0.0 }, model);
        }

        /// <summary>
        /// One ALL:READ per combination of <paramref name="nodes"/>, <paramref name="layouts"/>, <paramref name="losses"/> and setup
        /// (<paramref name="setups"/>: <see cref="SeedSetup"/>, <see cref="SelectedSetup"/>, <see cref="DirectedSetup"/>; null = all three), then the READ round trip of
        /// each setup: the table's rows, then one line per case of the form
        /// <c>airtime: layout=building nodes=200 protocol=binary relays=selected loss=0.1 transmissions=… answered=…/… completion_ms=…</c>
        /// and the READ lines (<c>airtime: read protocol=… relays=… transmissions=… segments=… acks=…</c>, then the text/binary ratio
        /// when the seed's and the selected setup ran), and for the directed setup the most fixed paths a node held and the answers that found no
        /// path. A case stopped at <see cref="AirtimeExchange.WallClockLimitMinutes"/> with its air still busy says so: a row under it in
        /// the table, <c> cut_at_wall_clock_limit_minutes=20</c> at the end of its line. Returns 0.
        /// </summary>
        /// <exception cref="ArgumentException">Fewer than 2 nodes, a loss outside 0–1, an unknown layout or setup.</exception>
        public static int Run(TextWriter output, IReadOnlyList<int> nodes, IReadOnlyList<string> layouts, IReadOnlyList<double> losses, AirModel model = AirModel.Timed,
            IReadOnlyList<string> setups = null)
        {
            setups ??= new[] { SeedSetup, SelectedSetup, DirectedSetup };
            foreach (string setup in setups)
            {
                if (setup != SeedSetup && setup != SelectedSetup && setup != DirectedSetup)
                {
                    throw new ArgumentException("A setup is «seed», «selected» or «directed», not «" + setup + "».", nameof(setups));
                }
            }

            foreach (int count in nodes)
            {
                if (count < 2)
                {
                    throw new ArgumentException("An ALL:READ needs at least 2 nodes, not " + count + ".", nameof(nodes));
                }
            }

            var lines = new List<string>();
            WriteHeader(output);
            foreach (string layout in layouts)
            {
                foreach (int count in nodes)
                {
                    foreach (double loss in losses)
                    {
                        foreach (string name in setups)
                        {
                            AirtimeSetup setup = SetupOf(name, layout, count);
                            var wall = Stopwatch.StartNew();
                            AirtimeExchange exchange = AirtimeExchange.Measure(count, layout, true, setup, loss, model);
                            WriteRow(output, "ALL:READ, " + count + " nodes, " + layout + ", loss " + loss.ToString(Invariant), setup, exchange, wall.Elapsed.TotalSeconds);
                            lines.Add(string.Format(Invariant,
                                "airtime: layout={0} nodes={1} protocol={2} relays={3} loss={4} transmissions={5} answered={6}/{7} completion_ms={8:0}{9}{10}",
                                layout, count, setup.Binary ? "binary" : "text", setup.RelaysName, loss, exchange.Transmissions, exchange.Answered, exchange.Expected,
                                exchange.CompletionMilliseconds, model == AirModel.Timed ? string.Empty : " air=instantaneous",
                                exchange.CutAtWallClockLimit ? " cut_at_wall_clock_limit_minutes=" + AirtimeExchange.WallClockLimitMinutes : string.Empty));
                            if (setup.Paths != null)
                            {
                                lines.Add(string.Format(Invariant, "airtime: directed layout={0} nodes={1} loss={2} most_forwarding_entries={3} flooded_without_path={4} re-asks={5}",
                                    layout, count, loss, exchange.MostForwardingEntries, exchange.DirectedFallbacks, exchange.Reasks));
                            }
                        }
                    }
                }
            }

            var reads = new List<long>();
            foreach (string name in setups)
            {
                AirtimeSetup setup = SetupOf(name, MeshLayout.Room, 2);
                var wall = Stopwatch.StartNew();
                AirtimeExchange exchange = AirtimeExchange.Measure(2, MeshLayout.Room, false, setup, 0.0, model);
                WriteRow(output, "READ round trip (2 nodes)", setup, exchange, wall.Elapsed.TotalSeconds);
                lines.Add(string.Format(Invariant, "airtime: read protocol={0} relays={1} transmissions={2} segments={3} acks={4} answered={5}/{6}",
                    setup.Binary ? "binary" : "text", setup.RelaysName, exchange.Transmissions, exchange.Segments, exchange.Acknowledgements, exchange.Answered, exchange.Expected));
                reads.Add(exchange.Transmissions);
            }

            int seed = IndexOf(setups, SeedSetup), selected = IndexOf(setups, SelectedSetup);
            if (seed >= 0 && selected >= 0 && reads[selected] > 0)
            {
                lines.Add(string.Format(Invariant, "airtime: read ratio={0:0.0} (text with segment acks / binary)", (double)reads[seed] / reads[selected]));
            }

            foreach (string line in lines)
            {
                output.WriteLine(line);
            }

            return 0;
        }

        private static AirtimeSetup SetupOf(string name, string layout, int nodes) =>
            name == SeedSetup ? AirtimeSetup.Seed() : name == DirectedSetup ? AirtimeSetup.Directed(layout, nodes) : AirtimeSetup.Selected(layout, nodes);

        private static int IndexOf(IReadOnlyList<string> setups, string name)
        {
            for (int i = 0; i < setups.Count; i++)
            {
                if (setups[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static void WriteHeader(TextWriter output)
        {
            output.WriteLine("| exchange | payloads, relays | relay nodes | network PDUs | originated | relayed | segments | acks | collisions | air time ms | re-asks | answered | completion ms | run s |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }

        private static void WriteRow(TextWriter output, string exchange, AirtimeSetup setup, AirtimeExchange measured, double wallSeconds)
        {
            string payloads = setup.Binary ? "binary (2–3 B SEND, 8 B STATUS)" : "seed text (4 B SEND, " + AirtimeExchange.TextReply.Length + " B STATUS)";
            if (setup.Paths != null)
            {
                payloads += string.Format(Invariant, ", directed paths (relay ×{0}, transmit ×{1})",
                    NativeContract.CompositionDirectedRelayRetransmitCount + 1, NativeContract.CompositionDirectedNetworkTransmitCount + 1);
            }

            output.WriteLine(string.Format(Invariant, "| {0} | {1}, relays {2} (×{3}), transmit ×{4} | {5} | {6} | {7} | {8} | {9} | {10} | {11} | {12:0.0} | {13} | {14}/{15} | {16:0} | {17:0} |",
                exchange, payloads, setup.RelaysName, setup.RelayRetransmitCount + 1, setup.NetworkTransmitCount + 1, measured.RelayNodes,
                measured.Transmissions, measured.Originated, measured.Relayed, measured.Segments, measured.Acknowledgements, measured.Collisions,
                measured.AirtimeMilliseconds, measured.Reasks, measured.Answered, measured.Expected, measured.CompletionMilliseconds, wallSeconds));
            if (measured.CutAtWallClockLimit)
            {
                output.WriteLine(string.Format(Invariant, "| ↑ cut at the {0}-minute wall-clock limit with the air still busy: the counts are what it had reached (lower bounds), the answers those that had arrived | | | | | | | | | | | | | |",
                    AirtimeExchange.WallClockLimitMinutes));
            }
        }
    }
}
