using System;
using System.Text;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// A mixed fleet: a seed node (text SEND / text STATUS only, seed protocol §1.2) on the same mesh as our
    /// nodes. It is emulated with a bare mesh stack driven by the test, answering every text SEND with a text STATUS.
    /// </summary>
    [LongRunning(25)]
    public sealed class SeedCompatibilityTests : IDisposable
    {
        private const int SeedAddress = 0x0007; // node id 2
        private const string SeedReading = "D:0%,V:12.100V,I:0.00mA,P:0.0mW";
        private readonly TestNetwork _network = new TestNetwork(2);
        private readonly TemporaryFlash _seedFlash = new TemporaryFlash();
        private readonly EmulatedMeshStack _seed;
        private readonly VirtualBoard _seedBoard;
        private int _binaryRequestsSeen;
        private int _textRequestsSeen;

        public SeedCompatibilityTests()
        {
            _seedBoard = new VirtualBoard(_seedFlash.Path);
            EmulatedMeshStack.Preprovision(_seedBoard.FlashDirectory, SeedAddress, EmulatedUniversalNode.UniversalNodeModels, subscribeVendorServerToAll: true);
            _seed = EmulatedMeshStack.For(_seedBoard);
            _seed.RadioName = "seed-node";
            _seed.AttachTo(_network.Air);
            using (_seedBoard.Activate())
            {
                nanoFramework.Runtime.Events.CustomEvent.CustomEventPosted += (sender, e) => AnswerLikeTheSeed();
                Assert.Equal(NativeContract.Ok, _seed.Start(EmulatedUniversalNode.UniversalNodeModels, true, 7, new byte[16]));
            }
        }

        public void Dispose()
        {
            _seed.PowerOff();
            _network.Dispose();
            _seedFlash.Dispose();
        }

        [Fact]
        public void ASeedNodeIsReachedInTextAfterItsFirstBinaryRequestTimesOut()
        {
            var pi = _network.ConnectPi(0);
            pi.Write("2:READ");
            Assert.Equal("SENT:READ", pi.Next());
            Assert.Equal("ERROR:MESH_TIMEOUT", pi.Next(12000)); // the seed ignores the binary opcode
            Assert.Equal(1, _binaryRequestsSeen);

            pi.Write("2:READ");
            Assert.Equal("SENT:READ", pi.Next());
            Assert.Equal("NODE2:DATA:" + SeedReading, pi.Next());
            Assert.Equal(1, _textRequestsSeen);
        }

        [Fact]
        public void AllReachesSeedAndOurNodesOnceEachOnceTheSeedIsKnown()
        {
            var pi = _network.ConnectPi(0);
            pi.Write("2:READ");
            pi.Next();
            pi.Next(12000); // timeout: the seed is now known to speak text
            pi.Write("ALL:READ");
            Assert.StartsWith("NODE0:DATA:", pi.Next());
            Assert.Equal("SENT:READ", pi.Next());
            string first = pi.Next();
            string second = pi.Next();
            Assert.Contains("NODE2:DATA:" + SeedReading, new[] { first, second });
            Assert.Contains(new[] { first, second }, m => m.StartsWith("NODE1:DATA:D:0%,", StringComparison.Ordinal));
            Assert.True(pi.NothingMoreWithin(1500), "node 1 answered both the binary and the text group message");
        }

        [Fact]
        public void WithTwoGatewaysConnectedAnAllIsAnsweredOnceAndOnlyWhereItWasAsked()
        {
            var first = _network.ConnectPi(0);
            var second = _network.ConnectPi(1);
            first.Write("2:READ");
            first.Next();
            first.Next(12000); // the first gateway now sends every group command in binary and in text

            first.Write("ALL:READ");
            var replies = new System.Collections.Generic.List<string>();
            for (int i = 0; i < 4; i++)
            {
                replies.Add(first.Next());
            }

            Assert.StartsWith("NODE0:DATA:", replies[0]);
            Assert.Equal("SENT:READ", replies[1]);
            Assert.Single(replies, m => m.StartsWith("NODE1:DATA:", StringComparison.Ordinal));
            Assert.Single(replies, m => m == "NODE2:DATA:" + SeedReading);
            Assert.True(first.NothingMoreWithin(2000), "a node answered the binary and the text copy: " + string.Join(" | ", first.Chunks));
            Assert.True(second.NothingMoreWithin(500), "the other gateway forwarded replies nobody asked it for: " + string.Join(" | ", second.Chunks));
        }

        [Fact]
        public void ANodeRunsAGroupCommandOnceWhenItsTextCopyArrivesBeforeItsBinary()
        {
            // A gateway's two copies of one ALL can arrive in either order (relays, retransmissions): text first here.
            byte[] text = Encoding.ASCII.GetBytes("read");
            byte[] binary = new byte[DcMonitor.Shared.Mesh.BinaryCommandCodec.Length];
            Assert.True(DcMonitor.Shared.Mesh.BinaryCommandCodec.TryEncode(DcMonitor.Shared.Commands.NodeCommandParser.Parse("read"), binary));
            using (_seedBoard.Activate())
            {
                Assert.Equal(NativeContract.Ok, _seed.SendVendor(0xC000, 0xC002E5, text, text.Length, 7, false, 0));
                Assert.Equal(NativeContract.Ok, _seed.SendVendor(0xC000, DcMonitor.MeshInterop.MeshProtocol.BinarySendOpcode, binary, binary.Length, 7, false, 0));
            }

            // Every status for 3 s; the seed stack answers its own text copy too (it is subscribed to the group): not counted.
            var answers = new System.Collections.Generic.List<string>();
            DateTime until = DateTime.UtcNow.AddSeconds(3);
            while (_statuses.TryTake(out string status, (int)Math.Max(0, (until - DateTime.UtcNow).TotalMilliseconds)))
            {
                if (!status.Contains("from 0x0007", StringComparison.Ordinal))
                {
                    answers.Add(status);
                }
            }

            Assert.True(answers.Count == 2, "one answer per node expected: " + string.Join(" | ", answers));
            Assert.Contains(answers, a => a.Contains("0x0005", StringComparison.Ordinal));
            Assert.Contains(answers, a => a.Contains("0x0006", StringComparison.Ordinal));
        }

        [Fact]
        public void OurNodeAnswersATextSendInText()
        {
            using (_seedBoard.Activate())
            {
                byte[] read = Encoding.ASCII.GetBytes("read");
                Assert.Equal(NativeContract.Ok, _seed.SendVendor(0x0006, 0xC002E5, read, read.Length, 7, true, 5000));
            }

            string status = _statuses.Take(new CancellationTokenSource(10000).Token);
            Assert.StartsWith("0xC102E5 from 0x0006: D:0%,V:", status);
        }

        private readonly System.Collections.Concurrent.BlockingCollection<string> _statuses = new System.Collections.Concurrent.BlockingCollection<string>();

        private void AnswerLikeTheSeed()
        {
            byte[] record = new byte[512];
            int length;
            while ((length = _seed.TakeEvent(record)) > 0)
            {
                int kind = record[0];
                int source = record[1] | (record[2] << 8);
                int opcode = record[5] | (record[6] << 8) | (record[7] << 16);
                int handle = record[9] | (record[10] << 8);
                int payloadLength = record[13] | (record[14] << 8);
                if (kind != NativeContract.VendorMessageReceived)
                {
                    continue;
                }

                if (opcode == 0xC202E5)
                {
                    Interlocked.Increment(ref _binaryRequestsSeen); // unknown to the seed: ignored
                }
                else if (opcode == 0xC002E5)
                {
                    Interlocked.Increment(ref _textRequestsSeen);
                    byte[] reply = Encoding.ASCII.GetBytes(SeedReading);
                    _seed.ReplyVendor(handle, 0xC102E5, reply, reply.Length);
                }
                else if (opcode == DcMonitor.MeshInterop.MeshProtocol.BinaryStatusOpcode)
                {
                    _statuses.Add("binary from 0x" + source.ToString("X4"));
                }
                else if (opcode == 0xC102E5)
                {
                    _statuses.Add("0xC102E5 from 0x" + source.ToString("X4") + ": " + Encoding.ASCII.GetString(record, NativeContract.RecordHeaderLength, payloadLength));
                }
            }
        }
    }
}
