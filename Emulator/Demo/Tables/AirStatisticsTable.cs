using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DcMonitor.Emulator.Mesh;
using Spectre.Console;

namespace DcMonitor.Emulator.Demo.Tables
{
    /// <summary>
    /// The demo's <c>stats</c>: the air's counters as two tables (Spectre.Console, plain text). Per node and in total: network
    /// PDUs sent (of them relayed), segmented messages and their segments, PDUs lost to the link loss at that receiver, GATT
    /// notifications to its central. Per link, sender to receiver: PDUs delivered, lost to the link's loss, not heard
    /// because the link was out of range.
    /// </summary>
    public static class AirStatisticsTable
    {
        /// <summary>Writes both tables to <paramref name="output"/> (plain text, no colours: it may be a pipe).</summary>
        public static void Write(VirtualAir air, TextWriter output)
        {
            WriteNodes(air, output);
            WriteLinks(air, output);
        }

        /// <summary>Writes the per-node table with its total row.</summary>
        public static void WriteNodes(VirtualAir air, TextWriter output)
        {
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns("node", "PDUs sent", "relayed", "segmented msgs", "segments", "lost at receiver", "GATT notifications");
            foreach (KeyValuePair<string, AirStatistics> entry in air.PerRadio().OrderBy(pair => pair.Key, System.StringComparer.Ordinal))
            {
                table.AddRow(Row(entry.Key, entry.Value));
            }

            table.AddRow(Row("total", air.Statistics));
            PlainTextTable.Write(table, output);
        }

        /// <summary>Writes the per-link table: one row per direction that carried a transmission, ordered by sender and receiver.</summary>
        public static void WriteLinks(VirtualAir air, TextWriter output)
        {
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns("sender", "receiver", "PDUs delivered", "lost", "out of range");
            foreach (LinkStatistics link in air.PerLink())
            {
                table.AddRow(Markup.Escape(link.Sender), Markup.Escape(link.Receiver), Count(link.Delivered), Count(link.Lost), Count(link.OutOfRange));
            }

            PlainTextTable.Write(table, output);
        }

        private static string[] Row(string name, AirStatistics counters)
        {
            return new[]
            {
                Markup.Escape(name), Count(counters.NetworkPdusTransmitted), Count(counters.NetworkPdusRelayed), Count(counters.SegmentedMessages),
                Count(counters.Segments), Count(counters.PdusDroppedByLoss), Count(counters.GattNotifications),
            };
        }

        private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
