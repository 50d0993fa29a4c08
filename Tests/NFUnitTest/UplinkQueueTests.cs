using System;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The MQTT bridge's store-and-forward queue (issue "MQTT uplink"): bounded with drop-oldest and a drop count, batches
    /// removed only when acknowledged, the rest requeued in order, and the bytes kept on flash; the reading record.
    /// </summary>
    [TestClass]
    public class UplinkQueueTests
    {
        [TestMethod]
        public void AReadingRoundTripsThroughItsSixteenBytes()
        {
            UplinkReading reading = new UplinkReading(0x0007, 65535, 12001, -1250, 50, 4000000000);
            byte[] bytes = new byte[UplinkReading.EncodedLength + 2];
            reading.Encode(bytes, 2);
            UplinkReading copy = UplinkReading.Decode(bytes, 2);
            Assert.AreEqual(0x0007, copy.Address);
            Assert.AreEqual(65535, copy.Sequence);
            Assert.AreEqual(12001, copy.BusMillivolts);
            Assert.AreEqual(-1250, copy.CurrentMicroamps);
            Assert.AreEqual(50, copy.DutyPercent);
            Assert.AreEqual(4000000000u, copy.EnergyMilliwattHours);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { new UplinkReading(0x0007, 0, 12000, 0, 101, 0); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkReading.Decode(bytes, 3); });
        }

        [TestMethod]
        public void OnlyAcknowledgedReadingsLeaveAndTheRestIsRequeuedInOrder()
        {
            ReadingQueue queue = Queue(5, 4);
            UplinkReading[] batch = queue.TakeBatch(3);
            Assert.AreEqual(3, batch.Length);
            Assert.AreEqual(0, batch[0].Sequence);
            Assert.AreEqual(0, queue.TakeBatch(3).Length, "one batch at a time");
            queue.Acknowledge(2);
            queue.Requeue();
            Assert.AreEqual(2, queue.Count);
            UplinkReading[] next = queue.TakeBatch(10);
            Assert.AreEqual(2, next[0].Sequence);
            Assert.AreEqual(3, next[1].Sequence);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { queue.Acknowledge(3); });
        }

        [TestMethod]
        public void AFullQueueDropsTheOldestWaitingReadingAndCountsIt()
        {
            ReadingQueue queue = Queue(3, 3);
            queue.TakeBatch(1); // sequence 0 in flight
            queue.Enqueue(new UplinkReading(0x0005, 3, 12000, 0, 0, 0));
            Assert.AreEqual(1, queue.Dropped);
            queue.Acknowledge(1);
            UplinkReading[] rest = queue.TakeBatch(10);
            Assert.AreEqual(2, rest.Length);
            Assert.AreEqual(2, rest[0].Sequence, "sequence 1 was the oldest waiting one");
            Assert.AreEqual(3, rest[1].Sequence);

            queue.Enqueue(new UplinkReading(0x0005, 4, 12000, 0, 0, 0));
            queue.Enqueue(new UplinkReading(0x0005, 5, 12000, 0, 0, 0)); // full and the only waiting one goes
            Assert.AreEqual(2, queue.Dropped);
            int version = queue.Version;
            queue.ForgetDropped(1); // one was published; the other was counted meanwhile
            Assert.AreEqual(1, queue.Dropped);
            Assert.AreNotEqual(version, queue.Version, "the drop count is saved with the queue");
            queue.ForgetDropped(5);
            Assert.AreEqual(0, queue.Dropped);
        }

        [TestMethod]
        public void TheFlashBytesRestoreTheQueueAndRefuseATornFile()
        {
            ReadingQueue queue = Queue(10, 4);
            queue.Enqueue(new UplinkReading(0x0006, 9, 24000, 100, 10, 7));
            byte[] bytes = queue.Serialize();
            ReadingQueue copy = ReadingQueue.Parse(bytes, 10);
            Assert.AreEqual(5, copy.Count);
            Assert.AreEqual(9, copy.TakeBatch(10)[4].Sequence);
            ReadingQueue smaller = ReadingQueue.Parse(bytes, 2);
            Assert.AreEqual(2, smaller.Count);
            Assert.AreEqual(3, smaller.Dropped, "the oldest give way and are counted");
            byte[] torn = new byte[bytes.Length - 5];
            Array.Copy(bytes, torn, torn.Length);
            Assert.ThrowsException(typeof(ArgumentException), delegate { ReadingQueue.Parse(torn, 10); });
        }

        [TestMethod]
        public void TheLowestLiveCandidateBridgesAndASilentOneIsReplacedInTime()
        {
            BridgeElection node7 = new BridgeElection(0x0007, true, -BridgeElection.ListenMilliseconds);
            Assert.IsTrue(node7.IsCandidate);
            Assert.IsTrue(node7.IsBridge(0), "alone, it bridges");
            node7.HeardHeartbeat(0x0005, 1000);
            node7.HeardHeartbeat(0x0009, 1000);
            Assert.IsFalse(node7.IsBridge(1000));
            Assert.AreEqual(0x0005, node7.CurrentBridge(1000));
            Assert.IsFalse(node7.IsBridge(1000 + BridgeElection.SilenceTimeoutMilliseconds - 1), "still within three heartbeats");
            Assert.IsTrue(node7.IsBridge(1000 + BridgeElection.SilenceTimeoutMilliseconds), "0x0005 went silent: 0x0007 takes over");
            node7.HeardHeartbeat(0x0005, 20000);
            Assert.IsFalse(node7.IsBridge(20000), "0x0005 is back: one bridge again at its first heartbeat");
            Assert.IsTrue(BridgeElection.TakeoverBoundMilliseconds >= BridgeElection.SilenceTimeoutMilliseconds);
        }

        [TestMethod]
        public void ANewCandidateListensOneHeartbeatBeforeClaimingTheBridge()
        {
            BridgeElection node9 = new BridgeElection(0x0009, true, 1000);
            Assert.IsFalse(node9.IsBridge(1000), "just started: listening");
            Assert.IsFalse(node9.IsBridge(1000 + BridgeElection.ListenMilliseconds - 1));
            Assert.IsTrue(node9.IsBridge(1000 + BridgeElection.ListenMilliseconds), "heard nobody lower: bridges");
            BridgeElection node6 = new BridgeElection(0x0006, true, 1000);
            node6.HeardHeartbeat(0x0005, 1000 + BridgeElection.HeartbeatPeriodMilliseconds);
            Assert.IsFalse(node6.IsBridge(1000 + BridgeElection.ListenMilliseconds), "heard the live bridge 0x0005 while listening");
            Assert.IsFalse(new BridgeElection(0, true, 0).IsCandidate, "an unprovisioned node is no candidate");
        }

        [TestMethod]
        public void ANodeWithoutUplinkNeverBridgesButKnowsWhoDoes()
        {
            BridgeElection node5 = new BridgeElection(0x0005, false, 0);
            Assert.AreEqual(0, node5.CurrentBridge(0));
            node5.HeardHeartbeat(0x0008, 0);
            node5.HeardHeartbeat(0x0005, 0); // its own address: ignored
            node5.HeardHeartbeat(0xC000, 0); // a group: ignored
            Assert.IsFalse(node5.IsBridge(0));
            Assert.AreEqual(0x0008, node5.CurrentBridge(0));
        }

        [TestMethod]
        public void EnergyIsIntegratedWithoutLosingFractionsAndSavedWhenDue()
        {
            EnergyMeter meter = new EnergyMeter();
            meter.Restore(1000, 0);
            meter.Add(1500000, 0); // 1.5 W
            for (int second = 1; second <= 3600; second++)
            {
                meter.Add(1500000, second * 1000L); // an hour at 1.5 W, read every second
            }

            Assert.AreEqual(1000u + 1500u, meter.TotalMilliwattHours);
            Assert.IsTrue(meter.ShouldSave(3600000));
            meter.Saved(3600000);
            Assert.IsFalse(meter.ShouldSave(3600000));

            meter.Add(-2000000, 3601000); // current flowing back counts nothing
            meter.Add(1000, 3602000);
            Assert.AreEqual(2500u, meter.TotalMilliwattHours);
            meter.Add(1000000, 3602000 + EnergyMeter.MaximumGapMilliseconds + 1); // after a gap: not integrated
            Assert.AreEqual(2500u, meter.TotalMilliwattHours);
            Assert.ThrowsException(typeof(ArgumentException), delegate { meter.Add(0, 0); });
        }

        private static ReadingQueue Queue(int capacity, int readings)
        {
            ReadingQueue queue = new ReadingQueue(capacity);
            for (int i = 0; i < readings; i++)
            {
                queue.Enqueue(new UplinkReading(0x0005, i, 12000, 0, 0, 0));
            }

            return queue;
        }
    }
}
