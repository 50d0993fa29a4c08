using System;
using System.Linq;
using DcMonitor.Emulator.Demo;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Provisioning;
using Xunit;

namespace DcMonitor.Tests.Provisioning
{
    /// <summary>
    /// The provisioner's fixed directed paths per relay region (Shared/Provisioning/DirectedPathPlan.cs, docs/directed-forwarding.md):
    /// the relay tree, the anchors, who holds which path, the ESP-IDF table sizes at 200 nodes, and the address ranges.
    /// </summary>
    public class DirectedPathPlanTests
    {
        /// <summary>
        /// 0 is the gateway; 1 and 2 relay in a chain (1 hears 0); 3 hears only 2; 4 hears 0 and 1; 5 hears 1 and 2; 6 hears nobody.
        /// </summary>
        private static DirectedPathPlan Chain()
        {
            var graph = new NeighbourGraph(7);
            graph.Link(0, 1);
            graph.Link(1, 2);
            graph.Link(2, 3);
            graph.Link(0, 4);
            graph.Link(1, 4);
            graph.Link(2, 5);
            graph.Link(1, 5);
            return new DirectedPathPlan(graph, new[] { false, true, true, false, false, false, false }, 0);
        }

        [Fact]
        public void InOneRoomOf200TheGatewayHoldsOnlyTheOwnPathsItsTableHasRoomForAndTheOthersFlood()
        {
            var graph = new NeighbourGraph(200);
            for (int a = 0; a < 200; a++)
            {
                for (int b = a + 1; b < 200; b++)
                {
                    graph.Link(a, b);
                }
            }

            var plan = new DirectedPathPlan(graph, new bool[200], 0);

            Assert.Equal(DirectedPathPlan.MaximumForwardingEntries, plan.EntriesAt(0));
            Assert.Equal(Enumerable.Range(1, DirectedPathPlan.MaximumForwardingEntries).ToArray(), plan.PathOriginsAt(0));
            Assert.True(plan.HasPath(DirectedPathPlan.MaximumForwardingEntries));
            Assert.False(plan.HasPath(DirectedPathPlan.MaximumForwardingEntries + 1)); // no room at the gateway: it floods
            Assert.Equal(0, plan.EntriesAt(199));
            Assert.Equal(DirectedPathPlan.MaximumForwardingEntries, Enumerable.Range(1, 199).Count(plan.HasPath));
        }

        [Fact]
        public void RelaysFormATreeTowardTheGatewayAndEachNodeIsAnchoredToItsNeighbouringRelayNearestIt()
        {
            DirectedPathPlan plan = Chain();

            Assert.Equal(DirectedPathPlan.NoDevice, plan.ParentOf(1));
            Assert.Equal(1, plan.ParentOf(2));
            Assert.Equal(2, plan.AnchorOf(3));
            Assert.Equal(1, plan.AnchorOf(5)); // hears 1 and 2: 1 is nearer the gateway
            Assert.Equal(DirectedPathPlan.NoDevice, plan.AnchorOf(4)); // hears the gateway
            Assert.Equal(new[] { 1, 1, 2, 3, 2 }, new[] { 4, 1, 2, 3, 5 }.Select(plan.HopsOf).ToArray());
            Assert.Equal(new[] { 3 }, plan.MembersOf(2));
            Assert.Equal(new[] { 5 }, plan.MembersOf(1));
            Assert.False(plan.HasPath(6)); // heard by nobody: it keeps flooding
            Assert.False(plan.HasPath(0));
            Assert.Equal(-1, plan.HopsOf(6));
        }

        [Fact]
        public void ARegionPathIsHeldByItsRelayTheRelaysDownItsChainAndTheGateway()
        {
            DirectedPathPlan plan = Chain();

            Assert.True(plan.CarriesRegion(2, 2));
            Assert.True(plan.CarriesRegion(1, 2));
            Assert.True(plan.CarriesRegion(0, 2));
            Assert.False(plan.CarriesRegion(2, 1)); // 2 is farther from the gateway than 1
            Assert.False(plan.CarriesRegion(3, 2)); // a member does not relay
            Assert.False(plan.CarriesRegion(1, 3)); // 3 is no relay: it has no region
            Assert.Equal(new[] { 3, 2, 1, 1, 1, 1, 0 }, Enumerable.Range(0, 7).Select(plan.EntriesAt).ToArray()); // gateway: 2 regions + neighbour 4
            Assert.True(plan.IsGatewayNeighbour(4));
            Assert.False(plan.IsGatewayNeighbour(1)); // a relay's own traffic uses its region path
        }

        [Fact]
        public void InThe200NodeBuildingEveryNodeHasAPathWithinTheEspIdfTableSizes()
        {
            NeighbourGraph graph = MeshLayout.OneHopGraph(MeshLayout.Building, 200);
            bool[] relays = new RelaySelection(graph).Select();
            var plan = new DirectedPathPlan(graph, relays, 0);

            for (int device = 1; device < 200; device++)
            {
                Assert.True(plan.HasPath(device), "node-" + device + " has no path");
                Assert.InRange(plan.EntriesAt(device), 1, DirectedPathPlan.MaximumForwardingEntries);
                int anchor = plan.AnchorOf(device);
                Assert.True(anchor == DirectedPathPlan.NoDevice || graph.AreNeighbours(device, anchor));
                if (plan.IsPathRelay(device))
                {
                    int[] addresses = plan.MembersOf(device).Select(NodeAddressing.UnicastOf).ToArray();
                    Assert.InRange(DirectedPathPlan.AddressRanges(addresses).Length / 2, 0, DirectedPathPlan.MaximumDependentRanges);
                }
            }

            Assert.InRange(plan.EntriesAt(0), 1, DirectedPathPlan.MaximumForwardingEntries);
        }

        [Fact]
        public void ConsecutiveAddressesMergeIntoRangesOfAtMost255()
        {
            Assert.Equal(new[] { 5, 3, 9, 2, 20, 1 }, DirectedPathPlan.AddressRanges(new[] { 5, 6, 7, 9, 10, 20 }));
            Assert.Equal(new[] { 0x100, 255, 0x1FF, 45 }, DirectedPathPlan.AddressRanges(Enumerable.Range(0x100, 300).ToArray()));
            Assert.Empty(DirectedPathPlan.AddressRanges(new int[0]));
            Assert.Throws<ArgumentException>(() => DirectedPathPlan.AddressRanges(new[] { 5, 5 }));
        }

        [Fact]
        public void BadArgumentsAreRefused()
        {
            var graph = new NeighbourGraph(3);
            Assert.Throws<ArgumentNullException>(() => new DirectedPathPlan(null, new bool[3], 0));
            Assert.Throws<ArgumentException>(() => new DirectedPathPlan(graph, new bool[2], 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DirectedPathPlan(graph, new bool[3], 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => Chain().EntriesAt(7));
        }
    }
}
