using System.Collections.Generic;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>
    /// A vendor server's reply carries a TTL scoped to the hops its request took (Emulator/Platform/Mesh/Stack/Access/ReplyTtl.cs, as
    /// native-mesh-interop/native/core/dcm_reply_ttl.h): the gateway's requests leave with TTL 7, so a request received with TTL r took
    /// 7 − r + 1 hops and is answered with one hop more; the node's Default TTL (7 here) once that is not below 7, or when r is above 7.
    /// </summary>
    public class ReplyTtlTests
    {
        private const int VendorStatusText = 0xC102E5;
        private const int NodeDefaultTtl = 7; // StackMesh starts every stack with Default TTL 7

        [Theory]
        [InlineData(7, 2)] // heard directly: one hop, plus one of margin
        [InlineData(6, 3)] // through one relay
        [InlineData(4, 5)]
        [InlineData(3, 6)]
        [InlineData(2, NodeDefaultTtl)] // six hops: seven would not be below the request's TTL
        [InlineData(9, NodeDefaultTtl)] // a sender with a larger TTL than the gateway's: hops unknown
        public void TheReplysTtlFollowsTheHopsTheRequestTook(int receivedTtl, int replyTtl)
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1);

            Assert.Equal(new[] { replyTtl }, ReplyTtls(air, mesh.Stacks[0], receivedTtl));
        }

        [Fact]
        public void WithoutScopingEveryReplyKeepsTheDefaultTtlAsTheSeedsDid()
        {
            var air = new RecordingAir();
            using var mesh = new StackMesh(air, 1);
            mesh.Stacks[0].ScopedVendorReplyTtl = false;

            Assert.Equal(new[] { NodeDefaultTtl }, ReplyTtls(air, mesh.Stacks[0], 7));
        }

        /// <summary>Hands <paramref name="stack"/> a text SEND to its unicast received with <paramref name="receivedTtl"/>, answers it,
        /// and returns the distinct TTLs of the reply's transmissions.</summary>
        private static int[] ReplyTtls(RecordingAir air, EmulatedMeshStack stack, int receivedTtl)
        {
            NetworkLayerTests.Receive(stack, NetworkLayerTests.Pdu(sequence: 1, destination: stack.UnicastAddress, ttl: receivedTtl));
            byte[] record = new byte[512];
            Assert.True(stack.TakeEvent(record) > 0);
            Assert.Equal(NativeContract.VendorMessageReceived, record[0]);
            int handle = record[9] | (record[10] << 8);
            Assert.Equal(NativeContract.Ok, stack.ReplyVendor(handle, VendorStatusText, new byte[] { 0x31 }, 1));

            var ttls = new SortedSet<int>();
            foreach ((NetworkPdu pdu, bool relayed) in air.Transmissions)
            {
                if (pdu.Opcode == VendorStatusText && pdu.Source == stack.UnicastAddress && !relayed)
                {
                    ttls.Add(pdu.Ttl);
                }
            }

            return new List<int>(ttls).ToArray();
        }
    }
}
