using DcMonitor.Shared.Gateway;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The DC02 messages of seed protocol §2.6, byte for byte, and the rules new ones follow.</summary>
    [TestClass]
    public class GatewayRepliesTests
    {
        [TestMethod]
        public void SeedStrings()
        {
            Assert.AreEqual("ERROR:NO_NODE_ID", GatewayReplies.NoNodeId);
            Assert.AreEqual("ERROR:INVALID_NODE", GatewayReplies.InvalidNode);
            Assert.AreEqual("ERROR:NO_COMMAND", GatewayReplies.NoCommand);
            Assert.AreEqual("ERROR:NOT_READY", GatewayReplies.NotReady);
            Assert.AreEqual("ERROR:MESH_SEND_FAIL", GatewayReplies.MeshSendFail);
            Assert.AreEqual("ERROR:MESH_TIMEOUT", GatewayReplies.MeshTimeout);
            Assert.AreEqual("SENT:MONITOR", GatewayReplies.SentMonitor);
            Assert.AreEqual("SENT:ON(fallback)", GatewayReplies.SentOnFallback);
            Assert.AreEqual("SENT:OFF(fallback)", GatewayReplies.SentOffFallback);
            Assert.AreEqual("MESH_READY:VENDOR", GatewayReplies.MeshReadyVendor);
            Assert.AreEqual("GATEWAY_CONNECTED", GatewayReplies.GatewayConnected);
            Assert.AreEqual("NODE_READY", GatewayReplies.NodeReady);
        }

        [TestMethod]
        public void FormattedSeedStrings()
        {
            Assert.AreEqual("NODE1:DATA:D:50%,V:12.003V,I:250.00mA,P:3000.8mW", GatewayReplies.NodeData(1, "D:50%,V:12.003V,I:250.00mA,P:3000.8mW"));
            Assert.AreEqual("NODE63:DATA:ERR:UNKNOWN:x", GatewayReplies.NodeData(63, "ERR:UNKNOWN:x"));
            Assert.AreEqual("SENT:duty", GatewayReplies.Sent("duty"));
            Assert.AreEqual("ERROR:UNKNOWN_CMD:FOO", GatewayReplies.UnknownCommand("FOO"));
            Assert.AreEqual("NODE2:ACK:1", GatewayReplies.OnOffAcknowledged(2, true));
            Assert.AreEqual("NODE2:ONOFF:0", GatewayReplies.OnOffState(2, false));
            Assert.AreEqual("TIMEOUT:0x0006", GatewayReplies.OnOffTimeout(0x0006));
            Assert.AreEqual("TIMEOUT:0x00ab", GatewayReplies.OnOffTimeout(0x00AB));
        }

        [TestMethod]
        public void NewErrorsAreMessagesNotData()
        {
            string[] added =
            {
                GatewayReplies.CommandTooLong, GatewayReplies.InvalidText, GatewayReplies.InvalidValue("x"),
                GatewayReplies.NoValue, GatewayReplies.ReplyTooLong(3),
            };
            foreach (string message in added)
            {
                Assert.StartsWith("ERROR:", message);
                Assert.DoesNotContains(":DATA:", message);
            }

            Assert.AreEqual("ERROR:REPLY_TOO_LONG:3", GatewayReplies.ReplyTooLong(3));
        }

        [TestMethod]
        public void TheOtherMessagesAndTheirHelpers()
        {
            Assert.AreEqual("ERROR:COMMAND_TOO_LONG", GatewayReplies.CommandTooLong);
            Assert.AreEqual("ERROR:INVALID_TEXT", GatewayReplies.InvalidText);
            Assert.AreEqual("ERROR:NO_VALUE", GatewayReplies.NoValue);
            Assert.AreEqual("ERROR:BUSY", GatewayReplies.Busy);
            Assert.AreEqual("ERROR:INVALID_VALUE:abc", GatewayReplies.InvalidValue("abc"));
            Assert.AreEqual("NODE0:ACK:0", GatewayReplies.OnOffAcknowledged(0, false));
            Assert.AreEqual("NODE63:ONOFF:1", GatewayReplies.OnOffState(63, true));
            Assert.AreEqual("TIMEOUT:0xc000", GatewayReplies.OnOffTimeout(0xC000));
            Assert.AreEqual("TIMEOUT:0xffff", GatewayReplies.OnOffTimeout(-1), "only the 16 address bits are shown");
            Assert.AreEqual("TIMEOUT:0x0005", GatewayReplies.OnOffTimeout(0x10005));
            Assert.AreEqual(127, GatewayReplies.MaximumMessageBytes);
        }

        [DataRow(0, true)]
        [DataRow(63, true)]
        [DataRow(249, true)]
        [DataRow(250, false)]
        [DataRow(-1, false)]
        public void OnlyNodeIdsAreReportable(int nodeId, bool reportable)
        {
            Assert.AreEqual(reportable, GatewayReplies.IsReportableNode(nodeId));
        }
    }
}
