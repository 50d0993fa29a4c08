using System;
using DcMonitor.Shared.Provisioning;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// Relay selection (issue 15 part 3, docs/relay-selection.md): on random connected graphs the selected relays are connected
    /// and every device is a relay or hears one, so every device reaches every other directly or through relays only; fewer
    /// relays than devices on sparse graphs; none in a room where all hear all; relay node images always relay, the provisioner
    /// never; a graph that no relay set can serve falls back to every capable device relaying; the graph's own bookkeeping.
    /// </summary>
    [TestClass]
    public class RelaySelectionTests
    {
        [TestMethod]
        public void OnRandomConnectedGraphsEveryDeviceReachesEveryOtherThroughRelaysOnly()
        {
            for (int seed = 1; seed <= 12; seed++)
            {
                NeighbourGraph graph = RandomConnectedGraph(10 + seed * 3, seed);
                RelaySelection selection = new RelaySelection(graph);
                bool[] relays = selection.Select();
                Assert.IsTrue(selection.IsComplete, "seed " + seed.ToString());
                AssertEveryPairReachable(graph, relays, "seed " + seed.ToString());
                Assert.IsTrue(CountOf(relays) < graph.Count, "seed " + seed.ToString() + ": not every device relays");
            }
        }

        [TestMethod]
        public void ALineRelaysThroughItsInnerDevicesOnly()
        {
            NeighbourGraph graph = new NeighbourGraph(6);
            for (int device = 0; device < 5; device++)
            {
                graph.Link(device, device + 1);
            }

            RelaySelection selection = new RelaySelection(graph);
            bool[] relays = selection.Select();
            Assert.IsTrue(selection.IsComplete);
            Assert.IsFalse(relays[0]);
            Assert.IsFalse(relays[5]);
            for (int device = 1; device < 5; device++)
            {
                Assert.IsTrue(relays[device], "inner device " + device.ToString());
            }
        }

        [TestMethod]
        public void ARoomWhereAllHearAllNeedsNoRelayButTheRelayNodes()
        {
            NeighbourGraph graph = new NeighbourGraph(8);
            for (int first = 0; first < 8; first++)
            {
                for (int second = first + 1; second < 8; second++)
                {
                    graph.Link(first, second);
                }
            }

            RelaySelection selection = new RelaySelection(graph);
            Assert.AreEqual(0, CountOf(selection.Select()));
            Assert.IsTrue(selection.IsComplete);
            selection.AlwaysRelays(3);
            bool[] relays = selection.Select();
            Assert.AreEqual(1, CountOf(relays));
            Assert.IsTrue(relays[3]);
        }

        [TestMethod]
        public void RelayNodesAlwaysRelayAndSeparateRelayNodesAreJoined()
        {
            NeighbourGraph graph = new NeighbourGraph(7); // a line 0-1-2-3-4-5-6, relay nodes at both ends
            for (int device = 0; device < 6; device++)
            {
                graph.Link(device, device + 1);
            }

            RelaySelection selection = new RelaySelection(graph);
            selection.AlwaysRelays(0);
            selection.AlwaysRelays(6);
            bool[] relays = selection.Select();
            Assert.IsTrue(selection.IsComplete);
            Assert.AreEqual(7, CountOf(relays), "joining the two ends takes every device of the line");
        }

        [TestMethod]
        public void TheProvisionerNeverRelaysAndIsStillServed()
        {
            NeighbourGraph graph = new NeighbourGraph(4); // a star around device 0
            graph.Link(0, 1);
            graph.Link(0, 2);
            graph.Link(0, 3);
            RelaySelection selection = new RelaySelection(graph);
            selection.NeverRelays(1);
            bool[] relays = selection.Select();
            Assert.IsTrue(selection.IsComplete);
            Assert.IsFalse(relays[1]);
            Assert.IsTrue(relays[0], "the hub relays");
            Assert.AreEqual(1, CountOf(relays));
            Assert.ThrowsException(typeof(InvalidOperationException), delegate { selection.AlwaysRelays(1); });
        }

        [TestMethod]
        public void AGraphNoRelaySetCanServeFallsBackToEveryCapableDeviceRelaying()
        {
            NeighbourGraph graph = new NeighbourGraph(5); // 0-1-2 and 3-4: two islands
            graph.Link(0, 1);
            graph.Link(1, 2);
            graph.Link(3, 4);
            RelaySelection selection = new RelaySelection(graph);
            selection.NeverRelays(4);
            bool[] relays = selection.Select();
            Assert.IsFalse(selection.IsComplete);
            Assert.AreEqual(4, CountOf(relays));
            Assert.IsFalse(relays[4]);

            NeighbourGraph cut = new NeighbourGraph(3); // 0-1-2 where 1 cannot relay
            cut.Link(0, 1);
            cut.Link(1, 2);
            RelaySelection cutSelection = new RelaySelection(cut);
            cutSelection.NeverRelays(1);
            cutSelection.Select();
            Assert.IsFalse(cutSelection.IsComplete);
        }

        [TestMethod]
        public void ADisappearedDeviceIsIsolatedAndTheRestReselected()
        {
            NeighbourGraph graph = new NeighbourGraph(5); // 0-1-2-3 and 4 hearing 1 and 3
            graph.Link(0, 1);
            graph.Link(1, 2);
            graph.Link(2, 3);
            graph.Link(4, 1);
            graph.Link(4, 3);
            graph.Isolate(2);
            Assert.AreEqual(0, graph.Degree(2));
            Assert.IsFalse(graph.AreNeighbours(1, 2));
            Assert.IsFalse(graph.IsConnected(), "the isolated device is heard by nobody");
            RelaySelection selection = new RelaySelection(graph);
            bool[] relays = selection.Select();
            Assert.IsFalse(selection.IsComplete, "device 2 is unreachable");
            Assert.AreEqual(5, CountOf(relays), "fallback: every capable device relays");
        }

        [TestMethod]
        public void TheGraphRefusesBadIndexesAndSelfLinks()
        {
            NeighbourGraph graph = new NeighbourGraph(3);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { graph.Link(0, 3); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { graph.Link(-1, 0); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { graph.Link(1, 1); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { new NeighbourGraph(NeighbourGraph.MaximumCount + 1); });
            graph.Link(0, 2);
            Assert.IsTrue(graph.AreNeighbours(2, 0), "links are symmetric");
            Assert.AreEqual(1, graph.Degree(0));
            Assert.IsTrue(new NeighbourGraph(1).IsConnected());
        }

        /// <summary>Devices on a square field, linked within a radio range; then joined to the nearest earlier device if still apart.</summary>
        public static NeighbourGraph RandomConnectedGraph(int count, int seed)
        {
            Random random = new Random(seed);
            int[] x = new int[count];
            int[] y = new int[count];
            NeighbourGraph graph = new NeighbourGraph(count);
            for (int device = 0; device < count; device++)
            {
                x[device] = random.Next(1000);
                y[device] = random.Next(1000);
                int nearest = -1;
                long nearestDistance = long.MaxValue;
                bool linked = false;
                for (int other = 0; other < device; other++)
                {
                    long dx = x[device] - x[other];
                    long dy = y[device] - y[other];
                    long distance = dx * dx + dy * dy;
                    if (distance <= 300L * 300L)
                    {
                        graph.Link(device, other);
                        linked = true;
                    }

                    if (distance < nearestDistance)
                    {
                        nearestDistance = distance;
                        nearest = other;
                    }
                }

                if (!linked && nearest >= 0)
                {
                    graph.Link(device, nearest);
                }
            }

            return graph;
        }

        /// <summary>Asserts that every pair is linked or joined by a path whose inner devices all relay.</summary>
        public static void AssertEveryPairReachable(NeighbourGraph graph, bool[] relays, string context)
        {
            int count = graph.Count;
            bool[] reached = new bool[count];
            int[] frontier = new int[count];
            for (int start = 0; start < count; start++)
            {
                for (int device = 0; device < count; device++)
                {
                    reached[device] = false;
                }

                int head = 0;
                int tail = 0;
                reached[start] = true;
                frontier[tail++] = start;
                while (head < tail)
                {
                    int device = frontier[head++];
                    if (device != start && !relays[device])
                    {
                        continue; // heard, but does not pass it on
                    }

                    for (int other = 0; other < count; other++)
                    {
                        if (!reached[other] && graph.AreNeighbours(device, other))
                        {
                            reached[other] = true;
                            frontier[tail++] = other;
                        }
                    }
                }

                Assert.AreEqual(count, tail, context + ": device " + start.ToString() + " reaches every other");
            }
        }

        /// <summary>Number of true elements.</summary>
        public static int CountOf(bool[] flags)
        {
            int count = 0;
            for (int i = 0; i < flags.Length; i++)
            {
                if (flags[i])
                {
                    count++;
                }
            }

            return count;
        }
    }
}
