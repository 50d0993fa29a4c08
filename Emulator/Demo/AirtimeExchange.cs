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
    /// One measured exchange for <see cref="AirtimeReport"/>: emulated mesh stacks alone (no firmware: a handler on each board
    /// answers the vendor SEND as the firmware would), every node relaying, node-0 sending a READ to node-1 or an ALL:READ
    /// to 0xC000, with this firmware's binary payloads or the seed's text. Counted after the air is quiet.
    /// </summary>
    public sealed class AirtimeExchange
    {
        /// <summary>The seed's text STATUS reply (≈ 40 bytes: 4 segments with the opcode and TransMIC).</summary>
        public const string TextReply = "D:50%,V:12.003V,I:250.00mA,P:3000.8mW";

        private const int AllNodes = 0xC000;
        private const int Models = NativeContract.ConfigServer | NativeContract.VendorServer | NativeContract.VendorClient;
        private readonly object _gate = new object();
        private VirtualAir _air;
        private int _answered;
        private long _lastAnswerMicroseconds;

        /// <summary>Network PDU transmissions, retransmissions and relays included.</summary>
        public long Transmissions { get; private set; }

        /// <summary>Of those, by relays.</summary>
        public long Relayed { get; private set; }

        /// <summary>Transmissions the nodes originated (<see cref="Transmissions"/> − <see cref="Relayed"/>).</summary>
        public long Originated => Transmissions - Relayed;

        /// <summary>Segments of segmented messages (first sends).</summary>
        public long Segments { get; private set; }

        /// <summary>Segment Acknowledgment messages.</summary>
        public long Acknowledgements { get; private set; }

        /// <summary>Receptions lost to collisions.</summary>
        public long Collisions { get; private set; }

        /// <summary>Channel occupancy of every transmission, ms (three channels each).</summary>
        public double AirtimeMilliseconds { get; private set; }

        /// <summary>Replies that reached node-0.</summary>
        public int Answered { get; private set; }

        /// <summary>Replies expected.</summary>
        public int Expected { get; private set; }

        /// <summary>Virtual ms from the request to the last reply (to the air going quiet when a reply never came).</summary>
        public double CompletionMilliseconds { get; private set; }

        /// <summary>
        /// Runs one exchange on a fresh air seeded with <paramref name="seed"/> and returns its figures; <paramref name="relays"/> says
        /// which nodes have the Relay feature on (index = node; null: every node relays, as before relay selection).
        /// </summary>
        public static AirtimeExchange Measure(int nodes, string layout, bool all, bool binary, double loss, AirModel model = AirModel.Timed, int seed = 1, bool[] relays = null)
        {
            var exchange = new AirtimeExchange();
            exchange.Run(nodes, layout, all, binary, loss, model, seed, relays);
            return exchange;
        }

        private void Run(int nodes, string layout, bool all, bool binary, double loss, AirModel model, int seed, bool[] relays)
        {
            string root = Path.Combine(Path.GetTempPath(), "dcmonitor-airtime-" + Guid.NewGuid().ToString("N"));
            _air = new VirtualAir(seed, model);
            MeshLayout.Apply(_air, layout, nodes, loss);
            var stacks = new EmulatedMeshStack[nodes];
            Expected = all ? nodes - 1 : 1;
            try
            {
                for (int i = 0; i < nodes; i++)
                {
                    var board = new VirtualBoard(Path.Combine(root, "node-" + i));
                    EmulatedMeshStack.Preprovision(board.FlashDirectory, 0x0005 + i, Models, true);
                    EmulatedMeshStack stack = EmulatedMeshStack.For(board);
                    stacks[i] = stack;
                    stack.RadioName = "node-" + i;
                    stack.AttachTo(_air);
                    using (board.Activate())
                    {
                        CustomEvent.CustomEventPosted += (sender, e) => Answer(stack);
                        stack.Start(Models, relays == null || relays[i], 7, new byte[16]);
                    }
                }

                AirStatistics statistics = _air.Statistics;
                long transmissions = statistics.NetworkPdusTransmitted, relayed = statistics.NetworkPdusRelayed, segments = statistics.Segments;
                long acknowledgements = statistics.SegmentAcknowledgements, collisions = statistics.Collisions, airtime = statistics.AirtimeMicroseconds;
                long start = _air.NowMicroseconds;
                byte[] request = binary ? new byte[] { 1, 0 } : Encoding.ASCII.GetBytes("read");
                stacks[0].SendVendor(all ? AllNodes : 0x0006, binary ? 0xC202E5 : 0xC002E5, request, request.Length, 7, !all, 60_000);
                WaitUntilQuiet();
                Transmissions = statistics.NetworkPdusTransmitted - transmissions;
                Relayed = statistics.NetworkPdusRelayed - relayed;
                Segments = statistics.Segments - segments;
                Acknowledgements = statistics.SegmentAcknowledgements - acknowledgements;
                Collisions = statistics.Collisions - collisions;
                AirtimeMilliseconds = (statistics.AirtimeMicroseconds - airtime) / 1000.0;
                lock (_gate)
                {
                    Answered = _answered;
                    long end = _answered == Expected ? _lastAnswerMicroseconds : _air.NowMicroseconds;
                    CompletionMilliseconds = (end - start) / 1000.0;
                }
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

        /// <summary>
        /// Waits until the air has been quiet (no event, no timer, radios idle, no transmission) twice, 100 ms of real time apart, so
        /// that a handler still answering when the air first went quiet is counted; at most 10 minutes.
        /// </summary>
        private void WaitUntilQuiet()
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            int quiet = 0;
            while (quiet < 2 && clock.Elapsed.TotalMinutes < 10)
            {
                long transmitted = _air.Statistics.NetworkPdusTransmitted;
                quiet = _air.WaitUntilQuiet(1000) ? quiet + 1 : 0;
                Thread.Sleep(100);
                if (_air.Busy || _air.Statistics.NetworkPdusTransmitted != transmitted)
                {
                    quiet = 0; // the instantaneous air is never busy: no transmission for 100 ms is its quiet
                }
            }
        }

        private void Answer(EmulatedMeshStack stack)
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
                else if ((opcode == 0xC102E5 || opcode == 0xC302E5) && (record[1] | (record[2] << 8)) != stack.UnicastAddress)
                {
                    lock (_gate)
                    {
                        _answered++; // node-0's own server answers itself by loopback: not a reply over the air
                        _lastAnswerMicroseconds = _air.NowMicroseconds;
                    }
                }
            }
        }
    }
}
