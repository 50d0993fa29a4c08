using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Gatt
{
    /// <summary>
    /// The emulated native GATT bridge's access control (docs/security.md) without firmware, on a board whose clock only moves
    /// when the test advances it: the ATT errors, the pairing window on board time, bonds in flash across a power cut, forgetting,
    /// passkey pairing and a full bond store.
    /// </summary>
    public sealed class GattSecurityStackTests : IDisposable
    {
        private const int Window = 5 * 60 * 1000;
        private static readonly byte[] Pi = { 0, 0x05, 0x00, 0x00, 0x67, 0xCF, 0x2C };
        private static readonly byte[] Stranger = { 1, 0x11, 0x22, 0x33, 0x44, 0x55, 0xC6 };
        private static readonly byte[] Command = Encoding.ASCII.GetBytes("0:DUTY:100");
        private readonly TemporaryFlash _flash = new TemporaryFlash();
        private readonly VirtualClock _clock = VirtualClock.Manual();
        private EmulatedMeshStack _stack;

        public GattSecurityStackTests()
        {
            EmulatedMeshStack.Preprovision(_flash.Path, 0x0005, EmulatedUniversalNode.UniversalNodeModels, subscribeVendorServerToAll: true);
        }

        [Fact]
        public void AStrangersWriteIsRefusedWithInsufficientAuthenticationAndNothingIsQueued()
        {
            Boot(NativeContract.GattSecurityBonded, Window);
            GattCentralLink stranger = _stack.Gatt.Connect(_ => { }, Stranger);
            Drain();

            Assert.False(stranger.Write(Command));
            Assert.Equal(NativeContract.AttErrorInsufficientAuthentication, stranger.LastAttError);
            Assert.Null(stranger.Read());
            Assert.Equal(NativeContract.AttErrorInsufficientAuthentication, stranger.LastAttError);
            Assert.DoesNotContain(Drain(), record => record[0] == NativeContract.GattCommandWritten || record[0] == NativeContract.GattCommandRefused);
        }

        [Fact]
        public void ABondedCentralIsAcceptedAndNotified()
        {
            Boot(NativeContract.GattSecurityBonded, Window);
            var received = new List<byte[]>();
            GattCentralLink pi = _stack.Gatt.Connect(received.Add, Pi);
            pi.Subscribe();
            Assert.Equal(NativeContract.NotConnected, _stack.GattNotify(Command, Command.Length)); // not before the link is secure

            Assert.Equal(0, pi.Pair());
            Assert.True(pi.Bonded);
            Assert.True(pi.Write(Command));
            Assert.Equal(NativeContract.Ok, _stack.GattNotify(Command, Command.Length));
            Assert.Single(received);
            List<byte[]> records = Drain();
            byte[] paired = records.Single(record => record[0] == NativeContract.GattPaired);
            Assert.Equal(NativeContract.GattLinkEncrypted | NativeContract.GattLinkBonded, paired[11]);
            Assert.Equal(Pi, paired[NativeContract.RecordHeaderLength..]);
            Assert.Contains(records, record => record[0] == NativeContract.GattCommandWritten);
        }

        [Fact]
        public void ThePairingWindowClosesAfterFiveMinutesOfBoardTime()
        {
            Boot(NativeContract.GattSecurityBonded, Window);
            _clock.Advance((Window - 1) * 1000L);
            Assert.True(_stack.Gatt.PairingOpen);
            _clock.Advance(1000);
            Assert.False(_stack.Gatt.PairingOpen);

            GattCentralLink late = _stack.Gatt.Connect(_ => { }, Stranger);
            Assert.Equal(0, late.Pair()); // SMP still encrypts (sm_bonding off) ...
            Assert.False(late.Bonded);
            Assert.False(late.Write(Command)); // ... but an unbonded link is refused
            Assert.Equal(NativeContract.AttErrorInsufficientAuthentication, late.LastAttError);
            Assert.Equal(0, _stack.GattReadBond(0, new byte[NativeContract.GattBondRecordLength]));

            Assert.Equal(NativeContract.Ok, _stack.GattSetSecurity(NativeContract.GattSecurityBonded, Window, 0)); // `gatt pair`
            late.Disconnect();
            late = _stack.Gatt.Connect(_ => { }, Stranger);
            Assert.Equal(0, late.Pair());
            Assert.True(late.Write(Command));
        }

        [Fact]
        public void BondsSurviveAPowerCutAndTheBondedCentralOnlyEncrypts()
        {
            Boot(NativeContract.GattSecurityBonded, Window);
            GattCentralLink pi = _stack.Gatt.Connect(_ => { }, Pi);
            Assert.Equal(0, pi.Pair());
            _stack.PowerOff();

            Boot(NativeContract.GattSecurityBonded, 0); // not a first boot: the window stays closed
            var record = new byte[NativeContract.GattBondRecordLength];
            Assert.Equal(NativeContract.GattBondRecordLength, _stack.GattReadBond(0, record));
            Assert.Equal(Pi, record);
            pi = _stack.Gatt.Connect(_ => { }, Pi);
            Assert.False(pi.Write(Command));
            Assert.Equal(NativeContract.AttErrorInsufficientEncryption, pi.LastAttError); // BlueZ encrypts with its key and retries
            Assert.True(pi.Encrypt());
            Assert.True(pi.Write(Command));
        }

        [Fact]
        public void ForgettingABondDisconnectsTheCentralAndClosesTheServiceToIt()
        {
            Boot(NativeContract.GattSecurityBonded, Window);
            GattCentralLink pi = _stack.Gatt.Connect(_ => { }, Pi);
            Assert.Equal(0, pi.Pair());
            _clock.Advance(Window * 1000L);

            Assert.Equal(NativeContract.Ok, _stack.GattDeleteBond(Pi, Pi.Length));
            Assert.False(pi.IsOpen);
            Assert.Equal(0, _stack.GattReadBond(0, new byte[NativeContract.GattBondRecordLength]));
            pi = _stack.Gatt.Connect(_ => { }, Pi);
            Assert.False(pi.Encrypt());
            Assert.False(pi.Write(Command));
            Assert.Equal(NativeContract.AttErrorInsufficientAuthentication, pi.LastAttError);
            Assert.Equal(NativeContract.InvalidArgument, _stack.GattDeleteBond(Pi, Pi.Length)); // nothing left to forget: said so
        }

        [Fact]
        public void PasskeyModeNeedsTheDisplayedPasskey()
        {
            Boot(NativeContract.GattSecurityPasskey, Window, passkey: 123456);
            GattCentralLink pi = _stack.Gatt.Connect(_ => { }, Pi);
            Assert.Equal(NativeContract.SmpAuthenticationRequirements, pi.Pair()); // Just Works cannot give MITM protection
            Assert.Equal(NativeContract.SmpConfirmValueFailed, pi.Pair(654321));
            Assert.False(pi.Write(Command));
            Assert.Equal(0, pi.Pair(123456));
            Assert.True(pi.Authenticated);
            Assert.True(pi.Write(Command));
            Assert.Contains(Drain(), record => record[0] == NativeContract.GattPairingFailed && record[11] == NativeContract.SmpConfirmValueFailed);
        }

        [Fact]
        public void AFullBondStoreRefusesANewBondOutLoud()
        {
            Boot(NativeContract.GattSecurityBonded, Window);
            for (int i = 0; i < NativeContract.GattMaximumBonds; i++)
            {
                GattCentralLink central = _stack.Gatt.Connect(_ => { }, new byte[] { 0, (byte)i, 1, 2, 3, 4, 5 });
                Assert.Equal(0, central.Pair());
                central.Disconnect();
            }

            GattCentralLink extra = _stack.Gatt.Connect(_ => { }, Stranger);
            Assert.Equal(NativeContract.SmpUnspecifiedReason, extra.Pair());
            Assert.False(extra.Write(Command));
            Assert.Contains(Drain(), record => record[0] == NativeContract.GattPairingFailed && record[11] == NativeContract.SmpUnspecifiedReason);
        }

        [Fact]
        public void OpenModeAndAnUnconfiguredBridgeTakeAnyWriteAsBefore()
        {
            Boot(NativeContract.GattSecurityOpen, 0);
            GattCentralLink anyone = _stack.Gatt.Connect(_ => { }, Stranger);
            Assert.True(anyone.Write(Command));
            Assert.NotNull(anyone.Read());
            Assert.Equal(NativeContract.InvalidState, _stack.GattSetSecurity(NativeContract.GattSecurityBonded, 0, 0)); // flags fixed at start
        }

        public void Dispose()
        {
            _stack?.PowerOff();
            _flash.Dispose();
        }

        private void Boot(int mode, int windowMilliseconds, int passkey = 0)
        {
            var board = new VirtualBoard(_flash.Path, _clock);
            _stack = EmulatedMeshStack.For(board);
            using (board.Activate())
            {
                Assert.Equal(NativeContract.Ok, _stack.GattSetSecurity(mode, windowMilliseconds, passkey));
                Assert.Equal(NativeContract.Ok, _stack.Start(EmulatedUniversalNode.UniversalNodeModels, true, 7, new byte[16]));
            }
        }

        private List<byte[]> Drain()
        {
            var records = new List<byte[]>();
            byte[] record = new byte[NativeContract.RecordHeaderLength + NativeContract.MaximumPayloadLength];
            int length;
            while ((length = _stack.TakeEvent(record)) > 0)
            {
                records.Add(record[..length]);
            }

            return records;
        }
    }
}
