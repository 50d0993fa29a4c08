using DcMonitor.Shared.Gateway;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The gateway's ALL collection on a large mesh: the group SEND's response window sized to the known nodes, and the unicast
    /// re-asks of the known nodes whose answers to an ALL:READ were lost, silent towards the Pi. This node is 0x0005; nodes 1–3 are
    /// 0x0006–0x0008, known beforehand.
    /// </summary>
    [TestClass]
    public class GatewayReaskTests
    {
        private const string Reading = "D:50%,V:12.003V,I:250.00mA,P:3000.8mW";

        [TestMethod]
        public void TheResponseWindowGrowsWithTheKnownNodesFromTheStandard500Milliseconds()
        {
            Assert.AreEqual(500, GatewayProcessor.GroupResponseWindowMilliseconds(0));
            Assert.AreEqual(500, GatewayProcessor.GroupResponseWindowMilliseconds(5));
            Assert.AreEqual(6300, GatewayProcessor.GroupResponseWindowMilliseconds(63));
            Assert.AreEqual(20000, GatewayProcessor.GroupResponseWindowMilliseconds(200));
            Assert.AreEqual(25500, GatewayProcessor.GroupResponseWindowMilliseconds(1000), "at most what the binary SEND carries");
        }

        [TestMethod]
        public void AnAllReadReasksTheSilentKnownNodesAfterTheWindowAndForwardsEachAnswerOnce()
        {
            RecordingMesh mesh = new RecordingMesh(0x0005, true);
            RecordingNotifier notifier = new RecordingNotifier();
            ManualLocalRunner local = new ManualLocalRunner();
            GatewayProcessor processor = Known(mesh, notifier, local);

            processor.OnCommandWritten(Bytes("ALL:READ"), 8, 0);
            local.Answer(Reading);
            Assert.AreEqual(500, mesh.LastGroupResponseWindowMilliseconds);
            processor.OnVendorStatus(0x0006, Reading, 300);
            processor.Tick(2400);
            Assert.AreEqual(1, mesh.Sends.Count, "no re-ask before the window and its margin are over");

            processor.Tick(2600);
            AssertSends(mesh, "vendor 0xC000 read", "vendor 0x0007 read", "vendor 0x0008 read");
            Assert.AreEqual(2, processor.ReasksOutstanding);
            processor.OnVendorStatus(0x0007, Reading, 2700);
            processor.OnVendorStatus(0x0007, Reading, 2800); // its late answer to the group SEND: a second answer
            processor.OnVendorTimeout(0x0008, 7600);
            processor.Tick(7700);
            processor.OnVendorTimeout(0x0008, 12700);
            processor.Tick(12800);
            processor.OnVendorTimeout(0x0008, 17800);
            processor.Tick(17900);

            AssertSends(mesh, "vendor 0xC000 read", "vendor 0x0007 read", "vendor 0x0008 read", "vendor 0x0008 read", "vendor 0x0008 read");
            Assert.AreEqual(0, processor.ReasksOutstanding);
            Assert.AreEqual(4, processor.ReasksSent);
            AssertMessages(notifier, "NODE0:DATA:" + Reading, "SENT:READ", "NODE1:DATA:" + Reading, "NODE2:DATA:" + Reading); // no MESH_TIMEOUT
        }

        [TestMethod]
        public void ANodeWhoseGroupAnswerComesAfterItsReaskIsForwardedOnce()
        {
            RecordingMesh mesh = new RecordingMesh(0x0005, true);
            RecordingNotifier notifier = new RecordingNotifier();
            ManualLocalRunner local = new ManualLocalRunner();
            GatewayProcessor processor = Known(mesh, notifier, local);

            processor.OnCommandWritten(Bytes("ALL:READ"), 8, 0);
            local.Answer(Reading);
            processor.Tick(2600);
            processor.OnVendorStatus(0x0006, Reading, 2650); // the group answer, late: clears the re-ask
            processor.OnVendorStatus(0x0006, Reading, 2700); // the re-ask's answer

            AssertMessages(notifier, "NODE0:DATA:" + Reading, "SENT:READ", "NODE1:DATA:" + Reading);
        }

        [TestMethod]
        public void OnlyAReadIsReasked()
        {
            RecordingMesh mesh = new RecordingMesh(0x0005, true);
            RecordingNotifier notifier = new RecordingNotifier();
            ManualLocalRunner local = new ManualLocalRunner();
            GatewayProcessor processor = Known(mesh, notifier, local);

            processor.OnCommandWritten(Bytes("ALL:DUTY:50"), 11, 0);
            local.Answer(Reading);
            processor.Tick(2600);
            processor.Tick(10000);

            AssertSends(mesh, "vendor 0xC000 duty:50");
        }

        private static GatewayProcessor Known(RecordingMesh mesh, RecordingNotifier notifier, ManualLocalRunner local)
        {
            GatewayProcessor processor = new GatewayProcessor(mesh, notifier, local);
            processor.KnownNodes.Heard(0x0006, 0x0005, 0);
            processor.KnownNodes.Heard(0x0007, 0x0005, 0);
            processor.KnownNodes.Heard(0x0008, 0x0005, 0);
            return processor;
        }

        private static byte[] Bytes(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
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
    }
}
