using DcMonitor.Shared.Gateway;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The Pi's command grammar (seed protocol §2.2–§2.4) with seed §9 B1–B4 and B22 fixed.</summary>
    [TestClass]
    public class GatewayCommandParserTests
    {
        [DataRow("0:READ", 0, "read")]
        [DataRow("1:STATUS", 1, "read")]
        [DataRow("3:DUTY:50", 3, "duty:50")]
        [DataRow("3:DUTY:150", 3, "duty:100")]
        [DataRow("3:DUTY:-5", 3, "duty:0")]
        [DataRow("9:RAMP", 9, "r")]
        [DataRow("9:ON", 9, "r")]
        [DataRow("2:STOP", 2, "s")]
        [DataRow("2:OFF", 2, "s")]
        [DataRow("1:duty:50", 1, "duty:50")]
        [DataRow("63:read", 63, "read")]
        [DataRow("64:READ", 64, "read")]
        [DataRow("249:READ", 249, "read")]
        [DataRow("07:Read", 7, "read")]
        [DataRow("1::READ", 1, "read")]
        [DataRow(":1:READ", 1, "read")]
        [DataRow("1:READ:extra:ignored", 1, "read")]
        [DataRow("1:READ\n", 1, "read")]
        [DataRow(" 1:READ \r\n", 1, "read")]
        public void UnicastCommandsMapToNodeCommandText(string command, int nodeId, string nodeText)
        {
            GatewayCommand parsed = GatewayCommandParser.Parse(Bytes(command), command.Length);
            Assert.IsNull(parsed.Error);
            Assert.IsFalse(parsed.IsAll);
            Assert.AreEqual(nodeId, parsed.NodeId);
            Assert.AreEqual(nodeText, parsed.NodeCommandText);
        }

        [DataRow("ALL:READ")]
        [DataRow("all:READ")]
        [DataRow("All:read")]
        public void AllInAnyCase(string command)
        {
            GatewayCommand parsed = GatewayCommandParser.Parse(command);
            Assert.IsNull(parsed.Error);
            Assert.IsTrue(parsed.IsAll);
            Assert.AreEqual("read", parsed.NodeCommandText);
        }

        [TestMethod]
        public void TheWordIsKeptAsReceivedForSent()
        {
            GatewayCommand parsed = GatewayCommandParser.Parse("1:duty:50");
            Assert.AreEqual("duty", parsed.Word);
            Assert.AreEqual(50, parsed.DutyPercent);
            Assert.AreEqual((int)GatewayAction.Duty, (int)parsed.Action);
        }

        [TestMethod]
        public void MonitorHasNoNodeText()
        {
            GatewayCommand parsed = GatewayCommandParser.Parse("4:MONITOR");
            Assert.IsNull(parsed.Error);
            Assert.AreEqual((int)GatewayAction.Monitor, (int)parsed.Action);
            Assert.IsNull(parsed.NodeCommandText);
        }

        [DataRow("", "ERROR:NO_NODE_ID")]
        [DataRow(":", "ERROR:NO_NODE_ID")]
        [DataRow(":::", "ERROR:NO_NODE_ID")]
        [DataRow("   ", "ERROR:NO_NODE_ID")]
        [DataRow("abc:READ", "ERROR:INVALID_NODE")]
        [DataRow("1x:READ", "ERROR:INVALID_NODE")]
        [DataRow("-1:READ", "ERROR:INVALID_NODE")]
        [DataRow("+1:READ", "ERROR:INVALID_NODE")]
        [DataRow("250:READ", "ERROR:INVALID_NODE")]
        [DataRow("255:READ", "ERROR:INVALID_NODE")]
        [DataRow("999:READ", "ERROR:INVALID_NODE")]
        [DataRow("1000:READ", "ERROR:INVALID_NODE")]
        [DataRow("ALLX:READ", "ERROR:INVALID_NODE")]
        [DataRow("abc", "ERROR:INVALID_NODE")]
        [DataRow("1", "ERROR:NO_COMMAND")]
        [DataRow("ALL:", "ERROR:NO_COMMAND")]
        [DataRow("1:FOO", "ERROR:UNKNOWN_CMD:FOO")]
        [DataRow("1:Reed", "ERROR:UNKNOWN_CMD:Reed")]
        [DataRow("1:DUTY", "ERROR:NO_VALUE")]
        [DataRow("1:DUTY:x", "ERROR:INVALID_VALUE:x")]
        [DataRow("1:DUTY:5 0", "ERROR:INVALID_VALUE:5 0")]
        [DataRow("1:DUTY:12.5", "ERROR:INVALID_VALUE:12.5")]
        public void RejectedCommandsGetTheDocumentedError(string command, string error)
        {
            Assert.AreEqual(error, GatewayCommandParser.Parse(Bytes(command), command.Length).Error);
        }

        [TestMethod]
        public void SixtyFourBytesAreAcceptedAndSixtyFiveAreNot()
        {
            string longest = "1:READ:" + new string('x', 57);
            Assert.AreEqual(64, longest.Length);
            Assert.IsNull(GatewayCommandParser.Parse(Bytes(longest), 64).Error);
            string tooLong = longest + "x";
            Assert.AreEqual("ERROR:COMMAND_TOO_LONG", GatewayCommandParser.Parse(Bytes(tooLong), 65).Error);
        }

        [TestMethod]
        public void NonAsciiBytesAreRejected()
        {
            byte[] invalidUtf8 = new byte[] { (byte)'1', (byte)':', 0xFF, 0xFE };
            Assert.AreEqual("ERROR:INVALID_TEXT", GatewayCommandParser.Parse(invalidUtf8, invalidUtf8.Length).Error);
            byte[] embeddedNewline = Bytes("1:RE\nAD");
            Assert.AreEqual("ERROR:INVALID_TEXT", GatewayCommandParser.Parse(embeddedNewline, embeddedNewline.Length).Error);
            byte[] nul = new byte[] { (byte)'1', 0, (byte)':' };
            Assert.AreEqual("ERROR:INVALID_TEXT", GatewayCommandParser.Parse(nul, nul.Length).Error);
        }

        [TestMethod]
        public void OnlyTheGivenLengthIsRead()
        {
            byte[] buffer = Bytes("1:READgarbage");
            GatewayCommand parsed = GatewayCommandParser.Parse(buffer, 6);
            Assert.IsNull(parsed.Error);
            Assert.AreEqual("READ", parsed.Word);
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
    }
}
