using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// Commands arriving over MQTT are checked on the bridge before they reach the mesh (issue "MQTT uplink"): the node command
    /// grammar on <c>.../command</c>, a duty number (Home Assistant's slider may send <c>40.0</c>) on <c>.../duty/set</c>, at most
    /// <see cref="MqttCommandParser.MaximumPayloadBytes"/> printable ASCII bytes; anything else is answered with the documented error
    /// and no command.
    /// </summary>
    [TestClass]
    public class MqttCommandParserTests
    {
        // kind: NodeCommandKind as a number (0 Stop, 1 Ramp, 2 SetDuty, 3 Read)
        [DataRow("read", 3, 0)]
        [DataRow("status", 3, 0)]
        [DataRow("s", 0, 0)]
        [DataRow("stop", 0, 0)]
        [DataRow("r", 1, 0)]
        [DataRow("ramp", 1, 0)]
        [DataRow("duty:0", 2, 0)]
        [DataRow("duty:100", 2, 100)]
        [DataRow("duty:+7", 2, 7)]
        [DataRow("duty: 7", 2, 7)]
        [DataRow("55", 2, 55)]
        [DataRow("0", 2, 0)]
        public void CommandsOfTheNodeGrammarPass(string text, int kind, int duty)
        {
            string error;
            NodeCommand command = MqttCommandParser.ParseCommand(Ascii(text), out error);
            Assert.IsNull(error);
            Assert.IsNotNull(command);
            Assert.AreEqual(kind, (int)command.Kind);
            Assert.AreEqual(duty, command.DutyPercent);
        }

        [DataRow("duty:101", "ERROR:DUTY_OUT_OF_RANGE:101")]
        [DataRow("duty:-1", "ERROR:DUTY_OUT_OF_RANGE:-1")]
        [DataRow("duty:99999999999", "ERROR:DUTY_OUT_OF_RANGE:99999999999")]
        [DataRow("101", "ERROR:DUTY_OUT_OF_RANGE:101")]
        [DataRow("-5", "ERROR:DUTY_OUT_OF_RANGE:-5")]
        [DataRow("duty:abc", "ERROR:INVALID_DUTY:duty:abc")]
        [DataRow("duty:", "ERROR:INVALID_DUTY:duty:")]
        [DataRow("duty:50%", "ERROR:INVALID_DUTY:duty:50%")]
        [DataRow("READ", "ERROR:UNKNOWN_COMMAND:READ")]
        [DataRow("read ", "ERROR:UNKNOWN_COMMAND:read ")]
        [DataRow("ALL:read", "ERROR:UNKNOWN_COMMAND:ALL:read")]
        public void CommandsOutsideTheGrammarOrRangeAreRefused(string text, string expected)
        {
            string error;
            Assert.IsNull(MqttCommandParser.ParseCommand(Ascii(text), out error));
            Assert.AreEqual(expected, error);
        }

        [DataRow("40", 40)]
        [DataRow("40.0", 40)]
        [DataRow("40.000", 40)]
        [DataRow("0", 0)]
        [DataRow("0.0", 0)]
        [DataRow("100", 100)]
        [DataRow("100.00", 100)]
        [DataRow("+5", 5)]
        [DataRow("007", 7)]
        public void DutyNumbersPass(string text, int duty)
        {
            string error;
            NodeCommand command = MqttCommandParser.ParseDuty(Ascii(text), out error);
            Assert.IsNull(error);
            Assert.AreEqual(NodeCommandKind.SetDuty, command.Kind);
            Assert.AreEqual(duty, command.DutyPercent);
            Assert.AreEqual("duty:" + duty.ToString(), command.Text, "the mesh gets the node grammar, not Home Assistant's number");
        }

        [DataRow("40.5", "ERROR:INVALID_DUTY:40.5")]
        [DataRow("40.", "ERROR:INVALID_DUTY:40.")]
        [DataRow(".0", "ERROR:INVALID_DUTY:.0")]
        [DataRow("4e1", "ERROR:INVALID_DUTY:4e1")]
        [DataRow("duty:40", "ERROR:INVALID_DUTY:duty:40")]
        [DataRow("read", "ERROR:INVALID_DUTY:read")]
        [DataRow("1.0.0", "ERROR:INVALID_DUTY:1.0.0")]
        [DataRow("101", "ERROR:DUTY_OUT_OF_RANGE:101")]
        [DataRow("100.0", "")]
        [DataRow("-1", "ERROR:DUTY_OUT_OF_RANGE:-1")]
        [DataRow("-1.00", "ERROR:DUTY_OUT_OF_RANGE:-1")]
        public void DutyNumbersThatAreNotWholePercentagesAreRefused(string text, string expected)
        {
            string error;
            NodeCommand command = MqttCommandParser.ParseDuty(Ascii(text), out error);
            if (expected.Length == 0)
            {
                Assert.IsNull(error, "a whole number with zero decimals passes");
                Assert.AreEqual(100, command.DutyPercent);
                return;
            }

            Assert.IsNull(command);
            Assert.AreEqual(expected, error);
        }

        [TestMethod]
        public void ThirtyTwoBytesPassAndThirtyThreeAreTooLarge()
        {
            string error;
            string longest = "duty:" + new string('0', MqttCommandParser.MaximumPayloadBytes - 6) + "5";
            Assert.AreEqual(32, longest.Length);
            Assert.AreEqual(5, MqttCommandParser.ParseCommand(Ascii(longest), out error).DutyPercent);
            Assert.IsNull(error);
            Assert.IsNull(MqttCommandParser.ParseCommand(Ascii(longest + "0"), out error));
            Assert.AreEqual("ERROR:PAYLOAD_TOO_LARGE:33", error);
            Assert.IsNull(MqttCommandParser.ParseDuty(new byte[1000], out error), "the size is checked before the bytes");
            Assert.AreEqual("ERROR:PAYLOAD_TOO_LARGE:1000", error);
        }

        [TestMethod]
        public void ControlAndNonAsciiBytesAndEmptyPayloadsAreMalformed()
        {
            byte[][] malformed = new byte[][]
            {
                new byte[] { 0x72, 0x65, 0x61, 0x64, 0x0A }, // "read\n"
                new byte[] { 0x35, 0x00 },
                new byte[] { 0x35, 0x7F },                   // DEL
                new byte[] { 0xC3, 0xA9 },                   // UTF-8 é
                new byte[] { 0x09, 0x35 },                   // a tab, though the node grammar allows leading white space
                new byte[0],
                null,
            };
            for (int i = 0; i < malformed.Length; i++)
            {
                string error;
                Assert.IsNull(MqttCommandParser.ParseCommand(malformed[i], out error), "command " + i.ToString());
                Assert.AreEqual("ERROR:MALFORMED", error, "command " + i.ToString());
                Assert.IsNull(MqttCommandParser.ParseDuty(malformed[i], out error), "duty " + i.ToString());
                Assert.AreEqual("ERROR:MALFORMED", error, "duty " + i.ToString());
            }

            string spaceError;
            Assert.AreEqual(7, MqttCommandParser.ParseCommand(Ascii(" 7"), out spaceError).DutyPercent, "a space is printable");
        }

        private static byte[] Ascii(string text)
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
