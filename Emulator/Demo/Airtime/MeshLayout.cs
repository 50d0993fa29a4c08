using System;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// Where the nodes of an airtime measurement stand, as links of a <see cref="Mesh.VirtualAir"/>: <see cref="Room"/> puts every
    /// node in range of every other; <see cref="Building"/> puts them on a square grid (node i at column i mod side, row i / side)
    /// where two nodes hear each other within a radius chosen so that the grid's diagonal is about four hops.
    /// </summary>
    public static class MeshLayout
    {
        /// <summary>Everyone in range of everyone.</summary>
        public const string Room = "room";

        /// <summary>A grid of 3 to 5 hops corner to corner.</summary>
        public const string Building = "building";

        /// <summary>Hops the building's diagonal should take.</summary>
        private const double DiagonalHops = 4.0;

        /// <summary>Sets the links of <paramref name="nodes"/> radios called <c>node-0</c>… on <paramref name="air"/>, each in-range link lossy with <paramref name="loss"/>.</summary>
        /// <exception cref="ArgumentException">Unknown layout.</exception>
        public static void Apply(Mesh.VirtualAir air, string layout, int nodes, double loss)
        {
            CheckLayout(layout);
            for (int a = 0; a < nodes; a++)
            {
                for (int b = a + 1; b < nodes; b++)
                {
                    bool inRange = InRange(layout, nodes, a, b);
                    air.SetLink("node-" + a, "node-" + b, inRange, inRange ? loss : 0.0);
                }
            }
        }

        /// <summary>
        /// True when nodes <paramref name="a"/> and <paramref name="b"/> of a <paramref name="nodes"/>-node <paramref name="layout"/> hear
        /// each other: always in a room; in a building when their grid distance is within the radio's reach (the diagonal takes
        /// <see cref="DiagonalHops"/> hops, and a node reaches at least its 8 surrounding nodes).
        /// </summary>
        public static bool InRange(string layout, int nodes, int a, int b)
        {
            if (layout == Room)
            {
                return true;
            }

            int side = (int)Math.Ceiling(Math.Sqrt(nodes));
            double radius = Math.Max(1.5, (side - 1) * Math.Sqrt(2) / DiagonalHops + 0.01);
            return Distance(a, b, side) <= radius;
        }

        /// <summary>
        /// The one-hop graph of a <paramref name="nodes"/>-node <paramref name="layout"/> (device i = node i): who hears whom directly, what
        /// the provisioner's heartbeat survey measures (a TTL-1 heartbeat is heard only one radio hop away; docs/relay-selection.md).
        /// </summary>
        /// <exception cref="ArgumentException">Unknown layout.</exception>
        public static NeighbourGraph OneHopGraph(string layout, int nodes)
        {
            CheckLayout(layout);
            return RelayPlan.OneHopGraph(nodes, (a, b) => InRange(layout, nodes, a, b));
        }

        /// <exception cref="ArgumentException">Unknown layout.</exception>
        private static void CheckLayout(string layout)
        {
            if (layout != Room && layout != Building)
            {
                throw new ArgumentException("Layout is «room» or «building», not «" + layout + "».", nameof(layout));
            }
        }

        /// <summary>Grid distance between nodes <paramref name="a"/> and <paramref name="b"/>, in grid steps.</summary>
        public static double Distance(int a, int b, int side)
        {
            int dx = a % side - b % side;
            int dy = a / side - b / side;
            return Math.Sqrt(dx * dx + dy * dy);
        }
    }
}
