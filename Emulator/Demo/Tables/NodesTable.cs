using System.Collections.Generic;
using System.Globalization;
using System.IO;
using DcMonitor.Emulator.Air;
using Spectre.Console;

namespace DcMonitor.Emulator.Demo.Tables
{
    /// <summary>
    /// The demo's <c>nodes</c>: one row per node of the layout (Spectre.Console, plain text): name, image, Bluetooth address,
    /// unicast address it booted with (none for an unprovisioned node of <c>--fresh</c>), power, and whether the gateway console is connected to it.
    /// </summary>
    public static class NodesTable
    {
        /// <summary>Writes the table of <paramref name="nodes"/> to <paramref name="output"/>.</summary>
        /// <param name="nodes">The hub's nodes, in layout order.</param>
        /// <param name="gatewayAddress">Bluetooth address the gateway console is connected to, or null.</param>
        /// <param name="output">Where the table goes (plain text).</param>
        public static void Write(IEnumerable<HubNode> nodes, string gatewayAddress, TextWriter output)
        {
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumns("node", "image", "Bluetooth address", "boot unicast", "power", "gateway");
            foreach (HubNode node in nodes)
            {
                table.AddRow(
                    Markup.Escape(node.Name),
                    Markup.Escape(node.Image),
                    Markup.Escape(node.Address ?? string.Empty),
                    node.Unicast == 0 ? "none" : "0x" + node.Unicast.ToString("X4", CultureInfo.InvariantCulture),
                    node.Radio != null ? "on" : "off",
                    node.Address != null && node.Address == gatewayAddress ? "connected" : string.Empty);
            }

            PlainTextTable.Write(table, output);
        }
    }
}
