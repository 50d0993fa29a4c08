using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
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
        private const long Second = 1_000_000;
        private static readonly byte[] MonitorAddress = { 0x5A, 0x4B, 0x3C, 0x2D, 0x1E, 0xA4 };
        private static readonly byte[] Poll = { 0xD1, 0x55, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        private readonly ManualAirClock _clock = new ManualAirClock();
        private readonly VirtualAir _air = new VirtualAir();
        private readonly VirtualBatteryMonitor _monitor = new VirtualBatteryMonitor(MonitorAddress, "bm6-0");
        private readonly List<TemporaryFlash> _flashes = new List<TemporaryFlash>();
        private readonly List<EmulatedMeshStack> _stacks = new List<EmulatedMeshStack>();

        public VirtualBatteryMonitorTests()
        {
            _monitor.PlaceOn(_air);
        }

        [Fact]
        public void AScanFindsTheMonitorOnceWithItsAddressNameAndRssiThenCompletes()
        {
            EmulatedMeshStack node = Node("node-0");
            Assert.Equal(NativeContract.Ok, node.CentralStartScan(3000));
            Assert.Equal(NativeContract.Busy, node.CentralStartScan(3000));
            _clock.Advance(3 * Second - 1);
            List<byte[]> found = Drain(node);
            byte[] record = Assert.Single(found);
            Assert.Equal(NativeContract.BatteryMonitorFound, record[0]);
            Assert.Equal(MonitorAddress.Concat("BM6"u8.ToArray()).ToArray(), Payload(record));
            Assert.Equal(-65, Value(record));
            Assert.Equal(0, record[5]); // public address

            _clock.Advance(1);
            Assert.Equal(NativeContract.BatteryMonitorScanCompleted, Assert.Single(Drain(node))[0]);
        }

        [Fact]
        public void APollGetsAnEncryptedResponseEverySecondThatDecryptsToTheScriptedBatteryBelowZero()
        {
            _monitor.SetBattery(13.05, 64, -7);
            EmulatedMeshStack node = Node("node-0");
            Ready(node);
            Assert.Equal(NativeContract.Ok, node.CentralWrite(Encrypt(Poll), 16));
            _clock.Advance(EmulatedBatteryMonitorCentral.ConnectionEventMicroseconds);
            byte[] first = Assert.Single(Notifications(node));
            for (int second = 1; second <= 3; second++)
            {
                _clock.Advance(Second - 1);
                Assert.Empty(Notifications(node)); // nothing between two seconds
                _clock.Advance(1);
                Assert.Single(Notifications(node));
            }

            byte[] plain = Decrypt(first);
            Assert.Equal(new byte[] { 0xD1, 0x55, 0x07 }, plain[..3]);
            Assert.Equal(1, plain[3]); // below 0 °C
            Assert.Equal(7, plain[4]);
            Assert.Equal(64, plain[6]);
            Assert.Equal(1305, ((plain[7] & 0x0F) << 8) | plain[8]);
            Assert.Equal(4, _monitor.NotificationsSent);
        }

        [Fact]
        public void TheScriptedBatteryChangesTheNextResponse()
        {
            EmulatedMeshStack node = Node("node-0");
            Ready(node);
            node.CentralWrite(Encrypt(Poll), 16);
            _clock.Advance(EmulatedBatteryMonitorCentral.ConnectionEventMicroseconds);
            byte[] before = Decrypt(Assert.Single(Notifications(node)));
            _monitor.SetBattery(12.0, 40, 25);
            _clock.Advance(Second);
            byte[] after = Decrypt(Assert.Single(Notifications(node)));
            Assert.Equal(1271, ((before[7] & 0x0F) << 8) | before[8]); // the default 12.71 V
            Assert.Equal((0, 25, 40, 1200), (after[3], after[4], after[6], ((after[7] & 0x0F) << 8) | after[8]));
            Assert.Throws<ArgumentOutOfRangeException>(() => _monitor.SetBattery(41.0, 50, 20));
            Assert.Throws<ArgumentOutOfRangeException>(() => _monitor.SetBattery(12.0, 101, 20));
        }

        [Fact]
        public void ASecondCentralIsRefusedAndNeitherFindsNorReachesTheBusyMonitor()
        {
            EmulatedMeshStack first = Node("node-0");
            EmulatedMeshStack second = Node("node-1");
            Ready(first);
            Assert.True(_monitor.Connected);

            Assert.Equal(NativeContract.Ok, second.CentralStartScan(1000));
            _clock.Advance(Second);
            Assert.Equal(NativeContract.BatteryMonitorScanCompleted, Assert.Single(Drain(second))[0]); // a connected BM6 does not advertise

            Assert.Equal(NativeContract.Ok, second.CentralConnect(MonitorAddress, 0, 2000));
            _clock.Advance(2 * Second);
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
            _air.SetLink("node-0", "bm6-0", inRange: false);
            node.CentralStartScan(1000);
            _clock.Advance(Second);
            Assert.Equal(NativeContract.BatteryMonitorScanCompleted, Assert.Single(Drain(node))[0]);

            Assert.Equal(NativeContract.Ok, node.CentralConnect(MonitorAddress, 0, 5000));
            Assert.Equal(NativeContract.Busy, node.CentralConnect(MonitorAddress, 0, 5000)); // one connection at a time
            _clock.Advance(5 * Second - 1);
            Assert.Empty(Drain(node));
            _clock.Advance(1);
            byte[] failed = Assert.Single(Drain(node));
            Assert.Equal((NativeContract.BatteryMonitorFailed, NativeContract.CentralConnectTimedOut), (failed[0], failed[5]));
            Assert.False(_monitor.Connected);
        }

        [Fact]
        public void ADisconnectStopsTheNotificationsAndFreesTheMonitor()
        {
            EmulatedMeshStack node = Node("node-0");
            Ready(node);
            node.CentralWrite(Encrypt(Poll), 16);
            _clock.Advance(Second);
            Assert.NotEmpty(Notifications(node));
            int sent = _monitor.NotificationsSent;

            Assert.Equal(NativeContract.Ok, node.CentralDisconnect());
            byte[] disconnected = Assert.Single(Drain(node));
            Assert.Equal(NativeContract.BatteryMonitorDisconnected, disconnected[0]);
            Assert.Equal(NativeContract.ReasonLocalHostTerminated, Value(disconnected));
            _clock.Advance(5 * Second);
            Assert.Empty(Drain(node));
            Assert.Equal(sent, _monitor.NotificationsSent);
            Assert.False(_monitor.Connected);
            Assert.Equal(NativeContract.NotConnected, node.CentralWrite(Encrypt(Poll), 16));
            Ready(node); // free for the next read
        }

        [Fact]
        public void ALinkWhoseMonitorGoesOutOfRangeEndsWithASupervisionTimeout()
        {
            EmulatedMeshStack node = Node("node-0");
            Ready(node);
            node.CentralWrite(Encrypt(Poll), 16);
            _clock.Advance(EmulatedBatteryMonitorCentral.ConnectionEventMicroseconds);
            Assert.Single(Notifications(node));
            _air.SetLink("node-0", "bm6-0", inRange: false);
            _clock.Advance(Second);
            byte[] lost = Assert.Single(Drain(node));
            Assert.Equal((NativeContract.BatteryMonitorDisconnected, NativeContract.ReasonSupervisionTimeout), (lost[0], Value(lost)));
            Assert.False(_monitor.Connected);
        }

        [Fact]
        public void AWrongKeyMonitorsResponseDoesNotDecryptToAResponse()
        {
            _monitor.AnswersWithWrongKey = true;
            EmulatedMeshStack node = Node("node-0");
            Ready(node);
            node.CentralWrite(Encrypt(Poll), 16);
            _clock.Advance(EmulatedBatteryMonitorCentral.ConnectionEventMicroseconds);
            byte[] plain = Decrypt(Assert.Single(Notifications(node)));
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
            NativeMeshBridge.AesBlock(true, VirtualBatteryMonitor.Bm6Key, Poll, cipher);
            Assert.NotEqual(Poll, cipher);
            NativeMeshBridge.AesBlock(false, VirtualBatteryMonitor.Bm6Key, cipher, back);
            Assert.Equal(Poll, back);
            Assert.Equal(NativeContract.InvalidArgument, NativeMeshBridge.AesBlock(true, new byte[15], Poll, cipher));
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
            EmulatedMeshStack stack = EmulatedMeshStack.For(board);
            stack.RadioName = radioName;
            stack.BatteryMonitorCentral.Clock = _clock;
            stack.AttachTo(_air);
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
            _clock.Advance(EmulatedBatteryMonitorCentral.ConnectionSetupMicroseconds);
            byte[] ready = Assert.Single(Drain(node));
            Assert.Equal(NativeContract.BatteryMonitorReady, ready[0]);
            Assert.Equal(MonitorAddress, Payload(ready));
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

        private static byte[] Encrypt(byte[] plain)
        {
            using Aes aes = Aes.Create();
            aes.Key = VirtualBatteryMonitor.Bm6Key;
            return aes.EncryptEcb(plain, PaddingMode.None);
        }

        private static byte[] Decrypt(byte[] cipher)
        {
            using Aes aes = Aes.Create();
            aes.Key = VirtualBatteryMonitor.Bm6Key;
            return aes.DecryptEcb(cipher, PaddingMode.None);
        }
    }
}
