using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>
    /// The access layer of the emulated stack (Mesh Profile 3.7.5; Emulator/Platform/Mesh/Stack/Access/AccessLayer.cs) under its network
    /// layer: the AppKey and the model binding decide delivery, while relaying stays the network layer's, whatever the access layer does.
    /// </summary>
    public class AccessLayerTests
    {
        private const int VendorSendText = 0xC002E5;
        private const int AllNodesGroup = 0xC000;

        [Fact]
        public void AMessageUnderAnAppKeyTheNodeLacksIsNotDeliveredButStillRelayed()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1, relay: true);

            NetworkLayerTests.Receive(mesh.Stacks[0], NetworkLayerTests.Pdu(sequence: 1, destination: AllNodesGroup, ttl: 5, accessKeyId: MeshKeys.Id("0F0E0D0C0B0A09080706050403020100")));

            Assert.Equal(0, mesh.Received(0, VendorSendText));
            Assert.Equal((NativeContract.CompositionRelayRetransmitCount + 1), air.Transmissions.Count);
        }

        [Fact]
        public void AnUnboundVendorServerHearsNothingAndHearsAgainOnceBound()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1);
            EmulatedMeshStack stack = mesh.Stacks[0];
            stack.ApplyConfiguration(StackMesh.Models & ~NativeContract.VendorServer, 0);

            NetworkLayerTests.Receive(stack, NetworkLayerTests.Pdu(sequence: 1, destination: stack.UnicastAddress, ttl: 5));
            Assert.Equal(0, mesh.Received(0, VendorSendText));

            stack.ApplyConfiguration(StackMesh.Models, 0);
            NetworkLayerTests.Receive(stack, NetworkLayerTests.Pdu(sequence: 2, destination: stack.UnicastAddress, ttl: 5));
            Assert.Equal(1, mesh.Received(0, VendorSendText));
        }
    }
}
