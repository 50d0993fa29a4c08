using DcMonitor.Shared.Gateway;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// A gateway that knew too few nodes when it sized an ALL:READ's response window (just started: it knows none, so the window is the
    /// 2 s minimum, room for 20 answers) learns the mesh from the answers and sends the group read once more, silently, with a window
    /// sized to them: the answers that collided in the short window, or were lost from nodes it could not re-ask, come then, and the
    /// Pi sees what a mesh that lost nothing shows.
    /// This node is 0x0005; node n is 0x0005 + n.
    /// </summary>
    [TestClass]
    public class GatewayGroupResendTests
    {
        private const string Reading = "D:0%,V:12.000V,I:0.00mA,P:0.0mW";

        [TestMethod]
        public void AnAllReadAnsweredByMoreNodesThanItsWindowHadRoomForIsSentToTheGroupOnceMoreSilently()
        {
            GatewayUnderTest gateway = StartAll("ALL:READ", 26);
            gateway.Processor.Tick(3900);
            gateway.ExpectSends("vendor 0xC000 read");

            gateway.Processor.Tick(4100); // window (2 s) and its margin (2 s) over: 26 answers, more than a quarter above 20
            gateway.ExpectSends("vendor 0xC000 read", "vendor 0xC000 read");
            Assert.AreEqual(GatewayProcessor.GroupResponseWindowMilliseconds(26), gateway.Mesh.LastGroupResponseWindowMilliseconds);
            Assert.AreEqual(1, gateway.Processor.GroupResendsSent);
            gateway.Processor.OnVendorStatus(0x0006, Reading, 4500); // node 1 again: already forwarded
            gateway.Processor.OnVendorStatus(0x0005 + 27, Reading, 5000); // node 27, whose first answer collided

            Assert.AreEqual(2 + 26 + 1, gateway.Notifier.Messages.Count, "own answer, SENT:READ once, each node's answer once");
            Assert.AreEqual("NODE27:DATA:" + Reading, (string)gateway.Notifier.Messages[gateway.Notifier.Messages.Count - 1]);
            gateway.Processor.Tick(20000);
            Assert.AreEqual(2, gateway.Mesh.Sends.Count, "once per ALL:READ; every known node answered: no re-ask");
        }

        [TestMethod]
        public void AnAllReadWhoseAnswersFitItsWindowAndCameMostlyFromKnownNodesIsNotSentAgain()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            for (int node = 1; node <= 13; node++)
            {
                gateway.Processor.KnownNodes.Heard(0x0005 + node, 0x0005, 0);
            }

            Write(gateway, "ALL:READ", 25); // a quarter more than the window's 20: collisions are few; 12 new nodes, fewer than the 13 known
            gateway.Processor.Tick(4100);
            gateway.Processor.Tick(20000);

            gateway.ExpectSends("vendor 0xC000 read");
            Assert.AreEqual(0, gateway.Processor.GroupResendsSent);
        }

        [TestMethod]
        public void AFreshGatewayOnASmallMeshSendsItsFirstAllReadToTheGroupOnceMoreForTheNodesItCouldNotReask()
        {
            GatewayUnderTest gateway = StartAll("ALL:READ", 5); // node 6's answer was lost; the gateway never heard of node 6
            gateway.Processor.Tick(3900);
            gateway.ExpectSends("vendor 0xC000 read");

            gateway.Processor.Tick(4100); // 5 answers, all from nodes unknown at the group send
            gateway.ExpectSends("vendor 0xC000 read", "vendor 0xC000 read");
            Assert.AreEqual(1, gateway.Processor.GroupResendsSent);
            gateway.Processor.OnVendorStatus(0x0005 + 6, Reading, 5000);
            Assert.AreEqual("NODE6:DATA:" + Reading, (string)gateway.Notifier.Messages[gateway.Notifier.Messages.Count - 1]);
            Assert.AreEqual(2 + 6, gateway.Notifier.Messages.Count, "own answer, SENT:READ once, each node's answer once");
        }

        [TestMethod]
        public void ThePisNextCommandWaitsUntilTheResendsAnswersAreOver()
        {
            GatewayUnderTest gateway = StartAll("ALL:READ", 5);
            gateway.Processor.Tick(4100); // the resend
            int over = 4100 + GatewayProcessor.GroupResponseWindowMilliseconds(5) + GatewayProcessor.ReaskAfterWindowMilliseconds;
            int before = gateway.Notifier.Messages.Count;

            gateway.Write("ALL:DUTY:50", 4200);
            gateway.Processor.OnVendorStatus(0x0005 + 2, Reading, 5000); // node 2's answer to the resend: not the DUTY's
            gateway.Processor.Tick(over - 100);
            gateway.ExpectSends("vendor 0xC000 read", "vendor 0xC000 read");
            Assert.AreEqual(before, gateway.Notifier.Messages.Count, "nothing for the Pi yet: the DUTY waits, the resend's answer is a second one");
            Assert.AreEqual(1, gateway.Processor.QueuedCommands);

            gateway.Processor.Tick(over);
            Assert.AreEqual(0, gateway.Processor.QueuedCommands);
            gateway.Local.Answer("D:50%,V:12.000V,I:0.00mA,P:0.0mW");
            gateway.ExpectSends("vendor 0xC000 read", "vendor 0xC000 read", "vendor 0xC000 duty:50");
        }

        [TestMethod]
        public void ANodeThatJoinedAMeshTheGatewayKnowsDoesNotSendTheGroupReadAgain()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            for (int node = 1; node <= 5; node++)
            {
                gateway.Processor.KnownNodes.Heard(0x0005 + node, 0x0005, 0);
            }

            gateway.Write("ALL:READ", 0);
            gateway.Local.Answer(Reading);
            for (int node = 1; node <= 6; node++)
            {
                if (node != 3)
                {
                    gateway.Processor.OnVendorStatus(0x0005 + node, Reading, 60 * node); // node 6 is new, node 3's answer was lost
                }
            }

            gateway.Processor.Tick(4100);
            gateway.ExpectSends("vendor 0xC000 read", "vendor 0x0008 read"); // the known node is re-asked; the group is not asked again
            Assert.AreEqual(0, gateway.Processor.GroupResendsSent);
        }

        [TestMethod]
        public void OnlyAReadIsSentToTheGroupAgain()
        {
            GatewayUnderTest gateway = StartAll("ALL:DUTY:50", 26);
            gateway.Processor.Tick(4100);
            gateway.Processor.Tick(20000);

            gateway.ExpectSends("vendor 0xC000 duty:50");
        }

        [TestMethod]
        public void TheResendPutsTheReasksAndTheReplyWindowWhereAGatewayKnowingTheNodesWouldHave()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Processor.KnownNodes.Heard(0x0005 + 60, 0x0005, 0); // known, silent
            Write(gateway, "ALL:READ", 26);
            Assert.AreEqual(GatewayProcessor.AllRepliesWindowMilliseconds(1), (int)gateway.Processor.AllRepliesUntilMilliseconds);

            gateway.Processor.Tick(4100);
            int window = GatewayProcessor.GroupResponseWindowMilliseconds(27);
            Assert.AreEqual(window, gateway.Mesh.LastGroupResponseWindowMilliseconds);
            Assert.AreEqual(GatewayProcessor.AllRepliesWindowMilliseconds(27), (int)gateway.Processor.AllRepliesUntilMilliseconds);
            gateway.Processor.Tick(4100 + window + GatewayProcessor.ReaskAfterWindowMilliseconds - 100);
            Assert.AreEqual(2, gateway.Mesh.Sends.Count, "no re-ask before the second window and its margin are over");
            gateway.Processor.Tick(4100 + window + GatewayProcessor.ReaskAfterWindowMilliseconds + 100);
            gateway.ExpectSends("vendor 0xC000 read", "vendor 0xC000 read", "vendor 0x0041 read");

            gateway.Processor.OnVendorStatus(0x0005 + 40, Reading, GatewayProcessor.AllRepliesWindowMilliseconds(1) + 1000); // later than the first window
            Assert.AreEqual("NODE40:DATA:" + Reading, (string)gateway.Notifier.Messages[gateway.Notifier.Messages.Count - 1]);
        }

        [TestMethod]
        public void ANodeHeardOnlyThroughItsUplinkMessagesIsReaskedWhenItsAnswerIsLost()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Processor.OnNodeHeard(0x0006, 0); // reading reports on the uplink group
            gateway.Processor.OnNodeHeard(0x0007, 0);
            gateway.Processor.OnNodeHeard(0x0005, 0); // its own: not a node to ask
            gateway.Processor.OnNodeHeard(0xC001, 0); // not a node address
            Assert.AreEqual(2, gateway.Processor.KnownNodes.Count);

            Write(gateway, "ALL:READ", 1); // node 1 answers, node 2's answer is lost
            gateway.Processor.Tick(4100);

            gateway.ExpectSends("vendor 0xC000 read", "vendor 0x0007 read");
        }

        /// <summary>A fresh gateway (no node known) with the Pi's <paramref name="command"/> written at 0 and answered by nodes 1 to <paramref name="answers"/>.</summary>
        private static GatewayUnderTest StartAll(string command, int answers)
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            Write(gateway, command, answers);
            return gateway;
        }

        /// <summary>Writes <paramref name="command"/> at 0, answers its local part, then nodes 1 to <paramref name="answers"/> answer within the 2 s window.</summary>
        private static void Write(GatewayUnderTest gateway, string command, int answers)
        {
            gateway.Write(command, 0);
            gateway.Local.Answer(Reading);
            for (int node = 1; node <= answers; node++)
            {
                gateway.Processor.OnVendorStatus(0x0005 + node, Reading, 60 * node);
            }
        }
    }
}
