using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Transport;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>Lower transport SAR on the timed air: acknowledgments and retransmission of unicast segments, repeats without acknowledgments to a group.</summary>
    public class SegmentationAndReassemblyTests
    {
        private const int VendorSendText = 0xC002E5;
        private const int Models = NativeContract.ConfigServer | NativeContract.VendorServer | NativeContract.VendorClient;

        /// <summary>23 bytes of access message (3-byte opcode + 20) + 4-byte TransMIC = 27 bytes → 3 segments.</summary>
        private static readonly byte[] Payload = new byte[20];

        [Fact]
        public void ASegmentLostIsSentAgainAfterTheAcknowledgmentShowsItMissing()
        {
            var timed = new VirtualAir(lossSeed: 2, AirModel.Timed);
            int firstSegmentOneSequence = -1;
            var air = new DroppingAir(timed, pdu =>
            {
                if (pdu.Control || pdu.SegmentCount != 3 || pdu.SegmentIndex != 1)
                {
                    return false;
                }

                Interlocked.CompareExchange(ref firstSegmentOneSequence, pdu.Sequence, -1);
                return pdu.Sequence == firstSegmentOneSequence; // every copy of segment 1's first send, not its retransmission
            });
            using var mesh = new StackMesh(air, 2);
            mesh.Stacks[0].SendVendor(mesh.Stacks[1].UnicastAddress, VendorSendText, Payload, Payload.Length, 7, false, 0);

            Assert.True(WaitFor(() => mesh.Received(1, VendorSendText) == 1 && !timed.Busy));
            Assert.Equal(mesh.Stacks[0].NetworkTransmissions, air.Dropped);
            Assert.Equal(1, timed.Statistics.SegmentRetransmissions);
            Assert.Equal(2, timed.Statistics.SegmentAcknowledgements); // the acknowledgment timer's, segment 1 missing; then the complete one
            Assert.Equal(0, timed.Statistics.SegmentedTransfersFailed);
            Assert.Equal(1, mesh.Received(1, VendorSendText)); // delivered once
        }

        [Fact]
        public void AGroupSegmentedMessageIsRepeatedWithoutAcknowledgments()
        {
            var air = new VirtualAir(lossSeed: 4, AirModel.Timed);
            using var mesh = new StackMesh(air, 3);
            mesh.Stacks[0].SendVendor(0xC000, VendorSendText, Payload, Payload.Length, 7, false, 0);

            Assert.True(WaitFor(() => mesh.Received(1, VendorSendText) + mesh.Received(2, VendorSendText) == 2 && !air.Busy));
            Assert.Equal(0, air.Statistics.SegmentAcknowledgements);
            Assert.Equal(3 * (SegmentationAndReassembly.TransmissionAttempts - 1), air.Statistics.SegmentRetransmissions);
            Assert.Equal(0, air.Statistics.SegmentedTransfersFailed);
            Assert.Equal(1, mesh.Received(1, VendorSendText)); // the repeats are not delivered again
            Assert.Equal(1, mesh.Received(2, VendorSendText));
        }

        /// <summary>Waits for a condition, polling, at most 10 s of real time.</summary>
        private static bool WaitFor(Func<bool> condition)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.ElapsedMilliseconds > 10_000)
                {
                    return false;
                }

                Thread.Sleep(5);
            }

            return true;
        }

        /// <summary>Started, provisioned stacks (unicast 0x0005 + i, vendor server subscribed to 0xC000) on one air, no firmware: received vendor messages are counted.</summary>
        private sealed class StackMesh : IDisposable
        {
            private readonly string _root = Path.Combine(Path.GetTempPath(), "dcmonitor-sar-" + Guid.NewGuid().ToString("N"));
            private readonly List<Dictionary<int, int>> _received = new List<Dictionary<int, int>>();

            public StackMesh(IAirMedium air, int nodes)
            {
                for (int i = 0; i < nodes; i++)
                {
                    var board = new VirtualBoard(Path.Combine(_root, "node-" + i));
                    EmulatedMeshStack.Preprovision(board.FlashDirectory, 0x0005 + i, Models, true);
                    EmulatedMeshStack stack = EmulatedMeshStack.For(board);
                    stack.RadioName = "node-" + i;
                    stack.AttachTo(air);
                    stack.Start(Models, false, 7, new byte[16]);
                    Stacks.Add(stack);
                    _received.Add(new Dictionary<int, int>());
                }
            }

            public List<EmulatedMeshStack> Stacks { get; } = new List<EmulatedMeshStack>();

            /// <summary>Vendor messages with <paramref name="opcode"/> node <paramref name="index"/> has received so far.</summary>
            public int Received(int index, int opcode)
            {
                byte[] record = new byte[512];
                Dictionary<int, int> counts = _received[index];
                while (Stacks[index].TakeEvent(record) > 0)
                {
                    if (record[0] == NativeContract.VendorMessageReceived)
                    {
                        int received = record[5] | (record[6] << 8) | (record[7] << 16);
                        counts[received] = counts.GetValueOrDefault(received) + 1;
                    }
                }

                return counts.GetValueOrDefault(opcode);
            }

            public void Dispose()
            {
                foreach (EmulatedMeshStack stack in Stacks)
                {
                    stack.PowerOff();
                }

                try
                {
                    Directory.Delete(_root, true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
