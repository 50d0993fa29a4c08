using System;
using DcMonitor.Shared.Provisioning;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The static OOB secret's rules and the <c>oob</c> console lines (docs/security.md "Authenticated provisioning").</summary>
    [TestClass]
    public class StaticOobTests
    {
        [TestMethod]
        public void ParsesOneToSixteenBytesInEitherCase()
        {
            byte[] one = StaticOobValue.Parse("0a");
            Assert.AreEqual(1, one.Length);
            Assert.AreEqual((byte)0x0A, one[0]);
            byte[] sixteen = StaticOobValue.Parse(" 00112233445566778899AaBbCcDdEeFf\n");
            Assert.AreEqual(16, sixteen.Length);
            Assert.AreEqual((byte)0x00, sixteen[0]);
            Assert.AreEqual((byte)0xAA, sixteen[10]);
            Assert.AreEqual((byte)0xFF, sixteen[15]);
        }

        [DataRow("")]
        [DataRow("   ")]
        [DataRow("abc")]
        [DataRow("0g")]
        [DataRow("12 34")]
        [DataRow("0000")]
        [DataRow("00112233445566778899aabbccddeeff00")]
        public void RefusesAnythingElse(string hex)
        {
            Assert.ThrowsException(typeof(ArgumentException), delegate { StaticOobValue.Parse(hex); });
        }

        [TestMethod]
        public void RefusesNothingAtAll()
        {
            Assert.ThrowsException(typeof(ArgumentException), delegate { StaticOobValue.Parse(null); });
        }

        [DataRow("cafe123", "an odd number")]
        [DataRow("cafe1z", "character 6 is not a hex digit")]
        [DataRow("00000000", "only zero bytes")]
        [DataRow("cafecafecafecafecafecafecafecafe12", "too long")]
        public void NamesTheProblemWithoutTheValue(string hex, string problem)
        {
            string message = null;
            try
            {
                StaticOobValue.Parse(hex);
            }
            catch (ArgumentException exception)
            {
                message = exception.Message;
            }

            Assert.IsNotNull(message, "accepted");
            Assert.IsTrue(message.IndexOf(problem) >= 0, message);
            Assert.IsTrue(message.IndexOf("cafe") < 0, message);
        }

        [TestMethod]
        public void ParsesEveryOobLine()
        {
            Assert.AreEqual((int)OobConsoleCommandKind.Status, (int)OobConsoleCommand.Parse("oob").Kind);
            Assert.AreEqual((int)OobConsoleCommandKind.Off, (int)OobConsoleCommand.Parse("oob off").Kind);
            OobConsoleCommand set = OobConsoleCommand.Parse("oob 0102");
            Assert.AreEqual((int)OobConsoleCommandKind.Set, (int)set.Kind);
            Assert.AreEqual(2, set.Value.Length);
            Assert.AreEqual((byte)0x02, set.Value[1]);
        }

        [DataRow("oob 010")]
        [DataRow("oob 01 02")]
        [DataRow("oob  0102")]
        [DataRow("oob on")]
        [DataRow("oob 00")]
        [DataRow("oob off now")]
        public void RefusesBadLinesWithAReasonThatDoesNotRepeatThem(string line)
        {
            OobConsoleCommand command = OobConsoleCommand.Parse(line);
            Assert.AreEqual((int)OobConsoleCommandKind.Invalid, (int)command.Kind);
            Assert.IsTrue(command.Error.Length > 0);
            Assert.IsTrue(command.Error.IndexOf(line.Substring(4).Trim()) < 0 || line.Substring(4).Trim().Length < 3, command.Error);
        }

        [TestMethod]
        public void AcceptsOnlyOobLines()
        {
            Assert.IsTrue(OobConsoleCommand.Accepts("oob"));
            Assert.IsTrue(OobConsoleCommand.Accepts("oob off"));
            Assert.IsFalse(OobConsoleCommand.Accepts("oobs"));
            Assert.IsFalse(OobConsoleCommand.Accepts("read"));
            Assert.IsFalse(OobConsoleCommand.Accepts(null));
        }
    }
}
