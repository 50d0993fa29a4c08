using DcMonitor.Shared.Commands;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>Every row of seed protocol §2.5, in its order, plus the §9 B3 improvement (no atoi).</summary>
    [TestClass]
    public class NodeCommandParserTests
    {
        [DataRow("s")]
        [DataRow("stop")]
        public void StopWords(string text)
        {
            Assert.AreEqual((int)NodeCommandKind.Stop, (int)NodeCommandParser.Parse(text).Kind);
        }

        [DataRow("r")]
        [DataRow("ramp")]
        public void RampWords(string text)
        {
            Assert.AreEqual((int)NodeCommandKind.Ramp, (int)NodeCommandParser.Parse(text).Kind);
        }

        [DataRow("duty:50", 50)]
        [DataRow("duty:0", 0)]
        [DataRow("duty:100", 100)]
        [DataRow("duty:150", 100)]
        [DataRow("duty:-5", 0)]
        [DataRow("duty:+80", 80)]
        [DataRow("duty: 7", 7)]
        [DataRow("duty:99999999999", 100)]
        public void DutyPrefixSetsTheClampedDuty(string text, int expected)
        {
            NodeCommand command = NodeCommandParser.Parse(text);
            Assert.AreEqual((int)NodeCommandKind.SetDuty, (int)command.Kind);
            Assert.AreEqual(expected, command.DutyPercent);
            Assert.IsTrue(command.ChangesDuty);
        }

        [DataRow("duty:abc", "abc")]
        [DataRow("duty:", "")]
        [DataRow("duty:5 0", "5 0")]
        [DataRow("duty:50%", "50%")]
        [DataRow("duty:1.5", "1.5")]
        [DataRow("duty:-", "-")]
        public void DutyWithANonIntegerIsRejectedNotReadAsZero(string text, string value)
        {
            NodeCommand command = NodeCommandParser.Parse(text);
            Assert.AreEqual((int)NodeCommandKind.InvalidDutyValue, (int)command.Kind);
            Assert.AreEqual(value, command.Text);
            Assert.IsFalse(command.ChangesDuty);
        }

        [DataRow("read")]
        [DataRow("status")]
        public void ReadWords(string text)
        {
            NodeCommand command = NodeCommandParser.Parse(text);
            Assert.AreEqual((int)NodeCommandKind.Read, (int)command.Kind);
            Assert.IsFalse(command.ChangesDuty);
        }

        [DataRow("50", 50)]
        [DataRow(" 7", 7)]
        [DataRow("\t7", 7)]
        [DataRow("-5", 0)]
        [DataRow("+80", 80)]
        [DataRow("0", 0)]
        [DataRow("100", 100)]
        [DataRow("250", 100)]
        public void BareIntegersSetTheDuty(string text, int expected)
        {
            NodeCommand command = NodeCommandParser.Parse(text);
            Assert.AreEqual((int)NodeCommandKind.SetDuty, (int)command.Kind);
            Assert.AreEqual(expected, command.DutyPercent);
        }

        [DataRow("")]
        [DataRow("READ")]
        [DataRow("Stop")]
        [DataRow("s ")]
        [DataRow(" read")]
        [DataRow("50x")]
        [DataRow("7 ")]
        [DataRow("+")]
        [DataRow("DUTY:50")]
        [DataRow("hello world")]
        public void AnythingElseIsUnknownAndKeepsItsText(string text)
        {
            NodeCommand command = NodeCommandParser.Parse(text);
            Assert.AreEqual((int)NodeCommandKind.Unknown, (int)command.Kind);
            Assert.AreEqual(text, command.Text);
            Assert.IsFalse(command.ChangesDuty);
        }

        [TestMethod]
        public void NullIsTreatedAsEmpty()
        {
            NodeCommand command = NodeCommandParser.Parse(null);
            Assert.AreEqual((int)NodeCommandKind.Unknown, (int)command.Kind);
            Assert.AreEqual(string.Empty, command.Text);
        }

        [DataRow("s")]
        [DataRow("stop")]
        [DataRow("ramp")]
        [DataRow("read")]
        [DataRow("status")]
        [DataRow("duty:50")]
        [DataRow("duty:150")]
        [DataRow("duty:-5")]
        [DataRow("duty:abc")]
        [DataRow("75")]
        [DataRow("DUTY:50")]
        [DataRow("")]
        public void ClassifyGivesParsesKindAndDutyWithoutACommand(string text)
        {
            int dutyPercent;
            NodeCommandKind kind = NodeCommandParser.Classify(text, out dutyPercent);
            NodeCommand command = NodeCommandParser.Parse(text);
            Assert.AreEqual((int)command.Kind, (int)kind);
            Assert.AreEqual(command.DutyPercent, dutyPercent);
            Assert.AreEqual(command.ChangesDuty, NodeCommand.KindChangesDuty(kind));
        }
    }
}
