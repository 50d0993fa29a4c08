using System;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The bridge's reused state-message arrays: exactly the asked length, reused only after the whole batch was acknowledged,
    /// never while the MQTT client may still hold them, and the same bytes as a new array.
    /// </summary>
    [TestClass]
    public class StatePayloadBuffersTests
    {
        [TestMethod]
        public void AnArrayIsReusedOnlyAfterItsBatchWasReturned()
        {
            StatePayloadBuffers buffers = new StatePayloadBuffers(4);
            byte[] first = buffers.Rent(90);
            byte[] second = buffers.Rent(90);
            Assert.AreEqual(90, first.Length);
            Assert.IsFalse(ReferenceEquals(first, second), "both still rented");

            buffers.ReturnAll();
            Assert.AreEqual(2, buffers.FreeCount);
            byte[] again = buffers.Rent(90);
            Assert.IsTrue(ReferenceEquals(again, first) || ReferenceEquals(again, second), "a returned array is reused");
            Assert.AreEqual(1, buffers.FreeCount, "one free array of that length taken");
            Assert.AreEqual(91, buffers.Rent(91).Length, "another length is a new array");
            Assert.AreEqual(1, buffers.FreeCount);
        }

        [TestMethod]
        public void ArraysTheClientMayStillHoldAreNeverHandedOutAgain()
        {
            StatePayloadBuffers buffers = new StatePayloadBuffers(4);
            byte[] held = buffers.Rent(90);
            buffers.ForgetRented();
            buffers.ReturnAll();
            Assert.AreEqual(0, buffers.FreeCount);
            Assert.IsFalse(ReferenceEquals(held, buffers.Rent(90)));
        }

        [TestMethod]
        public void TheFreeArraysStayWithinTheCapacity()
        {
            StatePayloadBuffers buffers = new StatePayloadBuffers(2);
            for (int length = 80; length < 85; length++)
            {
                buffers.Rent(length);
            }

            buffers.ReturnAll();
            Assert.AreEqual(2, buffers.FreeCount);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { new StatePayloadBuffers(0); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { buffers.Rent(0); });
        }

        [TestMethod]
        public void AStateWrittenIntoAReusedArrayHasTheSameBytesAsANewOne()
        {
            StatePayloadWriter writer = new StatePayloadWriter();
            StatePayloadBuffers buffers = new StatePayloadBuffers(2);
            UplinkReading earlier = new UplinkReading(0x0006, 1234, 12003, 250000, 50, 1234);
            UplinkReading later = new UplinkReading(0x0006, 5678, 11997, 249000, 50, 1299); // same length, other digits
            byte[] expected = writer.Encode(later);
            byte[] earlierBytes = writer.Encode(earlier, buffers);
            buffers.ReturnAll();

            byte[] reused = writer.Encode(later, buffers);
            Assert.IsTrue(ReferenceEquals(earlierBytes, reused), "the earlier state's array is reused");
            Assert.AreEqual(expected.Length, reused.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], reused[i], "byte " + i.ToString());
            }
        }
    }
}
