using System;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Gatt
{
    /// <summary>
    /// Which images serve the Pi's GATT service 0xDC01 (docs/security.md, GATT access control): only the universal node, whose
    /// DC03 writes the access modes guard. The relay and the provisioner register no DC01 and do not advertise it (natively
    /// <c>dcm_composition_serves_gatt_bridge</c>), so a stranger cannot write DC03 on them in any mode.
    /// </summary>
    public class GattServiceImageTests
    {
        [Fact]
        public void ARelayNodeHasNoDcMonitorServiceToConnectTo()
        {
            using var flash = new TemporaryFlash();
            using var relay = new EmulatedRelayNode(flash.Path, "relay-0", new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true }, 0x0009);
            relay.PowerOn();
            AssertNoGattService(relay.Radio);
        }

        [Fact]
        public void TheProvisionerHasNoDcMonitorServiceToConnectTo()
        {
            using var flash = new TemporaryFlash();
            using var provisioner = new EmulatedProvisionerNode(flash.Path, "provisioner", new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true });
            provisioner.PowerOn();
            AssertNoGattService(provisioner.Radio);
        }

        [Fact]
        public void AUniversalNodeAdvertisesTheServiceOnceStarted()
        {
            using var flash = new TemporaryFlash();
            using var node = new EmulatedUniversalNode(new UniversalNodeBoardOptions { FlashDirectory = flash.Path, Name = "node-0", Air = new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true }, PreprovisionedAddress = 0x0005 });
            Assert.False(node.Radio.Gatt.Advertising); // not started yet
            node.PowerOn();
            new NodeConsole(node.Console).WaitUntilReady();
            Assert.True(node.Radio.Gatt.Advertising);
        }

        private static void AssertNoGattService(EmulatedMeshStack radio)
        {
            Assert.True(radio.Started); // the image's stack runs, only without DC01
            Assert.False(radio.Gatt.Advertising);
            InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => radio.Gatt.Connect(_ => { }, new byte[] { 1, 1, 2, 3, 4, 5, 0xC6 }));
            Assert.Contains("not advertising", refused.Message, StringComparison.Ordinal);
        }
    }
}
