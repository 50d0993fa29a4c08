using DcMonitor.Shared.Terminal;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>Console line handling (seed protocol §4.15; over-long lines rejected instead of cut).</summary>
    [TestClass]
    public class ConsoleLineAssemblerTests
    {
        [DataRow("read\r")]
        [DataRow("read\n")]
        [DataRow("read\r\n")]
        public void CarriageReturnOrLineFeedEndsALine(string typed)
        {
            ConsoleLineAssembler assembler = new ConsoleLineAssembler();
            int completed = 0;
            for (int i = 0; i < typed.Length; i++)
            {
                if (assembler.Push(typed[i]) == ConsoleLineStatus.Complete)
                {
                    completed++;
                    Assert.AreEqual("read", assembler.Line);
                }
            }

            Assert.AreEqual(1, completed);
        }

        [TestMethod]
        public void EmptyLinesAreIgnored()
        {
            ConsoleLineAssembler assembler = new ConsoleLineAssembler();
            Assert.AreEqual((int)ConsoleLineStatus.Pending, (int)assembler.Push('\r'));
            Assert.AreEqual((int)ConsoleLineStatus.Pending, (int)assembler.Push('\n'));
            Assert.AreEqual((int)ConsoleLineStatus.Pending, (int)assembler.Push('\n'));
        }

        [TestMethod]
        public void SixtyThreeCharactersAreAccepted()
        {
            ConsoleLineAssembler assembler = new ConsoleLineAssembler();
            string line = new string('a', 63);
            ConsoleLineStatus status = Type(assembler, line + "\n");
            Assert.AreEqual((int)ConsoleLineStatus.Complete, (int)status);
            Assert.AreEqual(line, assembler.Line);
        }

        [TestMethod]
        public void LongerLinesAreRejectedWholeAndTheNextLineIsClean()
        {
            ConsoleLineAssembler assembler = new ConsoleLineAssembler();
            Assert.AreEqual((int)ConsoleLineStatus.TooLong, (int)Type(assembler, "duty:5" + new string('0', 58) + "\n"));
            Assert.IsNull(assembler.Line);
            Assert.AreEqual((int)ConsoleLineStatus.Complete, (int)Type(assembler, "s\n"));
            Assert.AreEqual("s", assembler.Line);
        }

        [TestMethod]
        public void BackspaceAndDeleteEraseAndControlCharactersAreIgnored()
        {
            ConsoleLineAssembler assembler = new ConsoleLineAssembler();
            Assert.AreEqual((int)ConsoleLineStatus.Complete, (int)Type(assembler, "reax\bd\u0007\n"));
            Assert.AreEqual("read", assembler.Line);
            Assert.AreEqual((int)ConsoleLineStatus.Complete, (int)Type(assembler, "55\u007f0\n"));
            Assert.AreEqual("50", assembler.Line);
        }

        [TestMethod]
        public void ErasingBackBelowTheLimitAcceptsTheLine()
        {
            ConsoleLineAssembler assembler = new ConsoleLineAssembler();
            Assert.AreEqual((int)ConsoleLineStatus.Complete, (int)Type(assembler, new string('b', 64) + "\b\n"));
            Assert.AreEqual(new string('b', 63), assembler.Line);
        }

        [DataRow(64)]
        [DataRow(76)]
        public void APastedCertificateLineOfUpTo76CharactersIsAccepted(int length)
        {
            ConsoleLineAssembler assembler = new ConsoleLineAssembler();
            assembler.PasteLines = true;
            string line = new string('M', length);
            Assert.AreEqual((int)ConsoleLineStatus.Complete, (int)Type(assembler, line + "\n"));
            Assert.AreEqual(line, assembler.Line);
        }

        [TestMethod]
        public void APastedLineLongerThan76IsRejectedAndCommandLinesStayAt63()
        {
            ConsoleLineAssembler assembler = new ConsoleLineAssembler();
            assembler.PasteLines = true;
            Assert.AreEqual((int)ConsoleLineStatus.TooLong, (int)Type(assembler, new string('M', 77) + "\n"));
            assembler.PasteLines = false;
            Assert.AreEqual((int)ConsoleLineStatus.TooLong, (int)Type(assembler, new string('M', 64) + "\n"));
            Assert.AreEqual((int)ConsoleLineStatus.Complete, (int)Type(assembler, "read\n"));
            Assert.AreEqual("read", assembler.Line);
        }

        private static ConsoleLineStatus Type(ConsoleLineAssembler assembler, string text)
        {
            ConsoleLineStatus last = ConsoleLineStatus.Pending;
            for (int i = 0; i < text.Length; i++)
            {
                last = assembler.Push(text[i]);
            }

            return last;
        }
    }
}
