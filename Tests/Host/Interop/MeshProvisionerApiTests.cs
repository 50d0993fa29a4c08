using System;
using System.Collections.Generic;
using System.Threading;
using DcMonitor.Emulator.Mesh;
using DcMonitor.MeshInterop;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Interop
{
    /// <summary>
    /// The managed side of the provisioner primitives and node reset: Config Client parameter formats (Mesh Profile 1.0.1 §4.3.2),
    /// argument checks before the native boundary, and the emulated node reset.
    /// </summary>
    public class MeshProvisionerApiTests
    {
        [Fact]
        public void AppKeyAddPacksBothIndexesIntoThreeBytesThenTheKey()
        {
            byte[] key = new byte[16];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(0xA0 + i);
            }

            byte[] parameters = MeshConfigMessages.AppKeyAddParameters(0x123, 0x456, key);

            // §4.3.1.1: two 12-bit indexes in 3 octets, the first in the low 12 bits: 0x456123 little-endian.
            Assert.Equal(new byte[] { 0x23, 0x61, 0x45 }, parameters[..3]);
            Assert.Equal(key, parameters[3..]);
        }

        [Fact]
        public void SigAndVendorModelIdentifiersHaveTheirCompositionDataForms()
        {
            Assert.Equal(new byte[] { 0x05, 0x00, 0x00, 0x00, 0x00, 0x10 },
                MeshConfigMessages.ModelAppBindParameters(0x0005, 0, MeshConfigMessages.SigModel, 0x1000));
            Assert.Equal(new byte[] { 0x06, 0x00, 0x00, 0xC0, 0xE5, 0x02, 0x01, 0x00 },
                MeshConfigMessages.ModelSubscriptionAddParameters(0x0006, 0xC000, MeshProtocol.CompanyId, MeshProtocol.VendorServerModelId));
        }

        [Fact]
        public void PublicationRelayAndTtlParametersFollowTheProfile()
        {
            Assert.Equal(new byte[] { 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0xFF, 0x00, 0x0A, 0xE5, 0x02, 0x01, 0x00 },
                MeshConfigMessages.ModelPublicationSetParameters(0x0005, 0x0001, 0, 0xFF, 0, 2, 1, MeshProtocol.CompanyId, MeshProtocol.VendorServerModelId));
            Assert.Equal(new byte[] { 0x01, 0x0A }, MeshConfigMessages.RelaySetParameters(true, 2, 1)); // 3 transmissions, 20 ms apart
            Assert.Equal(new byte[] { 7 }, MeshConfigMessages.DefaultTtlSetParameters(7));
            Assert.Equal(new byte[] { 0 }, MeshConfigMessages.CompositionDataGetParameters(0));
        }

        [Fact]
        public void HeartbeatParametersFollowTheProfileAndTheirRangesAreChecked()
        {
            Assert.Equal(new byte[] { 0x02, 0xC0, 0xFF, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00 },
                MeshConfigMessages.HeartbeatPublicationSetParameters(0xC002, 0xFF, 1, 1, 0, 0)); // §4.3.2.62
            Assert.Equal(new byte[] { 0x07, 0x00, 0x02, 0xC0, 0x03 }, MeshConfigMessages.HeartbeatSubscriptionSetParameters(0x0007, 0xC002, 3)); // §4.3.2.65
            Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.HeartbeatPublicationSetParameters(0xC002, 0x12, 1, 1, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.HeartbeatPublicationSetParameters(0x8000, 1, 1, 1, 0, 0)); // virtual
            Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.HeartbeatPublicationSetParameters(0xC002, 1, 1, 128, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.HeartbeatPublicationSetParameters(0xC002, 1, 1, 1, 0x10, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.HeartbeatSubscriptionSetParameters(0xC000, 0xC002, 3)); // group source
            Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.HeartbeatSubscriptionSetParameters(0x0007, 0xC002, 0x12));
        }

        [Fact]
        public void AHeartbeatSubscriptionStatusTellsWhetherTheSourceWasHeardDirectly()
        {
            HeartbeatSubscription direct = HeartbeatSubscription.Parse(new byte[] { 0xAA, 0x00, 0x07, 0x00, 0x02, 0xC0, 0x02, 0x03, 0x01, 0x02 }, 1);
            Assert.Equal(0x0007, direct.Source);
            Assert.Equal(0xC002, direct.Destination);
            Assert.Equal(3, direct.CountLog);
            Assert.Equal(1, direct.MinimumHops);
            Assert.Equal(2, direct.MaximumHops);
            Assert.True(direct.HeardDirectly);
            Assert.False(HeartbeatSubscription.Parse(new byte[] { 0x00, 0x07, 0x00, 0x02, 0xC0, 0x02, 0x03, 0x02, 0x02 }, 0).HeardDirectly, "only through a relay");
            Assert.False(HeartbeatSubscription.Parse(new byte[] { 0x00, 0x07, 0x00, 0x02, 0xC0, 0x02, 0x00, 0x7F, 0x00 }, 0).HeardDirectly, "nothing heard");
            Assert.Throws<ArgumentException>(() => HeartbeatSubscription.Parse(new byte[8], 0));
        }

        [Theory]
        [InlineData(MeshConfigMessages.CompositionDataGet, MeshConfigMessages.CompositionDataStatus)]
        [InlineData(MeshConfigMessages.AppKeyAdd, MeshConfigMessages.AppKeyStatus)]
        [InlineData(MeshConfigMessages.ModelAppBind, MeshConfigMessages.ModelAppStatus)]
        [InlineData(MeshConfigMessages.ModelSubscriptionAdd, MeshConfigMessages.ModelSubscriptionStatus)]
        [InlineData(MeshConfigMessages.ModelPublicationSet, MeshConfigMessages.ModelPublicationStatus)]
        [InlineData(MeshConfigMessages.RelaySet, MeshConfigMessages.RelayStatus)]
        [InlineData(MeshConfigMessages.DefaultTtlSet, MeshConfigMessages.DefaultTtlStatus)]
        [InlineData(MeshConfigMessages.NodeReset, MeshConfigMessages.NodeResetStatus)]
        [InlineData(MeshConfigMessages.HeartbeatPublicationSet, MeshConfigMessages.HeartbeatPublicationStatus)]
        [InlineData(MeshConfigMessages.HeartbeatSubscriptionSet, MeshConfigMessages.HeartbeatSubscriptionStatus)]
        [InlineData(MeshConfigMessages.HeartbeatSubscriptionGet, MeshConfigMessages.HeartbeatSubscriptionStatus)]
        [InlineData(0x8201, -1)]
        public void EveryRequestKnowsItsStatusOpcode(int request, int status)
        {
            Assert.Equal(status, MeshConfigMessages.StatusFor(request));
        }

        [Fact]
        public void OutOfRangeFieldsAreRefusedWithTheOffendingValue()
        {
            var ttl = Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.DefaultTtlSetParameters(1));
            Assert.Contains("1", ttl.Message);
            var index = Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.AppKeyAddParameters(0x1000, 0, new byte[16]));
            Assert.Contains("4096", index.Message);
            Assert.Throws<ArgumentException>(() => MeshConfigMessages.AppKeyAddParameters(0, 0, new byte[15]));
            Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.ModelSubscriptionAddParameters(0x0005, 0x0007, MeshConfigMessages.SigModel, 0x1000));
            Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.ModelAppBindParameters(0x8000, 0, MeshConfigMessages.SigModel, 0x1000));
            Assert.Throws<ArgumentOutOfRangeException>(() => MeshConfigMessages.RelaySetParameters(true, 8, 0));
        }

        [Fact]
        public void ADeviceRecordGivesBackItsUuid()
        {
            byte[] record = new byte[MeshProvisioning.DeviceRecordLength];
            record[0] = 0xDD;
            record[1] = 0xDD;
            record[15] = 0x42;
            record[16] = 0x99; // address, not UUID
            byte[] uuid = MeshProvisioning.UuidOf(record);
            Assert.Equal(16, uuid.Length);
            Assert.Equal(0xDD, uuid[0]);
            Assert.Equal(0x42, uuid[15]);
            Assert.Throws<ArgumentException>(() => MeshProvisioning.UuidOf(new byte[15]));
            Assert.Equal(0xDD, MeshProvisioning.UuidOf(new byte[MeshProvisioning.NodeRecordLength] { 0xDD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 1 })[0]);
        }

        [Fact]
        public void BadArgumentsNeverReachTheNativeSide()
        {
            using var board = new ActiveBoard();
            MeshNode node = MeshNode.Start(MeshComposition.Provisioner(new byte[16]));
            byte[] key = new byte[16];
            byte[] prefix = { 0xDD, 0xDD };

            Assert.Equal(MeshResult.InvalidArgument, node.EnableProvisioner(new byte[15], key, prefix, 2, null));
            Assert.Equal(MeshResult.InvalidArgument, node.EnableProvisioner(key, key, prefix, 0, null));
            Assert.Equal(MeshResult.InvalidArgument, node.EnableProvisioner(key, key, prefix, 3, null));
            Assert.Equal(MeshResult.InvalidArgument, node.EnableProvisioner(key, key, prefix, 2, new byte[17]));
            Assert.Equal(MeshResult.InvalidArgument, node.ProvisionDevice(new byte[25], 0x0005));
            Assert.Equal(MeshResult.InvalidArgument, node.ProvisionDevice(new byte[26], 0x8000));
            Assert.Equal(MeshResult.InvalidArgument, node.SendConfigRequest(0, 0x0005, MeshConfigMessages.CompositionDataGet, new byte[1], 4000));
            Assert.Equal(MeshResult.InvalidArgument, node.SendConfigRequest(1, 0xC000, MeshConfigMessages.CompositionDataGet, new byte[1], 4000));
            Assert.Equal(MeshResult.InvalidArgument, node.SendConfigRequest(1, 0x0005, 0x8201, new byte[1], 4000));
            Assert.Equal(MeshResult.InvalidArgument, node.SendConfigRequest(1, 0x0005, MeshConfigMessages.CompositionDataGet, new byte[1], 99));

            // Valid calls reach the emulated component: keys in place, then a request to a node it never provisioned fails in
            // the stack's callback (no device key), as ESP-IDF reports it.
            var events = new List<MeshEvent>();
            node.EventReceived += e => events.Add(Snapshot(e));
            Assert.Equal(MeshResult.Ok, node.EnableProvisioner(key, key, prefix, 2, null));
            Assert.Equal(MeshResult.Ok, node.SendConfigRequest(1, 0x0005, MeshConfigMessages.CompositionDataGet, new byte[1], 4000));
            Assert.True(SpinWait.SpinUntil(() => { node.DrainEvents(); return events.Count >= 2; }, 5000));
            Assert.Contains(events, e => e.Kind == MeshEventKind.ProvisionerReady && e.Value == 0);
            Assert.Contains(events, e => e.Kind == MeshEventKind.ConfigTimedOut && e.RequestHandle == 1 && e.Value == -22);
            EmulatedMeshStack.For(board.Board).PowerOff();
        }

        private static MeshEvent Snapshot(MeshEvent e)
        {
            byte[] record = NativeContract.EncodeEvent((int)e.Kind, e.Source, e.Destination, e.Opcode, e.RequestHandle, e.Value, e.Payload, e.PayloadLength);
            var copy = new MeshEvent();
            copy.Decode(record, record.Length);
            return copy;
        }

        [Fact]
        public void ALocalResetForgetsTheProvisioningDurablyAndIsReported()
        {
            using var board = new ActiveBoard();
            EmulatedMeshStack.Preprovision(board.Board.FlashDirectory, 0x0009, NativeContract.ConfigServer | NativeContract.VendorServer, true);
            MeshNode node = MeshNode.Start(MeshComposition.UniversalNode(new byte[16]));
            var kinds = new List<MeshEventKind>();
            node.EventReceived += e => kinds.Add(e.Kind);
            var state = new MeshState();
            Assert.True(node.ReadState(state));
            Assert.True(state.IsProvisioned);

            Assert.Equal(MeshResult.Ok, node.ResetNode());
            node.DrainEvents();

            Assert.Contains(MeshEventKind.NodeReset, kinds);
            Assert.True(node.ReadState(state));
            Assert.False(state.IsProvisioned);
            Assert.Equal(0, state.UnicastAddress);
            Assert.False(MeshSettings.Load(board.Board.FlashDirectory).Provisioned, "the reset survives a reboot");
            Assert.Equal(MeshResult.InvalidState, node.ResetNode());
            EmulatedMeshStack.For(board.Board).PowerOff();
        }
    }
}
