using System;
using DcMonitor.Emulator.Mesh;
using DcMonitor.MeshInterop;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>The emulated native component and the managed interop agree on every number of their contract.</summary>
    public class NativeContractTests
    {
        [Fact]
        public void ResultsModelsEventKindsAndLayoutsMatch()
        {
            Assert.Equal(MeshNode.EventSignal, NativeContract.EventSignal);
            Assert.Equal(MeshEvent.RecordHeaderLength, NativeContract.RecordHeaderLength);
            Assert.Equal(MeshState.BlobLength, NativeContract.StateBlobLength);
            Assert.Equal((int)MeshResult.Ok, NativeContract.Ok);
            Assert.Equal((int)MeshResult.InvalidArgument, NativeContract.InvalidArgument);
            Assert.Equal((int)MeshResult.InvalidState, NativeContract.InvalidState);
            Assert.Equal((int)MeshResult.Busy, NativeContract.Busy);
            Assert.Equal((int)MeshResult.NotConnected, NativeContract.NotConnected);
            Assert.Equal((int)MeshModels.ConfigServer, NativeContract.ConfigServer);
            Assert.Equal((int)MeshModels.GenericOnOffClient, NativeContract.GenericOnOffClient);
            Assert.Equal((int)MeshModels.GenericOnOffServer, NativeContract.GenericOnOffServer);
            Assert.Equal((int)MeshModels.VendorServer, NativeContract.VendorServer);
            Assert.Equal((int)MeshModels.VendorClient, NativeContract.VendorClient);
            foreach (MeshEventKind kind in Enum.GetValues<MeshEventKind>())
            {
                Assert.Equal((int)kind, (int)typeof(NativeContract).GetField(kind.ToString()).GetValue(null));
            }
        }

        [Fact]
        public void AnEncodedRecordDecodesToTheSameEvent()
        {
            byte[] payload = { 1, 2, 3 };
            byte[] record = NativeContract.EncodeEvent(NativeContract.VendorMessageReceived, 0x0006, 0xC000, 0xC302E5, 17, -1, payload, 3);
            var decoded = new MeshEvent();
            Assert.True(decoded.Decode(record, record.Length));
            Assert.Equal(MeshEventKind.VendorMessageReceived, decoded.Kind);
            Assert.Equal(0x0006, decoded.Source);
            Assert.Equal(0xC000, decoded.Destination);
            Assert.Equal(0xC302E5, decoded.Opcode);
            Assert.Equal(17, decoded.RequestHandle);
            Assert.Equal(-1, decoded.Value);
            Assert.Equal(3, decoded.PayloadLength);
            Assert.Equal(payload, decoded.Payload[..3]);
            Assert.False(decoded.Decode(record, 10), "a truncated record");
        }
    }
}
