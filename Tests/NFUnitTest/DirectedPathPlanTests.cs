using System;
using DcMonitor.Shared.Provisioning;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The provisioner's fixed directed paths per relay region (docs/directed-forwarding.md): on random connected graphs with the
    /// relays relay selection picks, every device has a path whose hops are radio links ending at the gateway, held within the
    /// ESP-IDF table sizes; consecutive addresses merge into unicast address ranges.
    /// </summary>
    [TestClass]
    public class DirectedPathPlanTests
    {
        [TestMethod]
        public void OnRandomConnectedGraphsEveryDeviceHasAPathOfRadioLinksToTheGateway()
        {
            for (int seed = 1; seed <= 8; seed++)
            {
                NeighbourGraph graph = RelaySelectionTests.RandomConnectedGraph(12 + seed * 4, seed);
                bool[] relays = new RelaySelection(graph).Select();
                DirectedPathPlan plan = new DirectedPathPlan(graph, relays, 0);
                for (int device = 1; device < graph.Count; device++)
                {
                    string label = "seed " + seed.ToString() + " device " + device.ToString();
                    Assert.IsTrue(plan.HasPath(device), label);
                    Assert.IsTrue(plan.EntriesAt(device) >= 1 && plan.EntriesAt(device) <= DirectedPathPlan.MaximumForwardingEntries, label);
                    int hop = plan.IsPathRelay(device) ? device : plan.AnchorOf(device);
                    int hops = 1;
                    int previous = device;
                    while (hop != DirectedPathPlan.NoDevice)
                    {
                        Assert.IsTrue(hop == previous || graph.AreNeighbours(previous, hop), label + ": a hop that is no radio link");
                        Assert.IsTrue(plan.CarriesRegion(hop, plan.IsPathRelay(device) ? device : plan.AnchorOf(device)), label + ": a chain relay without the region's path");
                        hops += hop == previous ? 0 : 1;
                        previous = hop;
                        hop = plan.ParentOf(hop);
                    }

                    Assert.IsTrue(graph.AreNeighbours(previous, 0), label + ": the chain does not end next to the gateway");
                    Assert.AreEqual(plan.HopsOf(device), hops, label);
                }

                Assert.IsTrue(plan.EntriesAt(0) <= DirectedPathPlan.MaximumForwardingEntries, "seed " + seed.ToString() + ": gateway table");
            }
        }

        [TestMethod]
        public void EachDeviceHoldsTheEntriesOfThePathOriginsItIsGiven()
        {
            // 0 the gateway; 1 and 2 relay in a chain (1 hears 0); 3 hears only 2; 4 hears 0 and 1.
            NeighbourGraph graph = new NeighbourGraph(5);
            graph.Link(0, 1);
            graph.Link(1, 2);
            graph.Link(2, 3);
            graph.Link(0, 4);
            graph.Link(1, 4);
            DirectedPathPlan plan = new DirectedPathPlan(graph, new bool[] { false, true, true, false, false }, 0);
            AssertOrigins(new int[] { 1, 2, 4 }, plan.PathOriginsAt(0), "gateway: both regions and its neighbour's own path");
            AssertOrigins(new int[] { 1, 2 }, plan.PathOriginsAt(1), "relay 1: its region and 2's, whose chain crosses it");
            AssertOrigins(new int[] { 2 }, plan.PathOriginsAt(2), "relay 2: its own region");
            AssertOrigins(new int[] { 3 }, plan.PathOriginsAt(3), "member: its own path");
            AssertOrigins(new int[] { 4 }, plan.PathOriginsAt(4), "gateway neighbour: its own path");
            for (int device = 0; device < graph.Count; device++)
            {
                Assert.AreEqual(plan.EntriesAt(device), plan.PathOriginsAt(device).Length, "device " + device.ToString());
            }
        }

        private static void AssertOrigins(int[] expected, int[] actual, string label)
        {
            Assert.AreEqual(expected.Length, actual.Length, label);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], label);
            }
        }

        [TestMethod]
        public void ConsecutiveAddressesMergeIntoOneRange()
        {
            int[] ranges = DirectedPathPlan.AddressRanges(new int[] { 0x0010, 0x0011, 0x0012, 0x0020 });
            Assert.AreEqual(4, ranges.Length);
            Assert.AreEqual(0x0010, ranges[0]);
            Assert.AreEqual(3, ranges[1]);
            Assert.AreEqual(0x0020, ranges[2]);
            Assert.AreEqual(1, ranges[3]);
            Assert.ThrowsException(typeof(ArgumentException), delegate { DirectedPathPlan.AddressRanges(new int[] { 0x0011, 0x0010 }); });
        }
    }
}
