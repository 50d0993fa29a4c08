using System;
using System.IO;
using System.Text;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using nanoFramework.Runtime.Events;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// <c>airtime</c>: counts mesh network PDUs for a READ round trip and for an ALL:READ of 32 nodes, with this
    /// firmware's binary payloads (2-byte SEND, 8-byte STATUS) and with the seed's text (<c>read</c>, ≈ 40-byte
    /// STATUS), on the emulated mesh stacks alone (every node in range of every other; nodes relay). The figures
    /// are transmissions on the air, retransmissions and relays included.
    /// </summary>
    public static class AirtimeReport
    {
        private const string TextReply = "D:50%,V:12.003V,I:250.00mA,P:3000.8mW";

        /// <summary>Prints the table; returns 0.</summary>
        public static int Run(TextWriter output)
        {
            output.WriteLine("| exchange | payloads | network PDUs | of which relayed | segmented messages |");
            output.WriteLine("|---|---|---:|---:|---:|");
            foreach (bool binary in new[] { true, false })
            {
                Measure(output, "READ round trip (2 nodes)", 2, 0x0006, binary);
            }

            foreach (bool binary in new[] { true, false })
            {
                Measure(output, "ALL:READ, 32 nodes", 32, 0xC000, binary);
            }

            return 0;
        }

        private static void Measure(TextWriter output, string exchange, int nodes, int destination, bool binary)
        {
            string root = Path.Combine(Path.GetTempPath(), "dcmonitor-airtime-" + Guid.NewGuid().ToString("N"));
            var air = new VirtualAir();
            var stacks = new EmulatedMeshStack[nodes];
            var boards = new VirtualBoard[nodes];
            int expectedReplies = destination == 0xC000 ? nodes - 1 : 1;
            using var replies = new CountdownEvent(expectedReplies);
            try
            {
                for (int i = 0; i < nodes; i++)
                {
                    boards[i] = new VirtualBoard(Path.Combine(root, "node-" + i));
                    EmulatedMeshStack.Preprovision(boards[i].FlashDirectory, 0x0005 + i, NativeContract.ConfigServer | NativeContract.VendorServer | NativeContract.VendorClient, true);
                    stacks[i] = EmulatedMeshStack.For(boards[i]);
                    stacks[i].RadioName = "node-" + i;
                    stacks[i].AttachTo(air);
                    EmulatedMeshStack stack = stacks[i];
                    using (boards[i].Activate())
                    {
                        CustomEvent.CustomEventPosted += (sender, e) => Answer(stack, replies);
                        stack.Start(NativeContract.ConfigServer | NativeContract.VendorServer | NativeContract.VendorClient, true, 7, new byte[16]);
                    }
                }

                long before = air.Statistics.NetworkPdusTransmitted;
                long relayedBefore = air.Statistics.NetworkPdusRelayed;
                long segmentedBefore = air.Statistics.SegmentedMessages;
                byte[] request = binary ? new byte[] { 1, 0 } : Encoding.ASCII.GetBytes("read");
                using (boards[0].Activate())
                {
                    stacks[0].SendVendor(destination, binary ? 0xC202E5 : 0xC002E5, request, request.Length, 7, destination != 0xC000, 5000);
                }

                bool complete = replies.Wait(10000);
                output.WriteLine("| " + exchange + " | " + (binary ? "binary (2 B SEND, 8 B STATUS)" : "seed text (4 B SEND, " + TextReply.Length + " B STATUS)") + " | "
                    + (air.Statistics.NetworkPdusTransmitted - before) + (complete ? string.Empty : " (incomplete)") + " | "
                    + (air.Statistics.NetworkPdusRelayed - relayedBefore) + " | " + (air.Statistics.SegmentedMessages - segmentedBefore) + " |");
            }
            finally
            {
                foreach (EmulatedMeshStack stack in stacks)
                {
                    stack?.PowerOff();
                }

                try
                {
                    Directory.Delete(root, true);
                }
                catch (IOException)
                {
                }
            }
        }

        private static void Answer(EmulatedMeshStack stack, CountdownEvent replies)
        {
            byte[] record = new byte[512];
            while (stack.TakeEvent(record) > 0)
            {
                if (record[0] != NativeContract.VendorMessageReceived)
                {
                    continue;
                }

                int opcode = record[5] | (record[6] << 8) | (record[7] << 16);
                int handle = record[9] | (record[10] << 8);
                if (opcode == 0xC202E5)
                {
                    stack.ReplyVendor(handle, 0xC302E5, new byte[] { 0x10, 50, 0, 200, 0x25, 0x82, 1, 0x2C }, 8);
                }
                else if (opcode == 0xC002E5)
                {
                    byte[] text = Encoding.ASCII.GetBytes(TextReply);
                    stack.ReplyVendor(handle, 0xC102E5, text, text.Length);
                }
                else if (opcode == 0xC102E5 || opcode == 0xC302E5)
                {
                    if (!replies.IsSet)
                    {
                        replies.Signal();
                    }
                }
            }
        }
    }
}
