using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// Whole networks in one process: the Pi's commands through node 0's GATT service, over the emulated mesh,
    /// with the notifications reassembled as the Pi does (seed protocol §2.8 sequences).
    /// </summary>
    public class GatewayNetworkTests
    {
        [Fact]
        public void SelfAddressedReadNeverTouchesTheMesh()
        {
            using var network = new TestNetwork(2);
            var pi = network.ConnectPi(0);
            long before = network.Air.Statistics.NetworkPdusTransmitted;
            Assert.True(pi.Write("0:READ"));
            string message = pi.Next();
            Assert.StartsWith("NODE0:DATA:", message);
            Assert.True(PiDataParser.IsReading(message.Substring("NODE0:DATA:".Length)), message);
            Assert.Equal(before, network.Air.Statistics.NetworkPdusTransmitted);
        }

        [Fact]
        public void RemoteDutyIsSentAndTheNodesReadingComesBack()
        {
            using var network = new TestNetwork(2);
            var pi = network.ConnectPi(0);
            pi.Write("1:DUTY:50");
            Assert.Equal("SENT:DUTY", pi.Next());
            string data = pi.Next();
            Assert.StartsWith("NODE1:DATA:D:50%,", data);
            Assert.True(PiDataParser.TryParse(data.Substring("NODE1:DATA:".Length), out int duty, out _, out double milliamps, out _));
            Assert.Equal(50, duty);
            Assert.InRange(milliamps, 121.25, 128.75);
            Assert.Equal(0.5, network.GateLevel(1), 4);
            Assert.Equal(1.0, network.GateLevel(0), 4);
        }

        [Fact]
        public void AllReadAnswersLocallyFirstThenEveryOtherNode()
        {
            using var network = new TestNetwork(4);
            var pi = network.ConnectPi(0);
            pi.Write("ALL:READ");
            Assert.StartsWith("NODE0:DATA:D:0%,", pi.Next());
            Assert.Equal("SENT:READ", pi.Next());
            var others = new HashSet<string> { pi.Next(), pi.Next(), pi.Next() }.Select(m => m.Substring(0, m.IndexOf(":DATA:", StringComparison.Ordinal))).ToHashSet();
            Assert.Equal(new HashSet<string> { "NODE1", "NODE2", "NODE3" }, others);
            Assert.True(pi.NothingMoreWithin(500), "a node answered twice");
        }

        [Fact]
        public void ANodeThatDoesNotExistTimesOut()
        {
            using var network = new TestNetwork(2);
            var pi = network.ConnectPi(0);
            pi.Write("7:READ");
            Assert.Equal("SENT:READ", pi.Next());
            Assert.Equal("ERROR:MESH_TIMEOUT", pi.Next(12000));
        }

        [Fact]
        public void ANodeOutOfRangeIsReachedThroughARelay()
        {
            using var network = new TestNetwork(3, air =>
            {
                air.SetLink("node-0", "node-2", inRange: false);
            });
            var pi = network.ConnectPi(0);
            pi.Write("2:READ");
            Assert.Equal("SENT:READ", pi.Next());
            Assert.StartsWith("NODE2:DATA:D:0%,", pi.Next());
            Assert.True(network.Air.Statistics.NetworkPdusRelayed > 0);
        }

        [Fact]
        public void AReadRoundTripIsUnsegmentedWithTheBinaryProtocol()
        {
            using var network = new TestNetwork(2);
            var pi = network.ConnectPi(0);
            pi.Write("1:READ");
            pi.Next();
            pi.Next();
            Assert.Equal(0, network.Air.Statistics.SegmentedMessages);
        }

        [Fact]
        public void MessagesAreChunkedInTwentyBytesAndNeverInterleave()
        {
            using var network = new TestNetwork(2);
            var pi = network.ConnectPi(0, mtu: 185);
            pi.Write("ALL:READ");
            for (int i = 0; i < 3; i++)
            {
                pi.Next();
            }

            Assert.All(pi.Chunks, chunk => Assert.InRange(chunk.Length, 1, 20));
        }

        [Theory]
        [InlineData("", "ERROR:NO_NODE_ID")]
        [InlineData(":", "ERROR:NO_NODE_ID")]
        [InlineData("abc:READ", "ERROR:INVALID_NODE")]
        [InlineData("250:READ", "ERROR:INVALID_NODE")]
        [InlineData("1:DUTY:x", "ERROR:INVALID_VALUE:x")]
        [InlineData("1:JUMP", "ERROR:UNKNOWN_CMD:JUMP")]
        public void BadInputGetsTheDocumentedErrorAndTheNodeKeepsWorking(string command, string error)
        {
            using var network = new TestNetwork(2);
            var pi = network.ConnectPi(0);
            pi.Write(command);
            Assert.Equal(error, pi.Next());
            pi.Write("0:READ");
            Assert.StartsWith("NODE0:DATA:", pi.Next());
        }

        [Fact]
        public void OverLongAndNonTextWritesAreRejected()
        {
            using var network = new TestNetwork(1);
            var pi = network.ConnectPi(0, mtu: 185);
            Assert.True(pi.Write(new string('1', 100)));
            Assert.Equal("ERROR:COMMAND_TOO_LONG", pi.Next());
            Assert.True(pi.WriteBytes(new byte[] { (byte)'0', (byte)':', 0xC3, 0x28 }));
            Assert.Equal("ERROR:INVALID_TEXT", pi.Next());
            Assert.False(pi.WriteBytes(new byte[200]), "ATT refuses a value longer than MTU - 3");
        }
    }
}
