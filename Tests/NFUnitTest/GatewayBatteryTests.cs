using DcMonitor.Shared.Gateway;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The Pi's <c>BATT</c> through the gateway (docs/battery-monitor.md): <c>NODE&lt;n&gt;:BATT:V:12.71V,SOC:87%,T:21C</c>, the bare
    /// errors for one node, the node-named errors for ALL. This node is node 0 (0x0005); node 1 is 0x0006.
    /// </summary>
    [TestClass]
    public class GatewayBatteryTests
    {
        private const string Battery = "BATT:V:12.71V,SOC:87%,T:21C";

        [TestMethod]
        public void SelfAddressedBattIsAnsweredLocally()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("0:BATT", 0);
            Assert.AreEqual("batt", gateway.Local.LastText);
            gateway.Local.Answer(Battery);
            gateway.ExpectMessages("NODE0:BATT:V:12.71V,SOC:87%,T:21C");
            gateway.ExpectSends();
        }

        [TestMethod]
        public void TheWordIsCaseInsensitiveAndANegativeTemperatureKeepsItsSign()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("0:batt", 0);
            gateway.Local.Answer("BATT:V:11.90V,SOC:40%,T:-5C");
            gateway.ExpectMessages("NODE0:BATT:V:11.90V,SOC:40%,T:-5C");
        }

        [TestMethod]
        public void RemoteBattIsSentThenTheAnswerIsForwarded()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:BATT", 0);
            gateway.ExpectSends("vendor 0x0006 batt");
            gateway.Processor.OnVendorStatus(0x0006, Battery, 300);
            gateway.ExpectMessages("SENT:BATT", "NODE1:BATT:V:12.71V,SOC:87%,T:21C");
        }

        [TestMethod]
        public void AOneNodeErrorIsNotifiedExactlyAsTheProtocolSpellsIt()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:BATT", 0);
            gateway.Processor.OnVendorStatus(0x0006, "BATT:ERROR:NO_BATTERY_MONITOR", 300);
            gateway.Write("0:BATT", 400);
            gateway.Local.Answer("BATT:ERROR:BATTERY_MONITOR_UNREACHABLE");
            gateway.ExpectMessages("SENT:BATT", "ERROR:NO_BATTERY_MONITOR", "ERROR:BATTERY_MONITOR_UNREACHABLE");
        }

        [TestMethod]
        public void AllBattNamesEachNodeInItsErrorsToo()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("ALL:BATT", 0);
            gateway.Local.Answer("BATT:ERROR:NO_BATTERY_MONITOR");
            gateway.ExpectSends("vendor 0xC000 batt");
            gateway.Processor.OnVendorStatus(0x0006, Battery, 400);
            gateway.Processor.OnVendorStatus(0x0007, "BATT:ERROR:BATTERY_MONITOR_UNREACHABLE", 450);
            gateway.ExpectMessages("NODE0:BATT:ERROR:NO_BATTERY_MONITOR", "SENT:BATT", "NODE1:BATT:V:12.71V,SOC:87%,T:21C", "NODE2:BATT:ERROR:BATTERY_MONITOR_UNREACHABLE");
            Assert.AreEqual(0, gateway.Processor.ReasksOutstanding, "only a READ is re-asked");
        }

        [TestMethod]
        public void EveryBattMessageFitsTheNotificationLimit()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("249:BATT", 0);
            gateway.Processor.OnVendorStatus(0x00FE, "BATT:V:40.95V,SOC:100%,T:-255C", 300);
            string longest = (string)gateway.Notifier.Messages[1];
            Assert.AreEqual("NODE249:BATT:V:40.95V,SOC:100%,T:-255C", longest);
            Assert.IsTrue(longest.Length <= GatewayReplies.MaximumMessageBytes);
            NotificationChunker chunker = new NotificationChunker(GatewayReplies.MaximumMessageBytes);
            byte[] bytes = new byte[longest.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)longest[i];
            }

            Assert.AreEqual(2, chunker.Plan(bytes, bytes.Length), "two notifications of the 20-byte framing");
            Assert.IsTrue(chunker.WasExact, "framed without replacing a byte");
        }

        [TestMethod]
        public void ANodeDataReplyIsUnchanged()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("0:READ", 0);
            gateway.Local.Answer("D:0%,V:12.000V,I:0.00mA,P:0.0mW");
            gateway.ExpectMessages("NODE0:DATA:D:0%,V:12.000V,I:0.00mA,P:0.0mW");
        }
    }
}
