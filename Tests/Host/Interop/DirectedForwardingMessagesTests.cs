using System;
using DcMonitor.MeshInterop;
using Xunit;

namespace DcMonitor.Tests.Interop
{
    /// <summary>
    /// The provisioner's Directed Forwarding Configuration Client requests in their on-air format (DirectedForwardingMessages): the
    /// same bytes the native decoder's CTest (native-mesh-interop/test/df_codec_tests.cpp) and the emulated DF server read, and the
    /// argument checks before the native boundary.
    /// </summary>
    public class DirectedForwardingMessagesTests
    {
        [Fact]
        public void DirectedControlSetTurnsForwardingAndRelayAndLeavesProxyAndFriend()
        {
            Assert.Equal(new byte[] { 0x00, 0x00, 0x01, 0x01, 0xFF, 0xFF, 0xFF }, DirectedForwardingMessages.DirectedControlSetParameters(0, true, true));
            Assert.Equal(new byte[] { 0x00, 0x00, 0x01, 0x00, 0xFF, 0xFF, 0xFF }, DirectedForwardingMessages.DirectedControlSetParameters(0, true, false));
            Assert.Throws<ArgumentException>(() => DirectedForwardingMessages.DirectedControlSetParameters(0, false, true));
            Assert.Throws<ArgumentOutOfRangeException>(() => DirectedForwardingMessages.DirectedControlSetParameters(0x1000, true, true));
        }

        [Fact]
        public void ForwardingTableAddPacksTheFlagsWithTheNetKeyIndexAndWritesOneAddressRanges()
        {
            Assert.Equal(new byte[] { 0x00, 0x30, 0x20, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x01, 0x00 },
                DirectedForwardingMessages.ForwardingTableAddParameters(0, 0x0010, 0x0005, true, DirectedForwardingMessages.NoBearer, DirectedForwardingMessages.AdvertisingBearer));
            Assert.Equal(new byte[] { 0x01, 0x10, 0x20, 0x00, 0x0A, 0x00, 0x01, 0x00, 0x00, 0x00 },
                DirectedForwardingMessages.ForwardingTableAddParameters(1, 0x0010, 0x0005, false, DirectedForwardingMessages.AdvertisingBearer, DirectedForwardingMessages.NoBearer));
            Assert.Throws<ArgumentOutOfRangeException>(() => DirectedForwardingMessages.ForwardingTableAddParameters(0, 0x0005, 0x0005, true, 1, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => DirectedForwardingMessages.ForwardingTableAddParameters(0, 0xC000, 0x0005, true, 1, 1));
        }

        [Fact]
        public void DependentsAddWritesALengthOnlyForRangesOfMoreThanOneAddress()
        {
            Assert.Equal(new byte[] { 0x00, 0x00, 0x10, 0x00, 0x05, 0x00, 0x02, 0x00, 0x41, 0x00, 0x03, 0x60, 0x00 },
                DirectedForwardingMessages.ForwardingTableDependentsAddParameters(0, 0x0010, 0x0005, new[] { 0x0020, 3, 0x0030, 1 }));
            Assert.Throws<ArgumentException>(() => DirectedForwardingMessages.ForwardingTableDependentsAddParameters(0, 0x0010, 0x0005, new int[0]));
            Assert.Throws<ArgumentException>(() => DirectedForwardingMessages.ForwardingTableDependentsAddParameters(0, 0x0010, 0x0005, new[] { 0x0020 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => DirectedForwardingMessages.ForwardingTableDependentsAddParameters(0, 0x0010, 0x0005, new[] { 0x7FFF, 2 }));
            Assert.Throws<ArgumentException>(() => DirectedForwardingMessages.ForwardingTableDependentsAddParameters(0, 0x0010, 0x0005, new int[130]));
        }

        [Theory]
        [InlineData(DirectedForwardingMessages.DirectedControlSet, DirectedForwardingMessages.DirectedControlStatus)]
        [InlineData(DirectedForwardingMessages.ForwardingTableAdd, DirectedForwardingMessages.ForwardingTableStatus)]
        [InlineData(DirectedForwardingMessages.ForwardingTableDependentsAdd, DirectedForwardingMessages.ForwardingTableDependentsStatus)]
        [InlineData(MeshConfigMessages.RelaySet, -1)]
        public void EveryRequestKnowsItsStatusOpcode(int request, int status)
        {
            Assert.Equal(status, DirectedForwardingMessages.StatusFor(request));
        }
    }
}
