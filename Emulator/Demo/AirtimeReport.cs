using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// <c>airtime</c>: what a READ round trip and an ALL:READ cost on the timed air (<see cref="Mesh.AirModel.Timed"/>: airtime,
    /// advDelay, scanning, collisions, SAR acknowledgments), every node relaying, with this firmware's binary payloads (2-byte
    /// SEND, 8-byte STATUS) and with the seed's text (<c>read</c>, ≈ 40-byte STATUS). Counted once the air is quiet
    /// (<see cref="AirtimeExchange"/>). With no option it prints the table of 2 and 32 nodes in one room; with
    /// <c>--nodes</c>, <c>--layout</c>, <c>--loss</c> it prints one <c>airtime:</c> line per case after the table's rows of the cases;
    /// <c>--air instantaneous</c> measures on the air without airtime or collisions instead, for comparison (completion then in real ms).
    /// </summary>
    public static class AirtimeReport
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>The default table: READ round trip (2 nodes) and ALL:READ of 32 nodes, binary and text, one room, no loss. Returns 0.</summary>
        public static int Run(TextWriter output, AirModel model = AirModel.Timed)
        {
            WriteHeader(output);
            foreach (bool binary in new[] { true, false })
            {
                WriteRow(output, "READ round trip (2 nodes)", binary, AirtimeExchange.Measure(2, MeshLayout.Room, false, binary, 0.0, model));
            }

            foreach (bool binary in new[] { true, false })
            {
                WriteRow(output, "ALL:READ, 32 nodes", binary, AirtimeExchange.Measure(32, MeshLayout.Room, true, binary, 0.0, model));
            }

            return 0;
        }

        /// <summary>
        /// One ALL:READ per combination of <paramref name="nodes"/>, <paramref name="layouts"/>, <paramref name="losses"/> and payload
        /// kind: the table's rows, then one line per case of the form
        /// <c>airtime: layout=building nodes=16 protocol=binary relays=all loss=0.1 transmissions=… answered=…/… completion_ms=…</c>. Returns 0.
        /// </summary>
        /// <exception cref="ArgumentException">Fewer than 2 nodes, a loss outside 0–1, an unknown layout.</exception>
        public static int Run(TextWriter output, IReadOnlyList<int> nodes, IReadOnlyList<string> layouts, IReadOnlyList<double> losses, AirModel model = AirModel.Timed)
        {
            var lines = new List<string>();
            WriteHeader(output);
            foreach (string layout in layouts)
            {
                foreach (int count in nodes)
                {
                    if (count < 2)
                    {
                        throw new ArgumentException("An ALL:READ needs at least 2 nodes, not " + count + ".", nameof(nodes));
                    }

                    foreach (double loss in losses)
                    {
                        foreach (bool binary in new[] { false, true })
                        {
                            AirtimeExchange exchange = AirtimeExchange.Measure(count, layout, true, binary, loss, model);
                            WriteRow(output, "ALL:READ, " + count + " nodes, " + layout + ", loss " + loss.ToString(Invariant), binary, exchange);
                            lines.Add(string.Format(Invariant,
                                "airtime: layout={0} nodes={1} protocol={2} relays=all loss={3} transmissions={4} answered={5}/{6} completion_ms={7:0}{8}",
                                layout, count, binary ? "binary" : "text", loss, exchange.Transmissions, exchange.Answered, exchange.Expected, exchange.CompletionMilliseconds,
                                model == AirModel.Timed ? string.Empty : " air=instantaneous"));
                        }
                    }
                }
            }

            foreach (string line in lines)
            {
                output.WriteLine(line);
            }

            return 0;
        }

        private static void WriteHeader(TextWriter output)
        {
            output.WriteLine("| exchange | payloads | network PDUs | originated | relayed | segments | acks | collisions | air time ms | answered | completion ms |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        }

        private static void WriteRow(TextWriter output, string exchange, bool binary, AirtimeExchange measured)
        {
            output.WriteLine(string.Format(Invariant, "| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8:0.0} | {9}/{10} | {11:0} |",
                exchange, binary ? "binary (2 B SEND, 8 B STATUS)" : "seed text (4 B SEND, " + AirtimeExchange.TextReply.Length + " B STATUS)",
                measured.Transmissions, measured.Originated, measured.Relayed, measured.Segments, measured.Acknowledgements, measured.Collisions,
                measured.AirtimeMilliseconds, measured.Answered, measured.Expected, measured.CompletionMilliseconds));
        }
    }
}
