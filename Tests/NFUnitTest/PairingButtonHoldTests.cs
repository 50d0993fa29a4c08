using System;
using DcMonitor.Shared.Gatt;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The BOOT button held for 1 s in the 10 s after boot opens the GATT pairing window (docs/security.md).</summary>
    [TestClass]
    public class PairingButtonHoldTests
    {
        [TestMethod]
        public void AOneSecondHoldIsSeenInElevenSamples()
        {
            PairingButtonHold hold = new PairingButtonHold();
            for (int t = 0; t < PairingButtonHold.HoldMilliseconds; t += PairingButtonHold.SampleIntervalMilliseconds)
            {
                Assert.IsTrue(hold.Sample(true, 2000 + t));
                Assert.IsFalse(hold.Held);
            }

            Assert.IsFalse(hold.Sample(true, 2000 + PairingButtonHold.HoldMilliseconds));
            Assert.IsTrue(hold.Held);
            Assert.IsTrue(hold.Finished);
        }

        [TestMethod]
        public void AReleaseRestartsTheHold()
        {
            PairingButtonHold hold = new PairingButtonHold();
            hold.Sample(true, 0);
            hold.Sample(true, 900);
            hold.Sample(false, 950); // a bounce or a short press
            hold.Sample(true, 1000);
            Assert.IsTrue(hold.Sample(true, 1900));
            Assert.IsFalse(hold.Held);
            hold.Sample(true, 2000);
            Assert.IsTrue(hold.Held);
        }

        [TestMethod]
        public void TheWatchEndsWithTheButtonUpAfterTenSeconds()
        {
            PairingButtonHold hold = new PairingButtonHold();
            Assert.IsTrue(hold.Sample(false, 0));
            Assert.IsTrue(hold.Sample(false, PairingButtonHold.WatchMilliseconds - 1));
            Assert.IsFalse(hold.Sample(false, PairingButtonHold.WatchMilliseconds));
            Assert.IsTrue(hold.Finished);
            Assert.IsFalse(hold.Held);
            Assert.IsFalse(hold.Sample(true, PairingButtonHold.WatchMilliseconds + 5000)); // nothing counts any more
            Assert.IsFalse(hold.Held);
        }

        [TestMethod]
        public void AHoldBegunInTheWatchMayEndAfterItButNoneMayBeginLater()
        {
            PairingButtonHold late = new PairingButtonHold();
            late.Sample(true, 9900);
            Assert.IsTrue(late.Sample(true, 10500));
            late.Sample(true, 10900);
            Assert.IsTrue(late.Held);

            PairingButtonHold tooLate = new PairingButtonHold();
            tooLate.Sample(false, 9900);
            Assert.IsFalse(tooLate.Sample(true, 10100));
            Assert.IsFalse(tooLate.Held);
        }

        [TestMethod]
        public void SamplesOutOfTimeOrderAreRefused()
        {
            PairingButtonHold hold = new PairingButtonHold();
            hold.Sample(false, 500);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { hold.Sample(false, 400); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { new PairingButtonHold().Sample(false, -1); });
        }
    }
}
