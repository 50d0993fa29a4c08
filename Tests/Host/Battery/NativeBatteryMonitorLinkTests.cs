using System;
using System.Collections.Generic;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Battery;
using DcMonitor.Tests.Support;
using DcMonitor.UniversalNode.Battery;
using DcMonitor.UniversalNode.Mesh;
using Xunit;

namespace DcMonitor.Tests.Battery
{
    /// <summary>
    /// The universal node's <see cref="IBatteryMonitorLink"/> and <see cref="IBlockCipher"/> over the interop (UniversalNode/Battery),
    /// against the emulated native central and a virtual BM6 on an air clock the test moves: what the reader will see — devices found,
    /// ready, notifications that decrypt to a response, disconnects, failures with their step — and AES-128 against FIPS-197 C.1.
    /// </summary>
    public sealed class NativeBatteryMonitorLinkTests : IDisposable
    {
        private const long Second = Bm6Bench.Second;
        private static readonly byte[] MonitorAddress = Bm6Bench.MonitorAddress;
        private readonly TemporaryFlash _flash = new TemporaryFlash();
        private readonly Bm6Bench _bench = new Bm6Bench();
        private readonly EmulatedMeshStack _stack;
        private readonly IDisposable _activation;
        private readonly MeshNode _mesh;
        private readonly NativeBatteryMonitorLink _link;
        private readonly NativeBlockCipher _cipher = new NativeBlockCipher();
        private readonly List<Seen> _seen = new List<Seen>();

        public NativeBatteryMonitorLinkTests()
        {
            var board = new VirtualBoard(_flash.Path, VirtualClock.Manual());
            _stack = _bench.Attach(board, "node-0");
            _activation = board.Activate();
            _mesh = MeshNode.Start(MeshComposition.UniversalNode(DeviceUuid.Create()));
            _link = new NativeBatteryMonitorLink(new BatteryMonitorCentral(_mesh));
            _link.LinkEvent += e =>
            {
                lock (_seen)
                {
                    _seen.Add(new Seen(e.Kind, e.Failure, (byte[])e.Address.Clone(), e.AddressType, e.Name, e.Value, e.Data[..e.DataLength]));
                }
            };
        }

        [Fact]
        public void AScanRaisesTheDeviceWithAddressTypeNameAndRssiThenScanCompleted()
        {
            Assert.False(_link.StartScan(500));
            Assert.True(_link.StartScan(2000));
            Assert.False(_link.StartScan(2000)); // one scan at a time
            List<Seen> seen = Run(2 * Second);
            Assert.Equal(2, seen.Count);
            Assert.Equal(BatteryMonitorLinkEventKind.DeviceFound, seen[0].Kind);
            Assert.Equal(MonitorAddress, seen[0].Address);
            Assert.Equal(0, seen[0].AddressType);
            Assert.Equal("BM6", seen[0].Name);
            Assert.Equal(-65, seen[0].Value);
            Assert.Equal(BatteryMonitorLinkEventKind.ScanCompleted, seen[1].Kind);
        }

        [Fact]
        public void ConnectWriteAndDisconnectGiveReadyNotificationsThatDecryptToAResponseAndDisconnected()
        {
            _bench.Monitor.SetBattery(12.84, 91, -3);
            Assert.False(_link.Write(new byte[16])); // nothing connected
            Assert.True(_link.Connect(MonitorAddress, 0, 5000));
            Seen ready = Assert.Single(Run(EmulatedBatteryMonitorCentral.ConnectionSetupMicroseconds));
            Assert.Equal((BatteryMonitorLinkEventKind.Ready, BatteryMonitorLinkFailure.None), (ready.Kind, ready.Failure));
            Assert.Equal(MonitorAddress, ready.Address);

            byte[] command = new byte[16];
            _cipher.EncryptBlock(VirtualBatteryMonitor.Bm6Key, Bm6Bench.Poll, command);
            Assert.False(_link.Write(new byte[15]));
            Assert.True(_link.Write(command));
            Seen notification = Assert.Single(Run(EmulatedBatteryMonitorCentral.ConnectionEventMicroseconds));
            Assert.Equal(BatteryMonitorLinkEventKind.Notification, notification.Kind);
            Assert.Equal(16, notification.Data.Length);
            byte[] plain = new byte[16];
            _cipher.DecryptBlock(VirtualBatteryMonitor.Bm6Key, notification.Data, plain);
            Assert.Equal((0xD1, 0x55, 0x07, 1, 3, 91, 1284), (plain[0], plain[1], plain[2], plain[3], plain[4], plain[6], Bm6Bench.Centivolts(plain)));

            _link.Disconnect();
            Seen disconnected = Assert.Single(Run(2 * Second)); // and no notification after it
            Assert.Equal(BatteryMonitorLinkEventKind.Disconnected, disconnected.Kind);
            Assert.Equal(NativeContract.ReasonLocalHostTerminated, disconnected.Value);
        }

        [Fact]
        public void AMonitorOutOfRangeFailsWithConnectTimedOut()
        {
            _bench.Air.SetLink("node-0", "bm6-0", inRange: false);
            Assert.True(_link.Connect(MonitorAddress, 0, 3000));
            Assert.False(_link.Connect(MonitorAddress, 0, 3000)); // one connection at a time
            Seen failed = Assert.Single(Run(3 * Second));
            Assert.Equal((BatteryMonitorLinkEventKind.Failed, BatteryMonitorLinkFailure.ConnectTimedOut), (failed.Kind, failed.Failure));
            Assert.Equal(NativeContract.StackTimeout, failed.Value);
        }

        [Fact]
        public void TheCipherMatchesFips197AppendixC1AndRefusesShortBuffers()
        {
            byte[] key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
            byte[] output = new byte[20]; // longer buffers: the first 16 bytes are used
            _cipher.EncryptBlock(key, Convert.FromHexString("00112233445566778899aabbccddeeff"), output);
            Assert.Equal(Convert.FromHexString("69c4e0d86a7b0430d8cdb78070b4c55a"), output[..16]);
            byte[] plain = new byte[16];
            _cipher.DecryptBlock(key, output, plain);
            Assert.Equal(Convert.FromHexString("00112233445566778899aabbccddeeff"), plain);
            Assert.Throws<ArgumentException>(() => _cipher.EncryptBlock(key, new byte[15], plain));
            Assert.Throws<ArgumentException>(() => _cipher.DecryptBlock(null, plain, plain));
        }

        public void Dispose()
        {
            _stack.PowerOff();
            _activation.Dispose();
            _flash.Dispose();
        }

        /// <summary>Moves the air clock on, delivers the queued events and returns the link events raised since the last call.</summary>
        private List<Seen> Run(long microseconds)
        {
            _bench.Clock.Advance(microseconds);
            _mesh.DrainEvents(); // returns after every queued event was handled (the event thread's drain holds the same gate)
            lock (_seen)
            {
                var seen = new List<Seen>(_seen);
                _seen.Clear();
                return seen;
            }
        }

        private sealed record Seen(BatteryMonitorLinkEventKind Kind, BatteryMonitorLinkFailure Failure, byte[] Address, int AddressType, string Name, int Value, byte[] Data);
    }
}
