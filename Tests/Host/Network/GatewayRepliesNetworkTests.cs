using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>The other replies of seed protocol §2.6 as the network produces them: self ramp, the OnOff fallback,
    /// MESH_READY:VENDOR when the vendor client gets bound, and MESH_SEND_FAIL when the stack refuses a send.</summary>
    public class GatewayRepliesNetworkTests
    {
        private const int WithoutVendorClient = NativeContract.ConfigServer | NativeContract.GenericOnOffClient | NativeContract.GenericOnOffServer | NativeContract.VendorServer;

        [Fact]
        public void SelfRampAnswersAfterTheRampWithDutyZero()
        {
            using var network = new TestNetwork(1);
            var pi = network.ConnectPi(0);
            var started = System.Diagnostics.Stopwatch.StartNew();
            pi.Write("0:RAMP");
            Assert.StartsWith("NODE0:DATA:D:0%,", pi.Next(10000));
            Assert.True(started.ElapsedMilliseconds >= 2600, "answered after " + started.ElapsedMilliseconds + " ms");
        }

        [Fact]
        public void WithoutTheVendorClientTheOnOffFallbackIsUsedAndBindingItIsAnnounced()
        {
            using var network = new TestNetwork(2, gatewayModels: WithoutVendorClient);
            var pi = network.ConnectPi(0);

            pi.Write("1:STOP");
            Assert.Equal("SENT:OFF(fallback)", pi.Next());
            Assert.Equal("NODE1:ACK:0", pi.Next());

            pi.Write("1:ON");
            Assert.Equal("SENT:ON(fallback)", pi.Next());
            Assert.Equal("NODE1:ACK:1", pi.Next());
            Assert.Equal(0.0, network.GateLevel(1), 4); // OnOff on = duty 100 %

            pi.Write("1:READ");
            Assert.Equal("ERROR:NOT_READY", pi.Next());
            pi.Write("1:MONITOR");
            Assert.Equal("ERROR:NOT_READY", pi.Next());

            pi.Write("7:OFF");
            Assert.Equal("SENT:OFF(fallback)", pi.Next());
            Assert.Equal("TIMEOUT:0x000c", pi.Next(5000));

            network.Nodes[0].Radio.ApplyConfiguration(DcMonitor.Emulator.Nodes.EmulatedUniversalNode.UniversalNodeModels, 0);
            Assert.Equal("MESH_READY:VENDOR", pi.Next());
            pi.Write("1:READ");
            Assert.Equal("SENT:READ", pi.Next());
            Assert.StartsWith("NODE1:DATA:D:100%,", pi.Next());
        }

        [Fact]
        public void ASendTheStackRefusesIsReportedAndNothingSticks()
        {
            using var network = new TestNetwork(2);
            var pi = network.ConnectPi(0);
            network.Nodes[0].Radio.RefuseSends = true;
            pi.Write("1:READ");
            Assert.Equal("ERROR:MESH_SEND_FAIL", pi.Next());
            network.Nodes[0].Radio.RefuseSends = false;
            pi.Write("1:READ");
            Assert.Equal("SENT:READ", pi.Next());
            Assert.StartsWith("NODE1:DATA:", pi.Next());
        }
    }
}
