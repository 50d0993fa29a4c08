using System;
using System.Diagnostics;
using System.Threading;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Stack.Transport;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>Lower transport SAR on the timed air: acknowledgments and retransmission of unicast segments, repeats without acknowledgments to a group.</summary>
    public class SegmentationAndReassemblyTests
    {
        private const int VendorSendText = 0xC002E5;

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
    }
}
