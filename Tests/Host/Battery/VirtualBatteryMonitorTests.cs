using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Battery
{
    /// <summary>
    /// The virtual BM6 and the emulated native central of a node (issue 18), without firmware, on an air clock the test moves:
    /// the scan finds it once, a connected central's poll gets an encrypted response every second that decrypts to the scripted
    /// battery (below 0 °C too), a second central is refused (its connect times out), a BM6 out of range is never found and its
    /// connect times out, a disconnect stops the notifications, a wrong-key monitor's responses do not decrypt to a response.
    /// </summary>
    public sealed class VirtualBatteryMonitorTests : IDisposable
    {
        private const long Second = Bm6Bench.Second;
        private static readonly byte[] MonitorAddress = Bm6Bench.MonitorAddress;
        private readonly Bm6Bench _bench = new Bm6Bench();
        private readonly List<TemporaryFlash> _flashes = new List<TemporaryFlash>();
        private readonly List<EmulatedMeshStack> _stacks = new List<EmulatedMeshStack>();

        [Fact]
        public void AScanFindsTheMonitorOnceWithItsAddressNameAndRssiThenCompletes()
        {
            EmulatedMeshStack node = Node("node-0");
            Assert.Equal(NativeContract.Ok, node.CentralStartScan(3000));
            Assert.Equal(NativeContract.Busy, node.CentralStartScan(3000));
            _bench.Clock.Advance(3 * Second - 1);
            List<byte[]> found = Drain(node);
            byte[] record = Assert.Single(found);
            Assert.Equal(NativeContract.BatteryMonitorFound, record[0]);
            Assert.Equal(MonitorAddress.Concat("BM6"u8.ToArray()).ToArray(), Payload(record));
            Assert.Equal(-65, Value(record));
            Assert.Equal(0, record[5]); // public address

            _bench.Clock.Advance(1);
            Assert.Equal(NativeContract.BatteryMonitorScanCompleted, Assert.Single(Drain(node))[0]);
        }

        [Fact]
        public void APollGetsAnEncryptedResponseEverySecondThatDecryptsToTheScriptedBatteryBelowZero()
        {
            _bench.Monitor.SetBattery(13.05, 64, -7);
            EmulatedMeshStack node = Node("node-0");
            byte[] first = Polled(node);
            for (int second = 1; second <= 3; second++)
            {
                _bench.Clock.Advance(Second - 1);
                Assert.Empty(Notifications(node)); // nothing between two seconds
                _bench.Clock.Advance(1);
                Assert.Single(Notifications(node));
            }

            byte[] plain = Decrypt(first);
            Assert.Equal(new byte[] { 0xD1, 0x55, 0x07 }, plain[..3]);
            Assert.Equal(1, plain[3]); // below 0 °C
            Assert.Equal(7, plain[4]);
            Assert.Equal(64, plain[6]);
            Assert.Equal(1305, Bm6Bench.Centivolts(plain));
            Assert.Equal(4, _bench.Monitor.NotificationsSent);
        }

        [Fact]
        public void TheScriptedBatteryChangesTheNextResponse()
        {
            EmulatedMeshStack node = Node("node-0");
            byte[] before = Decrypt(Polled(node));
            _bench.Monitor.SetBattery(12.0, 40, 25);
            _bench.Clock.Advance(Second);
            byte[] after = Decrypt(Assert.Single(Notifications(node)));
            Assert.Equal(1271, Bm6Bench.Centivolts(before)); // the default 12.71 V
            Assert.Equal((0, 25, 40, 1200), (after[3], after[4], after[6], Bm6Bench.Centivolts(after)));
            Assert.Throws<ArgumentOutOfRangeException>(() => _bench.Monitor.SetBattery(41.0, 50, 20));
            Assert.Throws<ArgumentOutOfRangeException>(() => _bench.Monitor.SetBattery(12.0, 101, 20));
        }

        [Fact]
        public void ASecondCentralIsRefusedAndNeitherFindsNorReachesTheBusyMonitor()
        {
            EmulatedMeshStack first = Node("node-0");
            EmulatedMeshStack second = Node("node-1");
            Ready(first);
            Assert.True(_bench.Monitor.Connected);

            Assert.Equal(NativeContract.Ok, second.CentralStartScan(1000));
            _bench.Clock.Advance(Second);
            Assert.Equal(NativeContract.BatteryMonitorScanCompleted, Assert.Single(Drain(second))[0]); // a connected BM6 does not advertise

            Assert.Equal(NativeContract.Ok, second.CentralConnect(MonitorAddress, 0, 2000));
            _bench.Clock.Advance(2 * Second);
            byte[] failed = Assert.Single(Drain(second));
            Assert.Equal(NativeContract.BatteryMonitorFailed, failed[0]);
            Assert.Equal(NativeContract.CentralConnectTimedOut, failed[5]);
            Assert.Equal(NativeContract.StackTimeout, Value(failed));
            Assert.Empty(Drain(first)); // the first link is untouched
        }

        [Fact]
        public void AMonitorOutOfRangeIsNotFoundAndItsConnectTimesOutAtTheTimeout()
        {
            EmulatedMeshStack node = Node("node-0");
            _bench.Air.SetLink("node-0", "bm6-0", inRange: false);
            node.CentralStartScan(1000);
            _bench.Clock.Advance(Second);
            Assert.Equal(NativeContract.BatteryMonitorScanCompleted, Assert.Single(Drain(node))[0]);

            Assert.Equal(NativeContract.Ok, node.CentralConnect(MonitorAddress, 0, 5000));
            Assert.Equal(NativeContract.Busy, node.CentralConnect(MonitorAddress, 0, 5000)); // one connection at a time
            _bench.Clock.Advance(5 * Second - 1);
            Assert.Empty(Drain(node));
            _bench.Clock.Advance(1);
            byte[] failed = Assert.Single(Drain(node));
            Assert.Equal((NativeContract.BatteryMonitorFailed, NativeContract.CentralConnectTimedOut), (failed[0], failed[5]));
            Assert.False(_bench.Monitor.Connected);
        }

        [Fact]
        public void ADisconnectStopsTheNotificationsAndFreesTheMonitor()
        {
            EmulatedMeshStack node = Node("node-0");
            Polled(node);
            _bench.Clock.Advance(Second);
            Assert.Single(Notifications(node));
            int sent = _bench.Monitor.NotificationsSent;

            Assert.Equal(NativeContract.Ok, node.CentralDisconnect());
            byte[] disconnected = Assert.Single(Drain(node));
            Assert.Equal(NativeContract.BatteryMonitorDisconnected, disconnected[0]);
            Assert.Equal(NativeContract.ReasonLocalHostTerminated, Value(disconnected));
            _bench.Clock.Advance(5 * Second);
            Assert.Empty(Drain(node));
            Assert.Equal(sent, _bench.Monitor.NotificationsSent);
            Assert.False(_bench.Monitor.Connected);
            Assert.Equal(NativeContract.NotConnected, node.CentralWrite(Encrypt(Bm6Bench.Poll), 16));
            Ready(node); // free for the next read
        }

        [Fact]
        public void ALinkWhoseMonitorGoesOutOfRangeEndsWithASupervisionTimeout()
        {
            EmulatedMeshStack node = Node("node-0");
            Polled(node);
            _bench.Air.SetLink("node-0", "bm6-0", inRange: false);
            _bench.Clock.Advance(Second);
            byte[] lost = Assert.Single(Drain(node));
            Assert.Equal((NativeContract.BatteryMonitorDisconnected, NativeContract.ReasonSupervisionTimeout), (lost[0], Value(lost)));
            Assert.False(_bench.Monitor.Connected);
        }

        [Fact]
        public void AWrongKeyMonitorsResponseDoesNotDecryptToAResponse()
        {
            _bench.Monitor.AnswersWithWrongKey = true;
            EmulatedMeshStack node = Node("node-0");
            byte[] plain = Decrypt(Polled(node));
            Assert.NotEqual(new byte[] { 0xD1, 0x55, 0x07 }, plain[..3]);
        }

        [Fact]
        public void ArgumentsOutOfRangeAndCallsBeforeStartAreRefused()
        {
            var flash = new TemporaryFlash();
            _flashes.Add(flash);
            EmulatedMeshStack idle = EmulatedMeshStack.For(new VirtualBoard(flash.Path, VirtualClock.Manual()));
            Assert.Equal(NativeContract.InvalidState, idle.CentralStartScan(1000));
            EmulatedMeshStack node = Node("node-0");
            Assert.Equal(NativeContract.InvalidArgument, node.CentralStartScan(999));
            Assert.Equal(NativeContract.InvalidArgument, node.CentralStartScan(30001));
            Assert.Equal(NativeContract.InvalidArgument, node.CentralConnect(MonitorAddress[..5], 0, 5000));
            Assert.Equal(NativeContract.InvalidArgument, node.CentralConnect(MonitorAddress, 2, 5000));
            Assert.Equal(NativeContract.InvalidArgument, node.CentralWrite(new byte[15], 15));
            Assert.Equal(NativeContract.NotConnected, node.CentralWrite(new byte[16], 16));
            Assert.Equal(NativeContract.Ok, node.CentralDisconnect()); // idle: nothing to end
        }

        [Fact]
        public void AnAddressAsAPhoneShowsItIsReadLeastSignificantByteFirst()
        {
            Assert.Equal(MonitorAddress, VirtualBatteryMonitor.ParseAddress("A4:1E:2D:3C:4B:5A"));
            Assert.Throws<ArgumentException>(() => VirtualBatteryMonitor.ParseAddress("A4:1E:2D:3C:4B"));
            Assert.Throws<ArgumentException>(() => VirtualBatteryMonitor.ParseAddress("A4:1E:2D:3C:4B:5G"));
            Assert.Throws<ArgumentException>(() => VirtualBatteryMonitor.ParseAddress(null));
        }

        [Fact]
        public void TheEmulatedCipherMatchesFips197AppendixC1AndRoundTripsTheBm6Key()
        {
            byte[] key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
            byte[] output = new byte[16];
            Assert.Equal(NativeContract.Ok, NativeMeshBridge.AesBlock(true, key, Convert.FromHexString("00112233445566778899aabbccddeeff"), output));
            Assert.Equal(Convert.FromHexString("69c4e0d86a7b0430d8cdb78070b4c55a"), output);
            byte[] back = new byte[16];
            Assert.Equal(NativeContract.Ok, NativeMeshBridge.AesBlock(false, key, output, back));
            Assert.Equal(Convert.FromHexString("00112233445566778899aabbccddeeff"), back);

            byte[] cipher = new byte[16];
            NativeMeshBridge.AesBlock(true, VirtualBatteryMonitor.Bm6Key, Bm6Bench.Poll, cipher);
            Assert.NotEqual(Bm6Bench.Poll, cipher);
            NativeMeshBridge.AesBlock(false, VirtualBatteryMonitor.Bm6Key, cipher, back);
            Assert.Equal(Bm6Bench.Poll, back);
            Assert.Equal(NativeContract.InvalidArgument, NativeMeshBridge.AesBlock(true, new byte[15], Bm6Bench.Poll, cipher));
        }

        public void Dispose()
        {
            foreach (EmulatedMeshStack stack in _stacks)
            {
                stack.PowerOff();
            }

            foreach (TemporaryFlash flash in _flashes)
            {
                flash.Dispose();
            }
        }

        private EmulatedMeshStack Node(string radioName)
        {
            var flash = new TemporaryFlash();
            _flashes.Add(flash);
            var board = new VirtualBoard(flash.Path, VirtualClock.Manual());
            EmulatedMeshStack stack = _bench.Attach(board, radioName);
            using (board.Activate())
            {
                Assert.Equal(NativeContract.Ok, stack.Start(EmulatedUniversalNode.UniversalNodeModels, true, 7, new byte[16]));
            }

            _stacks.Add(stack);
            Drain(stack);
            return stack;
        }

        private void Ready(EmulatedMeshStack node)
        {
            Assert.Equal(NativeContract.Ok, node.CentralConnect(MonitorAddress, 0, 5000));
            _bench.Clock.Advance(EmulatedBatteryMonitorCentral.ConnectionSetupMicroseconds);
            byte[] ready = Assert.Single(Drain(node));
            Assert.Equal(NativeContract.BatteryMonitorReady, ready[0]);
            Assert.Equal(MonitorAddress, Payload(ready));
        }

        /// <summary>Connects, writes the encrypted poll and returns the first notification (sent at once).</summary>
        private byte[] Polled(EmulatedMeshStack node)
        {
            Ready(node);
            Assert.Equal(NativeContract.Ok, node.CentralWrite(Encrypt(Bm6Bench.Poll), 16));
            _bench.Clock.Advance(EmulatedBatteryMonitorCentral.ConnectionEventMicroseconds);
            return Assert.Single(Notifications(node));
        }

        private static List<byte[]> Notifications(EmulatedMeshStack node)
        {
            List<byte[]> records = Drain(node);
            Assert.All(records, record => Assert.Equal(NativeContract.BatteryMonitorNotification, record[0]));
            return records.Select(Payload).ToList();
        }

        /// <summary>The central's records queued so far (the stack's own mesh events, e.g. beacons, left out).</summary>
        private static List<byte[]> Drain(EmulatedMeshStack stack)
        {
            var records = new List<byte[]>();
            byte[] record = new byte[NativeContract.RecordHeaderLength + NativeContract.MaximumPayloadLength];
            int length;
            while ((length = stack.TakeEvent(record)) > 0)
            {
                if (record[0] >= NativeContract.BatteryMonitorFound && record[0] <= NativeContract.BatteryMonitorFailed)
                {
                    records.Add(record[..length]);
                }
            }

            return records;
        }

        private static byte[] Payload(byte[] record) => record[NativeContract.RecordHeaderLength..];

        private static int Value(byte[] record) => (short)(record[11] | (record[12] << 8));

        private static byte[] Encrypt(byte[] plain) => Bm6Bench.Encrypt(plain);

        private static byte[] Decrypt(byte[] cipher) => Bm6Bench.Decrypt(cipher);
    }
}
