using DcMonitor.NFUnitTest;
using DcMonitor.Shared.Provisioning;
using Xunit;

namespace DcMonitor.Tests.Provisioning
{
    /// <summary>
    /// Relay selection at the scale (issue 15 part 3): 100 random connected graphs of 16–250 devices and building
    /// grids of 200 devices give a complete selection in which every device reaches every other through relays only, with
    /// far fewer relays than devices on the building layouts (bound: a grid's relays stay under half of its devices).
    /// </summary>
    public class RelaySelectionScaleTests
    {
        [Fact]
        public void RandomConnectedGraphsUpTo250DevicesAreServedByAConnectedRelaySet()
        {
            int completeCount = 0;
            for (int seed = 1; seed <= 100; seed++)
            {
                int count = 16 + (seed * 37) % 235;
                NeighbourGraph graph = RelaySelectionTests.RandomConnectedGraph(count, seed);
                Assert.True(graph.IsConnected());
                RelaySelection selection = new RelaySelection(graph);
                selection.NeverRelays(0); // the provisioner
                bool[] relays = selection.Select();
                bool servable = ConnectedWithout(graph, 0);
                Assert.True(selection.IsComplete == servable, "seed " + seed + ": complete exactly when the provisioner is no cut device");
                Assert.False(relays[0]);
                if (servable)
                {
                    RelaySelectionTests.AssertEveryPairReachable(graph, relays, "seed " + seed);
                    completeCount++;
                }
            }

            Assert.True(completeCount >= 80, "graphs served: " + completeCount);
        }

        [Theory]
        [InlineData(10, 20, 1)]
        [InlineData(20, 10, 2)]
        [InlineData(14, 14, 2)]
        public void ABuildingGridRelaysThroughLessThanHalfItsDevices(int columns, int rows, int range)
        {
            NeighbourGraph graph = new NeighbourGraph(columns * rows);
            for (int a = 0; a < graph.Count; a++)
            {
                for (int b = a + 1; b < graph.Count; b++)
                {
                    int dx = a % columns - b % columns;
                    int dy = a / columns - b / columns;
                    if (dx * dx + dy * dy <= range * range)
                    {
                        graph.Link(a, b);
                    }
                }
            }

            RelaySelection selection = new RelaySelection(graph);
            bool[] relays = selection.Select();
            Assert.True(selection.IsComplete);
            RelaySelectionTests.AssertEveryPairReachable(graph, relays, "grid");
            Assert.True(RelaySelectionTests.CountOf(relays) * 2 < graph.Count, "relays " + RelaySelectionTests.CountOf(relays) + " of " + graph.Count);
        }
    
        /// <summary>True when the devices other than <paramref name="excluded"/> reach each other without passing through it.</summary>
        private static bool ConnectedWithout(NeighbourGraph graph, int excluded)
        {
            int start = excluded == 0 ? 1 : 0;
            bool[] reached = new bool[graph.Count];
            var frontier = new System.Collections.Generic.Queue<int>();
            reached[start] = true;
            reached[excluded] = true;
            frontier.Enqueue(start);
            int count = 2;
            while (frontier.Count > 0)
            {
                int device = frontier.Dequeue();
                for (int other = 0; other < graph.Count; other++)
                {
                    if (!reached[other] && graph.AreNeighbours(device, other))
                    {
                        reached[other] = true;
                        frontier.Enqueue(other);
                        count++;
                    }
                }
            }

            return count == graph.Count;
        }
    }
}
