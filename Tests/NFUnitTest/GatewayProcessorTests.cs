using DcMonitor.Shared.Gateway;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The gateway role against fakes: the sequences of seed protocol §2.8 and the §9 fixes. This node is node 0
    /// (unicast 0x0005); node 1 is 0x0006.
    /// </summary>
    [TestClass]
    public class GatewayProcessorTests
    {
        private const string Reading = "D:50%,V:12.003V,I:250.00mA,P:3000.8mW";

        [TestMethod]
        public void SelfAddressedReadIsAnsweredLocallyWithoutSentOrMesh()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("0:READ", 0);
            Assert.AreEqual("read", gateway.Local.LastText);
            gateway.Local.Answer(Reading);
            gateway.ExpectMessages("NODE0:DATA:" + Reading);
            Assert.AreEqual(0, gateway.Mesh.Sends.Count);
        }

        [TestMethod]
        public void RemoteDutyIsSentThenTheStatusIsForwarded()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:DUTY:50", 0);
            gateway.ExpectSends("vendor 0x0006 duty:50");
            gateway.Processor.OnVendorStatus(0x0006, Reading, 300);
            gateway.ExpectMessages("SENT:DUTY", "NODE1:DATA:" + Reading);
            Assert.AreEqual(0, gateway.Processor.OutstandingSends);
        }

        [TestMethod]
        public void AllRunsLocallyFirstThenOneGroupSendThenSent()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("ALL:READ", 0);
            Assert.AreEqual(0, gateway.Mesh.Sends.Count, "nothing on the mesh before the local reply");
            gateway.Local.Answer(Reading);
            gateway.ExpectSends("vendor 0xC000 read");
            gateway.Processor.OnVendorStatus(0x0007, Reading, 400);
            gateway.Processor.OnVendorStatus(0x0006, Reading, 450);
            gateway.ExpectMessages("NODE0:DATA:" + Reading, "SENT:READ", "NODE2:DATA:" + Reading, "NODE1:DATA:" + Reading);
            Assert.AreEqual(2, gateway.Processor.KnownNodes.Count);
        }

        [TestMethod]
        public void ACommandWrittenDuringTheLocalPartWaitsItsTurn()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("ALL:READ", 0);
            gateway.Write("1:READ", 10);
            Assert.AreEqual(0, gateway.Mesh.Sends.Count);
            gateway.Local.Answer(Reading);
            gateway.ExpectSends("vendor 0xC000 read", "vendor 0x0006 read");
            gateway.ExpectMessages("NODE0:DATA:" + Reading, "SENT:READ", "SENT:READ");
        }

        [TestMethod]
        public void ARampNeverStallsTheGatewayAndAllRampReachesTheGroupAtOnce()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("ALL:RAMP", 0);
            Assert.AreEqual("r", gateway.Local.LastText);
            gateway.ExpectSends("vendor 0xC000 r");
            gateway.Write("1:READ", 10);
            gateway.ExpectSends("vendor 0xC000 r", "vendor 0x0006 read");
            gateway.Local.Answer("D:0%,V:12.000V,I:0.00mA,P:0.0mW");
            gateway.ExpectMessages("SENT:RAMP", "SENT:READ", "NODE0:DATA:D:0%,V:12.000V,I:0.00mA,P:0.0mW");
        }

        [TestMethod]
        public void ANodeThatDoesNotAnswerTimesOut()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("7:READ", 0);
            gateway.Processor.OnVendorTimeout(0x000C, 5000);
            gateway.ExpectMessages("SENT:READ", "ERROR:MESH_TIMEOUT");
        }

        [TestMethod]
        public void AGroupTimeoutIsIgnored()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Processor.OnVendorTimeout(0xC000, 5000);
            gateway.ExpectMessages();
        }

        [TestMethod]
        public void ASendTheStackRefusesIsAnErrorNotSent()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Mesh.Accept = false;
            gateway.Write("1:READ", 0);
            gateway.ExpectMessages("ERROR:MESH_SEND_FAIL");
            Assert.AreEqual(0, gateway.Processor.OutstandingSends);
        }

        [TestMethod]
        public void AFailedSendReportedLaterFreesTheDestination()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:READ", 0);
            gateway.Processor.OnVendorSendFailed(0x0006, 50);
            gateway.ExpectMessages("SENT:READ", "ERROR:MESH_SEND_FAIL");
            Assert.AreEqual(0, gateway.Processor.OutstandingSends);
        }

        [TestMethod]
        public void OneSendPerDestinationTheNextWaitsForTheStatus()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:DUTY:10", 0);
            gateway.Write("1:DUTY:20", 5);
            gateway.ExpectSends("vendor 0x0006 duty:10");
            Assert.AreEqual(1, gateway.Processor.QueuedCommands);
            gateway.Processor.OnVendorStatus(0x0006, "D:10%,V:12.000V,I:25.00mA,P:300.0mW", 200);
            gateway.ExpectSends("vendor 0x0006 duty:10", "vendor 0x0006 duty:20");
        }

        [TestMethod]
        public void ASendWithNoOutcomeIsClearedInsteadOfStickingForever()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:READ", 0);
            gateway.Processor.Tick(GatewayProcessor.StuckSendMilliseconds);
            Assert.AreEqual(1, gateway.Processor.OutstandingSends);
            gateway.Processor.Tick(GatewayProcessor.StuckSendMilliseconds + 1);
            Assert.AreEqual(0, gateway.Processor.OutstandingSends);
            gateway.ExpectMessages("SENT:READ", "ERROR:MESH_TIMEOUT");
        }

        [TestMethod]
        public void MonitorPollsEverySecondSilentlyThroughTimeoutsAndStopsOnTheNextCommand()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:MONITOR", 0);
            gateway.Processor.Tick(100);
            gateway.ExpectSends("vendor 0x0006 read");
            gateway.Processor.OnVendorStatus(0x0006, Reading, 300);
            gateway.Processor.Tick(600);
            gateway.ExpectSends("vendor 0x0006 read");
            gateway.Processor.Tick(1100);
            gateway.ExpectSends("vendor 0x0006 read", "vendor 0x0006 read");
            gateway.Processor.OnVendorTimeout(0x0006, 6100);
            gateway.Processor.Tick(6200);
            gateway.ExpectSends("vendor 0x0006 read", "vendor 0x0006 read", "vendor 0x0006 read");
            gateway.Processor.OnVendorStatus(0x0006, Reading, 6300);
            gateway.ExpectMessages("SENT:MONITOR", "NODE1:DATA:" + Reading, "NODE1:DATA:" + Reading);

            gateway.Write("1:BOGUS", 6400);
            Assert.AreEqual(-1, gateway.Processor.MonitorTarget);
        }

        [TestMethod]
        public void MonitoringItselfWorksLocally()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("0:MONITOR", 0);
            gateway.Processor.Tick(100);
            Assert.AreEqual("read", gateway.Local.LastText);
            gateway.Local.Answer(Reading);
            gateway.ExpectMessages("SENT:MONITOR", "NODE0:DATA:" + Reading);
            Assert.AreEqual(0, gateway.Mesh.Sends.Count);
        }

        [TestMethod]
        public void AllMonitorTargetsTheFirstKnownNode()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Processor.OnVendorStatus(0x0008, Reading, 0);
            gateway.Write("ALL:MONITOR", 10);
            Assert.AreEqual(0x0008, gateway.Processor.MonitorTarget);
        }

        [TestMethod]
        public void WithoutTheVendorClientOnlyStopOffAndOnUseTheOnOffFallback()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(false);
            gateway.Write("1:MONITOR", 0);
            gateway.Write("1:READ", 10);
            gateway.Write("1:STOP", 20);
            gateway.Write("1:ON", 30);
            gateway.ExpectSends("onoff 0x0006 0", "onoff 0x0006 1");
            gateway.Processor.OnOnOffStatus(0x0006, true, 100);
            gateway.Processor.OnOnOffTimeout(0x0007, 2100);
            gateway.ExpectMessages("ERROR:NOT_READY", "ERROR:NOT_READY", "SENT:OFF(fallback)", "SENT:ON(fallback)", "NODE1:ACK:1", "TIMEOUT:0x0007");
        }

        [TestMethod]
        public void FallbackAllIncludesThisNodeAndSpacesTheSets()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(false);
            gateway.Processor.OnVendorStatus(0x0006, Reading, 0);
            gateway.Processor.OnVendorStatus(0x0007, Reading, 0);
            gateway.Notifier.Messages.Clear();
            gateway.Write("ALL:OFF", 100);
            Assert.AreEqual("s", gateway.Local.LastText);
            gateway.Local.Answer("D:0%,V:12.000V,I:0.00mA,P:0.0mW");
            gateway.ExpectSends("onoff 0x0006 0");
            gateway.Processor.Tick(250);
            gateway.ExpectSends("onoff 0x0006 0");
            gateway.Processor.Tick(300);
            gateway.ExpectSends("onoff 0x0006 0", "onoff 0x0007 0");
            gateway.ExpectMessages("NODE0:DATA:D:0%,V:12.000V,I:0.00mA,P:0.0mW", "SENT:OFF(fallback)");
        }

        [TestMethod]
        public void StatusesFromNonNodesAndFromItselfAreNotReported()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Processor.OnVendorStatus(0x0001, Reading, 0);
            gateway.Processor.OnVendorStatus(0x0005, Reading, 0);
            gateway.ExpectMessages();
            Assert.AreEqual(0, gateway.Processor.KnownNodes.Count);
        }

        [TestMethod]
        public void AReplyTooLongToForwardIsReportedNotDropped()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:READ", 0);
            gateway.Processor.OnVendorStatus(0x0006, "ERR:UNKNOWN:" + new string('x', 110), 10);
            gateway.ExpectMessages("SENT:READ", "ERROR:REPLY_TOO_LONG:1");
        }

        [TestMethod]
        public void BadCommandsGetTheirErrors()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("", 0);
            gateway.Write("250:READ", 0);
            gateway.Write("abc:READ", 0);
            gateway.Write("1", 0);
            gateway.Write("1:FOO", 0);
            gateway.Write("1:DUTY:x", 0);
            gateway.ExpectMessages("ERROR:NO_NODE_ID", "ERROR:INVALID_NODE", "ERROR:INVALID_NODE", "ERROR:NO_COMMAND", "ERROR:UNKNOWN_CMD:FOO", "ERROR:INVALID_VALUE:x");
            Assert.AreEqual(0, gateway.Mesh.Sends.Count);
        }

        [TestMethod]
        public void TooManyWaitingCommandsAreRefused()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("0:READ", 0); // holds the queue until answered
            for (int i = 0; i < GatewayProcessor.MaximumQueuedCommands; i++)
            {
                gateway.Write("0:READ", 1);
            }

            gateway.Write("0:READ", 2);
            gateway.ExpectMessages("ERROR:BUSY");
        }

        [TestMethod]
        public void BindingTheVendorClientIsAnnounced()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(false);
            gateway.Processor.OnVendorClientBound();
            gateway.ExpectMessages("MESH_READY:VENDOR");
        }

        [TestMethod]
        public void AMonitorPollThatOutlivesItsMonitorEndsInSilence()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:MONITOR", 0);
            gateway.Processor.Tick(100);
            gateway.ExpectSends("vendor 0x0006 read");
            gateway.Write("2:READ", 200); // stops monitoring while the poll is in flight
            gateway.Processor.OnVendorTimeout(0x0006, 5100);
            gateway.Processor.OnVendorStatus(0x0006, Reading, 5200); // and a late answer to it
            gateway.Processor.OnVendorStatus(0x0007, Reading, 5300);
            gateway.ExpectMessages("SENT:MONITOR", "SENT:READ", "NODE2:DATA:" + Reading);
        }

        [TestMethod]
        public void AReadPollingTheMonitoredNodeIsStillAnswered()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:MONITOR", 0);
            gateway.Processor.Tick(100);
            gateway.Write("1:READ", 200); // waits for the poll's outcome, then goes out on its own
            gateway.Processor.OnVendorTimeout(0x0006, 5100);
            gateway.Processor.OnVendorTimeout(0x0006, 10200);
            gateway.ExpectSends("vendor 0x0006 read", "vendor 0x0006 read");
            gateway.ExpectMessages("SENT:MONITOR", "SENT:READ", GatewayReplies.MeshTimeout);
        }

        [TestMethod]
        public void ANodeAnsweringOneAllTwiceIsForwardedOnce()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("ALL:READ", 0);
            gateway.Local.Answer(Reading);
            gateway.Processor.OnVendorStatus(0x0006, Reading, 400); // binary answer
            gateway.Processor.OnVendorStatus(0x0006, Reading, 450); // the same node's answer to the text copy
            gateway.Processor.OnVendorStatus(0x0007, Reading, 500);
            gateway.ExpectMessages("NODE0:DATA:" + Reading, "SENT:READ", "NODE1:DATA:" + Reading, "NODE2:DATA:" + Reading);

            gateway.Write("ALL:READ", 1000); // the next ALL takes every node's answer again
            gateway.Local.Answer(Reading);
            gateway.Processor.OnVendorStatus(0x0006, Reading, 1400);
            Assert.AreEqual("NODE1:DATA:" + Reading, (string)gateway.Notifier.Messages[gateway.Notifier.Messages.Count - 1]);
        }

        [TestMethod]
        public void AnAnswerAfterItsTimeoutIsNotASecondReply()
        {
            GatewayUnderTest gateway = new GatewayUnderTest(true);
            gateway.Write("1:READ", 0);
            gateway.Processor.OnVendorTimeout(0x0006, 5000);
            gateway.Processor.OnVendorStatus(0x0006, Reading, 5300);
            gateway.ExpectMessages("SENT:READ", GatewayReplies.MeshTimeout);
            Assert.AreEqual(1, gateway.Processor.KnownNodes.Count, "the node is known all the same");
        }
    }
}
