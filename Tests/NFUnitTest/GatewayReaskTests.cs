using DcMonitor.Shared.Gateway;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The gateway's ALL collection on a large mesh: the unicast re-asks of the known nodes whose answers to an ALL:READ were lost,
    /// silent towards the Pi, each answer forwarded once. This node is 0x0005; nodes 1–3 are 0x0006–0x0008, known beforehand.
    /// </summary>
    [TestClass]
    public class GatewayReaskTests
    {
        private const string Reading = "D:50%,V:12.003V,I:250.00mA,P:3000.8mW";

        [TestMethod]
        public void AnAllReadReasksTheSilentKnownNodesAfterTheWindowAndForwardsEachAnswerOnce()
        {
            ReaskGateway gateway = new ReaskGateway("ALL:READ");
            GatewayProcessor processor = gateway.Processor;
            Assert.AreEqual(GatewayProcessor.GroupResponseWindowMinimumMilliseconds, gateway.Mesh.LastGroupResponseWindowMilliseconds);
            processor.OnVendorStatus(0x0006, Reading, 300);
            processor.Tick(3900);
            Assert.AreEqual(1, gateway.Mesh.Sends.Count, "no re-ask before the window and its margin are over");

            processor.Tick(4100);
            AssertSends(gateway.Mesh, "vendor 0xC000 read", "vendor 0x0007 read", "vendor 0x0008 read");
            Assert.AreEqual(2, processor.ReasksOutstanding);
            processor.OnVendorStatus(0x0007, Reading, 4200);
            processor.OnVendorStatus(0x0007, Reading, 4300); // its late answer to the group SEND: a second answer
            processor.OnVendorTimeout(0x0008, 9100);
            processor.Tick(9200);
            processor.OnVendorTimeout(0x0008, 14200);
            processor.Tick(14300);
            processor.OnVendorTimeout(0x0008, 19300);
            processor.Tick(19400);

            AssertSends(gateway.Mesh, "vendor 0xC000 read", "vendor 0x0007 read", "vendor 0x0008 read", "vendor 0x0008 read", "vendor 0x0008 read");
            Assert.AreEqual(0, processor.ReasksOutstanding);
            Assert.AreEqual(4, processor.ReasksSent);
            AssertMessages(gateway.Notifier, "NODE0:DATA:" + Reading, "SENT:READ", "NODE1:DATA:" + Reading, "NODE2:DATA:" + Reading); // no MESH_TIMEOUT
        }

        [TestMethod]
        public void ANodeWhoseGroupAnswerComesAfterItsReaskIsForwardedOnce()
        {
            ReaskGateway gateway = new ReaskGateway("ALL:READ");
            gateway.Processor.Tick(4100);
            gateway.Processor.OnVendorStatus(0x0006, Reading, 4150); // the group answer, late: clears the re-ask
            gateway.Processor.OnVendorStatus(0x0006, Reading, 4200); // the re-ask's answer

            AssertMessages(gateway.Notifier, "NODE0:DATA:" + Reading, "SENT:READ", "NODE1:DATA:" + Reading);
        }

        [TestMethod]
        public void AReaskAnsweredAfterTheNextAllIsForwardedButIsNotTheNodesAnswerToIt()
        {
            const string Before = "D:0%,V:12.003V,I:0.00mA,P:0.0mW";
            ReaskGateway gateway = new ReaskGateway("ALL:READ");
            gateway.Processor.OnVendorStatus(0x0006, Reading, 300);
            gateway.Processor.Tick(4100); // node 2 and node 3 re-asked
            gateway.Write("ALL:DUTY:50", 4200);
            gateway.Local.Answer(Reading);
            AssertSends(gateway.Mesh, "vendor 0xC000 read", "vendor 0x0007 read", "vendor 0x0008 read", "vendor 0xC000 duty:50");
            Assert.AreEqual(0, gateway.Processor.ReasksOutstanding, "the re-asks belong to the ALL:READ before");
            int before = gateway.Notifier.Messages.Count;

            gateway.Processor.OnVendorStatus(0x0007, Before, 4300); // the re-ask's answer, read before the duty
            gateway.Processor.OnVendorStatus(0x0007, Reading, 4400); // its answer to ALL:DUTY:50
            gateway.Processor.OnVendorTimeout(0x0008, 9300); // node 3's re-ask: silent
            gateway.Processor.Tick(9400);

            Assert.AreEqual(before + 2, gateway.Notifier.Messages.Count);
            Assert.AreEqual("NODE2:DATA:" + Before, (string)gateway.Notifier.Messages[before]);
            Assert.AreEqual("NODE2:DATA:" + Reading, (string)gateway.Notifier.Messages[before + 1], "the node's answer to the duty is not taken for a second one");
            AssertSends(gateway.Mesh, "vendor 0xC000 read", "vendor 0x0007 read", "vendor 0x0008 read", "vendor 0xC000 duty:50"); // a duty is not re-asked
        }

        [TestMethod]
        public void OnlyAReadIsReasked()
        {
            ReaskGateway gateway = new ReaskGateway("ALL:DUTY:50");
            gateway.Processor.Tick(4100);
            gateway.Processor.Tick(11500);

            AssertSends(gateway.Mesh, "vendor 0xC000 duty:50");
        }

        private static void AssertSends(RecordingMesh mesh, params string[] expected)
        {
            Assert.AreEqual(expected.Length, mesh.Sends.Count);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], (string)mesh.Sends[i]);
            }
        }

        private static void AssertMessages(RecordingNotifier notifier, params string[] expected)
        {
            Assert.AreEqual(expected.Length, notifier.Messages.Count);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], (string)notifier.Messages[i]);
            }
        }

        /// <summary>The gateway with nodes 1–3 known, the Pi's ALL command written at 0 and its local part answered.</summary>
        private sealed class ReaskGateway
        {
            public ReaskGateway(string command)
            {
                Mesh = new RecordingMesh(0x0005, true);
                Notifier = new RecordingNotifier();
                ManualLocalRunner local = new ManualLocalRunner();
                Local = local;
                Processor = new GatewayProcessor(Mesh, Notifier, local);
                Processor.KnownNodes.Heard(0x0006, 0x0005, 0);
                Processor.KnownNodes.Heard(0x0007, 0x0005, 0);
                Processor.KnownNodes.Heard(0x0008, 0x0005, 0);
                GatewayUnderTest.Write(Processor, command, 0);
                local.Answer(Reading);
            }

            public ManualLocalRunner Local { get; }

            /// <summary>The Pi writes <paramref name="command"/> at <paramref name="now"/> ms.</summary>
            public void Write(string command, long now)
            {
                GatewayUnderTest.Write(Processor, command, now);
            }

            public RecordingMesh Mesh { get; }

            public RecordingNotifier Notifier { get; }

            public GatewayProcessor Processor { get; }
        }
    }
}
