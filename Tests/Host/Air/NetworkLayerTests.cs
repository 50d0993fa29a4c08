using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>
    /// The network layer of the emulated stack (Mesh Profile 3.4.6; Emulator/Platform/Mesh/Stack/Network/NetworkLayer.cs): network PDUs
    /// handed straight to one stack's radio, what it delivers counted from its events and what it sends recorded by the air.
    /// </summary>
    public class NetworkLayerTests
    {
        private const int VendorSendText = 0xC002E5;
        private const int AllNodesGroup = 0xC000;
        private const int OtherNode = 0x0100;

        [Fact]
        public void ARelayForwardsAPduWithItsTtlLoweredByOneRelayRetransmitTimes()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1, relay: true);

            Receive(mesh.Stacks[0], Pdu(sequence: 1, destination: 0x0200, ttl: 5));

            var sent = air.Transmissions;
            Assert.Equal((NativeContract.CompositionRelayRetransmitCount + 1), sent.Count);
            Assert.All(sent, t =>
            {
                Assert.True(t.Relayed);
                Assert.Equal(4, t.Pdu.Ttl);
                Assert.Equal(OtherNode, t.Pdu.Source); // forwarded as it came: same source and sequence number
                Assert.Equal(1, t.Pdu.Sequence);
                Assert.Equal(0x0200, t.Pdu.Destination);
            });
        }

        [Fact]
        public void APduWithTtlOneIsDeliveredButNotRelayedAndTtlTwoIsRelayedWithTtlOne()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1, relay: true);

            Receive(mesh.Stacks[0], Pdu(sequence: 1, destination: AllNodesGroup, ttl: 1));
            Assert.Empty(air.Transmissions);
            Assert.Equal(1, mesh.Received(0, VendorSendText));

            Receive(mesh.Stacks[0], Pdu(sequence: 2, destination: AllNodesGroup, ttl: 2));
            Assert.Equal((NativeContract.CompositionRelayRetransmitCount + 1), air.Transmissions.Count);
            Assert.All(air.Transmissions, t => Assert.Equal(1, t.Pdu.Ttl));
            Assert.Equal(2, mesh.Received(0, VendorSendText));
        }

        [Fact]
        public void TheMessageCacheDropsAPduHeardAgainSoItIsDeliveredAndRelayedOnce()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1, relay: true);
            NetworkPdu pdu = Pdu(sequence: 7, destination: AllNodesGroup, ttl: 5);

            Receive(mesh.Stacks[0], pdu);
            Receive(mesh.Stacks[0], pdu);
            Receive(mesh.Stacks[0], pdu.Relayed()); // another relay's copy: same source and sequence, lower TTL

            Assert.Equal(1, mesh.Received(0, VendorSendText));
            Assert.Equal((NativeContract.CompositionRelayRetransmitCount + 1), air.Transmissions.Count);

            Receive(mesh.Stacks[0], Pdu(sequence: 8, destination: AllNodesGroup, ttl: 5)); // the next sequence number is new
            Assert.Equal(2, mesh.Received(0, VendorSendText));
        }

        [Fact]
        public void APduToTheNodeItselfIsDeliveredAndNotRelayed()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1, relay: true);

            Receive(mesh.Stacks[0], Pdu(sequence: 1, destination: mesh.Stacks[0].UnicastAddress, ttl: 5));

            Assert.Equal(1, mesh.Received(0, VendorSendText));
            Assert.Empty(air.Transmissions);
        }

        [Fact]
        public void APduUnderAnotherNetKeyIsNeitherDeliveredNorRelayed()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1, relay: true);

            Receive(mesh.Stacks[0], Pdu(sequence: 1, destination: AllNodesGroup, ttl: 5, networkKeyId: MeshKeys.Id("000102030405060708090A0B0C0D0E0F")));

            Assert.Equal(0, mesh.Received(0, VendorSendText));
            Assert.Empty(air.Transmissions);
        }

        [Fact]
        public void ANodeWithTheRelayFeatureOffDeliversButDoesNotRelay()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1, relay: false);

            Receive(mesh.Stacks[0], Pdu(sequence: 1, destination: AllNodesGroup, ttl: 5));

            Assert.Equal(1, mesh.Received(0, VendorSendText));
            Assert.Empty(air.Transmissions);
        }

        [Fact]
        public void APduTheNodeOriginatesIsSentNetworkTransmitTimesWithItsDefaultTtl()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1, relay: true);

            Assert.Equal(NativeContract.Ok, mesh.Stacks[0].SendVendor(OtherNode, VendorSendText, new byte[] { 1, 2 }, 2, 0xFF, false, 0));

            var sent = air.Transmissions;
            Assert.Equal((NativeContract.CompositionNetworkTransmitCount + 1), sent.Count);
            Assert.All(sent, t =>
            {
                Assert.False(t.Relayed);
                Assert.Equal(7, t.Pdu.Ttl); // StackMesh starts its stacks with default TTL 7
                Assert.Equal(mesh.Stacks[0].UnicastAddress, t.Pdu.Source);
            });
            Assert.Single(sent.Select(t => t.Pdu.Sequence).Distinct()); // retransmissions of one PDU, one sequence number
        }

        /// <summary>A one-segment vendor SEND from <see cref="OtherNode"/> under StackMesh's keys (identifier 0) unless told otherwise.</summary>
        internal static NetworkPdu Pdu(int sequence, int destination, int ttl, int networkKeyId = 0, int accessKeyId = 0) => new NetworkPdu
        {
            Source = OtherNode, Destination = destination, Ttl = ttl, Sequence = sequence, SequenceZero = sequence, SegmentCount = 1,
            Opcode = VendorSendText, Parameters = new byte[] { 0x72 }, NetworkKeyId = networkKeyId, AccessKeyId = accessKeyId,
        };

        /// <summary>Hands <paramref name="pdu"/> to the stack's radio and waits until its receive thread has processed it (at most 10 s).</summary>
        internal static void Receive(EmulatedMeshStack stack, NetworkPdu pdu)
        {
            stack.Receive(pdu);
            var clock = Stopwatch.StartNew();
            while (stack.PendingReceptions > 0)
            {
                Assert.True(clock.ElapsedMilliseconds < 10_000, "the stack did not process the PDU within 10 s");
                Thread.Sleep(1);
            }
        }
    }
}
