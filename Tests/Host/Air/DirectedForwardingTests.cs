using System.Linq;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>
    /// Directed forwarding in the emulated stack (Mesh Protocol 1.1 fixed paths; Emulator/Platform/Mesh/Stack/DirectedForwarding,
    /// docs/directed-forwarding.md): network PDUs handed straight to one stack's radio, what it sends recorded by the air.
    /// </summary>
    public class DirectedForwardingTests
    {
        private const int VendorSendText = 0xC002E5;
        private const int Member = 0x0100;
        private const int Gateway = 0x0005 + 7;
        private const int Stranger = 0x0200;
        private const int RegionRelay = 0x0150;

        [Fact]
        public void APathRelayForwardsTheDirectedPdusOfItsPathsOnlyWithDirectedRelayRetransmit()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1, relay: true); // the Relay feature on: managed flooding would relay everything
            EmulatedMeshStack relay = mesh.Stacks[0];
            relay.ConfigureDirectedForwarding(true, true, 1, 2);
            Assert.True(relay.AddFixedPath(RegionRelay, Gateway, new[] { Member, 1 }, false));

            NetworkLayerTests.Receive(relay, Directed(Member, Gateway, sequence: 1, ttl: 5));
            Assert.Equal(3, air.Transmissions.Count); // Directed Relay Retransmit count 2
            Assert.All(air.Transmissions, t =>
            {
                Assert.True(t.Relayed);
                Assert.True(t.Pdu.Directed);
                Assert.Equal(4, t.Pdu.Ttl);
            });

            NetworkLayerTests.Receive(relay, Directed(Stranger, Gateway, sequence: 1, ttl: 5)); // a source on none of its paths
            NetworkLayerTests.Receive(relay, Directed(Member, Stranger, sequence: 2, ttl: 5)); // another destination
            NetworkLayerTests.Receive(relay, Directed(Gateway, Member, sequence: 1, ttl: 5)); // backward, on a one-way path
            Assert.Equal(3, air.Transmissions.Count);
        }

        [Fact]
        public void ATwoWayPathCarriesTheTargetsPdusToTheOriginAndItsDependents()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1);
            EmulatedMeshStack relay = mesh.Stacks[0];
            relay.ConfigureDirectedForwarding(true, true, 1, 1);
            Assert.True(relay.AddFixedPath(RegionRelay, Gateway, new[] { Member, 1 }, true));

            NetworkLayerTests.Receive(relay, Directed(Gateway, Member, sequence: 1, ttl: 5));
            NetworkLayerTests.Receive(relay, Directed(Gateway, RegionRelay, sequence: 2, ttl: 5));
            NetworkLayerTests.Receive(relay, Directed(Gateway, Stranger, sequence: 3, ttl: 5));

            Assert.Equal(new[] { Member, RegionRelay }, air.Transmissions.Select(t => t.Pdu.Destination).Distinct().ToArray());
            Assert.Equal(4, air.Transmissions.Count);
        }

        [Fact]
        public void WithoutDirectedRelayOrDirectedForwardingANodeDoesNotRelayADirectedPdu()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 2, relay: true);
            mesh.Stacks[0].ConfigureDirectedForwarding(true, false, 1, 1); // a region member: forwarding on, directed relay off
            Assert.True(mesh.Stacks[0].AddFixedPath(RegionRelay, Gateway, new[] { Member, 1 }, true));
            Assert.True(mesh.Stacks[1].AddFixedPath(RegionRelay, Gateway, new[] { Member, 1 }, true)); // directed forwarding never turned on

            NetworkLayerTests.Receive(mesh.Stacks[0], Directed(Member, Gateway, sequence: 1, ttl: 5));
            NetworkLayerTests.Receive(mesh.Stacks[1], Directed(Member, Gateway, sequence: 1, ttl: 5));
            NetworkLayerTests.Receive(mesh.Stacks[0], Directed(Member, mesh.Stacks[0].UnicastAddress, sequence: 2, ttl: 5));
            NetworkLayerTests.Receive(mesh.Stacks[1], Directed(Member, mesh.Stacks[1].UnicastAddress, sequence: 2, ttl: 5));

            Assert.Empty(air.Transmissions);
            Assert.Equal(1, mesh.Received(0, VendorSendText)); // read with the directed keys
            Assert.Equal(0, mesh.Received(1, VendorSendText)); // no directed keys: not even delivered
        }

        [Fact]
        public void AUnicastSendGoesDirectedWithAPathAndFloodsWithoutOneAsEspIdfFallsBack()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1);
            EmulatedMeshStack node = mesh.Stacks[0];
            node.ConfigureDirectedForwarding(true, false, 1, 1);
            Assert.True(node.AddFixedPath(node.UnicastAddress, Gateway, new int[0], true));

            Assert.Equal(NativeContract.Ok, node.SendVendor(Gateway, VendorSendText, new byte[] { 0x72 }, 1, 7, false, 0));
            Assert.Equal(2, air.Transmissions.Count); // Directed Network Transmit count 1
            Assert.All(air.Transmissions, t => Assert.True(t.Pdu.Directed));
            Assert.Equal(0, node.DirectedFloodingFallbacks);

            Assert.Equal(NativeContract.Ok, node.SendVendor(Stranger, VendorSendText, new byte[] { 0x72 }, 1, 7, false, 0));
            Assert.Equal(2 + NativeContract.CompositionNetworkTransmitCount + 1, air.Transmissions.Count); // Network Transmit
            Assert.All(air.Transmissions.Skip(2), t => Assert.False(t.Pdu.Directed));
            Assert.Equal(1, node.DirectedFloodingFallbacks);

            Assert.Equal(NativeContract.Ok, node.SendVendor(0xC000, VendorSendText, new byte[] { 0x72 }, 1, 7, false, 0)); // a group: never directed
            Assert.Equal(1, node.DirectedFloodingFallbacks);
        }

        [Fact]
        public void TheForwardingTableHoldsTheEspIdfSizesAndRefusesMore()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1);
            EmulatedMeshStack node = mesh.Stacks[0];
            for (int i = 0; i < 64; i++)
            {
                Assert.True(node.AddFixedPath(0x0100 + i, Gateway, new int[0], true));
            }

            Assert.False(node.AddFixedPath(0x0200, Gateway, new int[0], true)); // CONFIG_BLE_MESH_MAX_FORWARD_TABLE_ENTRY_COUNT = 64
            Assert.Equal(64, node.ForwardingEntries);

            int[] ranges = Enumerable.Range(0, 64).SelectMany(i => new[] { 0x1000 + 2 * i, 1 }).ToArray();
            Assert.True(node.AddFixedPath(0x0100, Gateway, ranges, true)); // the entry already held takes 64 dependent ranges
            Assert.False(node.AddFixedPath(0x0100, Gateway, new[] { 0x2000, 1 }, true)); // CONFIG_BLE_MESH_MAX_DEPS_NODES_PER_PATH = 64
        }

        private static NetworkPdu Directed(int source, int destination, int sequence, int ttl) => new NetworkPdu
        {
            Source = source, Destination = destination, Ttl = ttl, Sequence = sequence, SequenceZero = sequence, SegmentCount = 1,
            Opcode = VendorSendText, Parameters = new byte[] { 0x72 }, Directed = true,
        };
    }
}
