using System;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The bridge's store-and-forward queue at its edges (issue "MQTT uplink"): capacities below one refused, readings in flight
    /// never dropped (not by a full queue, not by a resize), empty and negative batches, acknowledgements checked, the version
    /// that tells the bridge to save, and the flash bytes' header and refusals.
    /// </summary>
    [TestClass]
    public class ReadingQueueTests
    {
        [DataRow(0)]
        [DataRow(-1)]
        public void ACapacityBelowOneIsRefused(int capacity)
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { new ReadingQueue(capacity); });
            ReadingQueue queue = new ReadingQueue(3);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { queue.Resize(capacity); });
            Assert.AreEqual(3, queue.Capacity);
        }

        [TestMethod]
        public void WhenTheWholeQueueIsInFlightTheNewReadingIsTheOneDropped()
        {
            ReadingQueue queue = Queue(2, 2);
            Assert.AreEqual(2, queue.TakeBatch(5).Length);
            queue.Enqueue(Reading(2));
            Assert.AreEqual(1, queue.Dropped);
            Assert.AreEqual(2, queue.Count);
            queue.Acknowledge(2);
            Assert.AreEqual(0, queue.Count, "the dropped reading was never queued");
            Assert.AreEqual(0, queue.InFlight);
        }

        [TestMethod]
        public void ShrinkingDropsTheOldestWaitingReadingsButNoneInFlight()
        {
            ReadingQueue queue = Queue(6, 6);
            queue.TakeBatch(2); // 0 and 1 in flight
            int version = queue.Version;
            queue.Resize(3);
            Assert.AreNotEqual(version, queue.Version);
            Assert.AreEqual(3, queue.Count);
            Assert.AreEqual(3, queue.Dropped, "2, 3 and 4 made way");
            queue.Requeue();
            UplinkReading[] left = queue.TakeBatch(10);
            Assert.AreEqual(0, left[0].Sequence);
            Assert.AreEqual(1, left[1].Sequence);
            Assert.AreEqual(5, left[2].Sequence);

            queue.Resize(1);
            Assert.AreEqual(3, queue.Count, "everything is in flight: nothing is dropped, the queue stays over its capacity");
            queue.Acknowledge(3);
            queue.Resize(4);
            Assert.AreEqual(3, queue.Dropped, "growing drops nothing");
        }

        [TestMethod]
        public void EmptyAndNegativeBatchesTakeNothing()
        {
            ReadingQueue queue = Queue(4, 2);
            Assert.AreEqual(0, queue.TakeBatch(0).Length);
            Assert.AreEqual(0, queue.InFlight);
            Assert.AreEqual(0, queue.TakeBatch(-3).Length);
            Assert.AreEqual(0, queue.InFlight);
            Assert.AreEqual(2, queue.TakeBatch(2).Length, "an empty batch leaves nothing in flight");
            Assert.AreEqual(0, new ReadingQueue(1).TakeBatch(1).Length, "an empty queue");
        }

        [TestMethod]
        public void AcknowledgementsAreCheckedAndRequeueKeepsTheOrder()
        {
            ReadingQueue queue = Queue(5, 3);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { queue.Acknowledge(1); }, "nothing in flight");
            queue.TakeBatch(3);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { queue.Acknowledge(-1); });
            int version = queue.Version;
            queue.Acknowledge(0);
            Assert.AreEqual(version, queue.Version, "acknowledging nothing changes nothing");
            Assert.AreEqual(3, queue.InFlight);
            queue.Acknowledge(1);
            Assert.AreNotEqual(version, queue.Version);
            Assert.AreEqual(2, queue.InFlight);
            queue.Enqueue(Reading(3));
            queue.Requeue();
            Assert.AreEqual(0, queue.InFlight);
            UplinkReading[] batch = queue.TakeBatch(10);
            Assert.AreEqual(3, batch.Length);
            Assert.AreEqual(1, batch[0].Sequence);
            Assert.AreEqual(2, batch[1].Sequence);
            Assert.AreEqual(3, batch[2].Sequence, "a reading queued while the batch was out comes after it");
        }

        [TestMethod]
        public void TheFlashHeaderIsMagicCapacityAndDropCount()
        {
            ReadingQueue queue = new ReadingQueue(300);
            byte[] empty = queue.Serialize();
            Assert.AreEqual(12, empty.Length);
            Assert.AreEqual((byte)'D', empty[0]);
            Assert.AreEqual((byte)'M', empty[1]);
            Assert.AreEqual((byte)'Q', empty[2]);
            Assert.AreEqual((byte)'2', empty[3], "format 2: readings carry the current in µA");
            Assert.AreEqual(300u, LittleEndian.Read32(empty, 4));
            Assert.AreEqual(0u, LittleEndian.Read32(empty, 8));

            ReadingQueue full = Queue(2, 5);
            byte[] bytes = full.Serialize();
            Assert.AreEqual(12 + (2 * UplinkReading.EncodedLength), bytes.Length);
            Assert.AreEqual(3u, LittleEndian.Read32(bytes, 8));
            ReadingQueue copy = ReadingQueue.Parse(bytes, 2);
            Assert.AreEqual(3, copy.Dropped, "the drop count survives a reboot");
            Assert.AreEqual(0, copy.InFlight);
            Assert.AreEqual(3, copy.TakeBatch(1)[0].Sequence);
        }

        [TestMethod]
        public void AFormatOneQueueFileOfOlderFirmwareIsStillRead()
        {
            // "DMQ1", capacity 4, 1 dropped, then one reading of format 1: 0x0005, sequence 9, 12000 mV, -3 mA, 40 %, 777 mWh.
            byte[] bytes = new byte[] { 0x44, 0x4D, 0x51, 0x31, 4, 0, 0, 0, 1, 0, 0, 0, 0x05, 0x00, 0x09, 0x00, 0xE0, 0x2E, 0xFD, 0xFF, 40, 0, 0x09, 0x03, 0, 0, 0, 0 };
            ReadingQueue queue = ReadingQueue.Parse(bytes, 4);
            Assert.AreEqual(1, queue.Dropped);
            UplinkReading reading = queue.TakeBatch(1)[0];
            Assert.AreEqual(0x0005, reading.Address);
            Assert.AreEqual(9, reading.Sequence);
            Assert.AreEqual(12000, reading.BusMillivolts);
            Assert.AreEqual(-3000, reading.CurrentMicroamps, "whole mA of format 1, in µA");
            Assert.AreEqual(40, reading.DutyPercent);
            Assert.AreEqual(777u, reading.EnergyMilliwattHours);
            Assert.AreEqual((byte)'2', queue.Serialize()[3], "saved again as format 2");
        }

        [TestMethod]
        public void BytesThatAreNotAQueueAreRefused()
        {
            byte[] bytes = Queue(4, 2).Serialize();
            Assert.ThrowsException(typeof(ArgumentException), delegate { ReadingQueue.Parse(null, 4); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { ReadingQueue.Parse(new byte[11], 4); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { ReadingQueue.Parse(new byte[12], 4); }, "no magic");
            byte[] wrongMagic = (byte[])bytes.Clone();
            wrongMagic[3] = (byte)'3';
            Assert.ThrowsException(typeof(ArgumentException), delegate { ReadingQueue.Parse(wrongMagic, 4); });
            byte[] badReading = (byte[])bytes.Clone();
            badReading[12 + 6] = 101; // the first reading's duty
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { ReadingQueue.Parse(badReading, 4); }, "a damaged reading names its field");
            Assert.AreEqual(2, ReadingQueue.Parse(bytes, 4).Count);
        }

        [TestMethod]
        public void ABatchTakenIntoAReusedArrayIsTheSameAsANewOne()
        {
            ReadingQueue queue = Queue(8, 5);
            UplinkReading[] batch = new UplinkReading[3];
            Assert.AreEqual(3, queue.TakeBatch(batch));
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual(i, batch[i].Sequence);
            }

            Assert.AreEqual(3, queue.InFlight);
            Assert.AreEqual(0, queue.TakeBatch(batch), "one batch at a time");
            queue.Acknowledge(3);
            Assert.AreEqual(2, queue.TakeBatch(batch), "the rest, fewer than the array holds");
            Assert.AreEqual(3, batch[0].Sequence);
            Assert.AreEqual(4, batch[1].Sequence);
        }

        private static UplinkReading Reading(int sequence)
        {
            return new UplinkReading(0x0005, sequence, 12000, 0, 0, 0);
        }

        private static ReadingQueue Queue(int capacity, int readings)
        {
            ReadingQueue queue = new ReadingQueue(capacity);
            for (int i = 0; i < readings; i++)
            {
                queue.Enqueue(Reading(i));
            }

            return queue;
        }
    }
}
