using System.Collections.Generic;
using System.IO;
using System.Linq;
using DcMonitor.Emulator.Mesh;
using Spectre.Console;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// The demo's <c>stats</c>: the air's counters per node and in total, as a table (Spectre.Console): network PDUs sent
    /// (of them relayed), segmented messages and their segments, PDUs lost to the link loss at that receiver, GATT
    /// notifications to its central.
    /// </summary>
    public static class AirStatisticsTable
    {
        /// <summary>Writes the table to <paramref name="output"/> (plain text, no colours: it may be a pipe).</summary>
        public static void Write(VirtualAir air, TextWriter output)
        {
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns("node", "PDUs sent", "relayed", "segmented msgs", "segments", "lost at receiver", "GATT notifications");
            foreach (KeyValuePair<string, AirStatistics> entry in air.PerRadio().OrderBy(pair => pair.Key, System.StringComparer.Ordinal))
            {
                table.AddRow(Row(entry.Key, entry.Value));
            }

            table.AddRow(Row("total", air.Statistics));
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Out = new AnsiConsoleOutput(output),
            });
            console.Profile.Width = 120; // a pipe has no width of its own: wide enough for every column
            console.Write(table);
        }

        private static string[] Row(string name, AirStatistics counters)
        {
            return new[]
            {
                Markup.Escape(name), counters.NetworkPdusTransmitted.ToString(), counters.NetworkPdusRelayed.ToString(), counters.SegmentedMessages.ToString(),
                counters.Segments.ToString(), counters.PdusDroppedByLoss.ToString(), counters.GattNotifications.ToString(),
            };
        }
    }
}
