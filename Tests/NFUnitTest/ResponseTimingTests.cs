using System;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Mesh;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// Responses timed like a real mesh (issue 15 part 2): the response delay to a group request is 20–500 ms (Mesh Profile
    /// §3.7.3.1), spread over that whole range, the same sequence for a seed and a different one for another node; held replies
    /// come out in due order, only when due, with their payload copied; a full table refuses (the caller then replies at once);
    /// the gateway's ALL window follows its documented formula and bound.
    /// </summary>
    [TestClass]
    public class ResponseTimingTests
    {
        [TestMethod]
        public void DelaysStayWithin20And500MillisecondsAndSpreadOverTheRange()
        {
            ResponseDelay delay = new ResponseDelay(0x0005);
            int[] buckets = new int[5]; // 20-115, 116-211, 212-307, 308-403, 404-500 ms
            int minimum = int.MaxValue;
            int maximum = int.MinValue;
            for (int i = 0; i < 2000; i++)
            {
                int value = delay.NextMilliseconds();
                Assert.IsTrue(value >= ResponseDelay.MinimumMilliseconds && value <= ResponseDelay.MaximumMilliseconds, value.ToString());
                minimum = value < minimum ? value : minimum;
                maximum = value > maximum ? value : maximum;
                buckets[(value - 20) * 5 / 481]++;
            }

            Assert.IsTrue(minimum < 30, "shortest " + minimum.ToString());
            Assert.IsTrue(maximum > 490, "longest " + maximum.ToString());
            for (int bucket = 0; bucket < buckets.Length; bucket++)
            {
                Assert.IsTrue(buckets[bucket] > 300 && buckets[bucket] < 500, "fifth " + bucket.ToString() + ": " + buckets[bucket].ToString() + " of 2000");
            }
        }

        [TestMethod]
        public void AWiderWindowSpreadsTheDelaysOverItAnd500IsTheStandardDraw()
        {
            ResponseDelay wide = new ResponseDelay(0x0005);
            ResponseDelay standard = new ResponseDelay(0x0005);
            ResponseDelay explicitStandard = new ResponseDelay(0x0005);
            int beyond = 0;
            for (int i = 0; i < 1000; i++)
            {
                int value = wide.NextMilliseconds(6300);
                Assert.IsTrue(value >= ResponseDelay.MinimumMilliseconds && value <= 6300, value.ToString());
                beyond += value > ResponseDelay.MaximumMilliseconds ? 1 : 0;
                Assert.AreEqual(standard.NextMilliseconds(), explicitStandard.NextMilliseconds(ResponseDelay.MaximumMilliseconds));
            }

            Assert.IsTrue(beyond > 850, "delays beyond 500 ms: " + beyond.ToString() + " of 1000");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { wide.NextMilliseconds(19); });
        }

        [TestMethod]
        public void ASeedAlwaysDrawsTheSameSequenceAndNeighbouringNodesDiffer()
        {
            ResponseDelay first = new ResponseDelay(0x0006);
            ResponseDelay again = new ResponseDelay(0x0006);
            ResponseDelay neighbour = new ResponseDelay(0x0007);
            int same = 0;
            for (int i = 0; i < 50; i++)
            {
                int value = first.NextMilliseconds();
                Assert.AreEqual(value, again.NextMilliseconds());
                same += value == neighbour.NextMilliseconds() ? 1 : 0;
            }

            Assert.IsTrue(same < 5, "draws equal to the neighbour's: " + same.ToString());
            Assert.IsTrue(new ResponseDelay(0).NextMilliseconds() >= ResponseDelay.MinimumMilliseconds, "seed 0 works too");
        }

        [TestMethod]
        public void HeldRepliesComeOutOnlyWhenDueInDueOrderWithTheirPayload()
        {
            HeldReplies held = new HeldReplies(8);
            byte[] payload = new byte[] { 1, 2, 3 };
            Assert.IsTrue(held.Hold(11, 0xC302E5, payload, 3, 1300));
            payload[0] = 9; // the held copy does not change
            Assert.IsTrue(held.Hold(12, 0xC302E5, payload, 2, 1100));
            Assert.AreEqual(2, held.Count);
            Assert.AreEqual(1100L, held.NextDueAt);
            Assert.AreEqual(-1, held.TakeDue(1099));
            int slot = held.TakeDue(1100);
            Assert.AreEqual(12, held.HandleAt(slot));
            Assert.AreEqual(2, held.LengthAt(slot));
            held.Release(slot);
            Assert.AreEqual(-1, held.TakeDue(1299));
            slot = held.TakeDue(5000);
            Assert.AreEqual(11, held.HandleAt(slot));
            Assert.AreEqual(0xC302E5, held.OpcodeAt(slot));
            Assert.AreEqual((byte)1, held.PayloadAt(slot)[0]);
            held.Release(slot);
            Assert.AreEqual(0, held.Count);
            Assert.AreEqual(long.MaxValue, held.NextDueAt);
        }

        [TestMethod]
        public void AFullTableOrAnOverlongPayloadIsRefusedSoTheCallerRepliesAtOnce()
        {
            HeldReplies held = new HeldReplies(4);
            for (int i = 0; i < HeldReplies.Capacity; i++)
            {
                Assert.IsTrue(held.Hold(i + 1, 1, new byte[1], 1, 100));
            }

            Assert.IsFalse(held.Hold(99, 1, new byte[1], 1, 100));
            Assert.IsFalse(new HeldReplies(4).Hold(1, 1, new byte[5], 5, 100));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { held.Hold(1, 1, new byte[1], 2, 100); });
        }

        [TestMethod]
        public void TheResponseWindowGrowsWithTheKnownNodesFromTwoSeconds()
        {
            Assert.AreEqual(2000, GatewayProcessor.GroupResponseWindowMilliseconds(0));
            Assert.AreEqual(2000, GatewayProcessor.GroupResponseWindowMilliseconds(5));
            Assert.AreEqual(2000, GatewayProcessor.GroupResponseWindowMilliseconds(20));
            Assert.AreEqual(2100, GatewayProcessor.GroupResponseWindowMilliseconds(21));
            Assert.AreEqual(6300, GatewayProcessor.GroupResponseWindowMilliseconds(63));
            Assert.AreEqual(20000, GatewayProcessor.GroupResponseWindowMilliseconds(200));
            Assert.AreEqual(25500, GatewayProcessor.GroupResponseWindowMilliseconds(1000), "at most what the binary SEND carries");
        }

        [TestMethod]
        public void TheAllWindowGrowsWithTheKnownNodesUpToItsBound()
        {
            Assert.AreEqual(30000, GatewayProcessor.AllRepliesWindowMilliseconds(0));
            Assert.AreEqual(32400, GatewayProcessor.AllRepliesWindowMilliseconds(16));
            Assert.AreEqual(45000, GatewayProcessor.AllRepliesWindowMilliseconds(100));
            Assert.AreEqual(59850, GatewayProcessor.AllRepliesWindowMilliseconds(199));
            Assert.AreEqual(60000, GatewayProcessor.AllRepliesWindowMilliseconds(200));
            Assert.AreEqual(60000, GatewayProcessor.AllRepliesWindowMilliseconds(100000));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { GatewayProcessor.AllRepliesWindowMilliseconds(-1); });
        }
    }
}
