using DcMonitor.Shared.Terminal;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>A certificate pasted into the console: explicit end, abort, size limit, idle timeout, and no line swallowed that is not PEM.</summary>
    [TestClass]
    public class PemPasteTests
    {
        [TestMethod]
        public void ACertificateEndsAtItsEndLine()
        {
            var paste = new PemPaste();
            paste.Begin(0);
            Assert.AreEqual(PemPasteStatus.Continues, paste.Offer(PemPaste.BeginLine, 10));
            Assert.AreEqual(PemPasteStatus.Continues, paste.Offer("MIIBszCCAVmgAwIBAgIU+/9=", 20));
            Assert.AreEqual(PemPasteStatus.Continues, paste.Offer(string.Empty, 30));
            Assert.AreEqual(PemPasteStatus.Complete, paste.Offer(PemPaste.EndLine + " ", 40));
            Assert.AreEqual(PemPaste.BeginLine + "\nMIIBszCCAVmgAwIBAgIU+/9=\n" + PemPaste.EndLine + "\n", paste.Text);
            Assert.IsFalse(paste.Active);
        }

        [TestMethod]
        public void AbortDropsThePaste()
        {
            var paste = new PemPaste();
            paste.Begin(0);
            paste.Offer(PemPaste.BeginLine, 1);
            Assert.AreEqual(PemPasteStatus.Aborted, paste.Offer(" ABORT", 2));
            Assert.IsFalse(paste.Active);
            Assert.AreEqual(string.Empty, paste.Text);
        }

        [TestMethod]
        public void ALineThatCannotBePemEndsThePaste()
        {
            var paste = new PemPaste();
            paste.Begin(0);
            paste.Offer(PemPaste.BeginLine, 1);
            Assert.AreEqual(PemPasteStatus.NotPem, paste.Offer("duty:50", 2));
            Assert.IsFalse(paste.Active);

            paste.Begin(0);
            Assert.AreEqual(PemPasteStatus.NotPem, paste.Offer("read", 1), "a paste must start with the BEGIN line");
        }

        [TestMethod]
        public void APasteIdleForAMinuteIsAbandoned()
        {
            var paste = new PemPaste();
            paste.Begin(1000);
            Assert.AreEqual(PemPasteStatus.Continues, paste.Offer(PemPaste.BeginLine, 1000 + PemPaste.IdleTimeoutMilliseconds));
            Assert.AreEqual(PemPasteStatus.TimedOut, paste.Offer("QUJD", 1001 + (2 * PemPaste.IdleTimeoutMilliseconds)));
            Assert.IsFalse(paste.Active);
        }

        [TestMethod]
        public void APastePastTheLimitIsDropped()
        {
            var paste = new PemPaste();
            paste.Begin(0);
            paste.Offer(PemPaste.BeginLine, 0);
            string line = new string('Q', 64);
            PemPasteStatus status = PemPasteStatus.Continues;
            int lines = 0;
            while (status == PemPasteStatus.Continues && lines < 1000)
            {
                status = paste.Offer(line, lines);
                lines++;
            }

            Assert.AreEqual(PemPasteStatus.TooLong, status);
            Assert.IsTrue(lines * 65 > PemPaste.MaximumCharacters - 65, "lines accepted before the limit: " + lines);
            Assert.IsFalse(paste.Active);
        }
    }
}
