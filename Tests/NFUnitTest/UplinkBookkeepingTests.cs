using System;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The fixed tables and reused buffers that keep the uplink's device links allocation-free (issue 16): the bridge's per-node
    /// table (<see cref="HeardNodeTable"/>), the cached state topics (<see cref="StateTopicCache"/>), the acknowledged packet ids
    /// (<see cref="AcknowledgedPacketIds"/>), a candidate's readings for a takeover (<see cref="ShadowReadings"/>), the heartbeat and energy report written into the caller's bytes, and the queue's
    /// save bytes (<see cref="ReadingQueue.SerializeIntoReused"/>). Each gives what the allocating form it replaced gave.
    /// </summary>
    [TestClass]
    public class UplinkBookkeepingTests
    {
        private static readonly int NodeSix = NodeAddressing.UnicastOf(6);
        private static readonly int NodeSeven = NodeAddressing.UnicastOf(7);

        [TestMethod]
        public void HeardNodesFallSilentOnceAndComeBack()
        {
            HeardNodeTable table = new HeardNodeTable();
            Assert.AreEqual(0, table.HeardCount);
            Assert.IsFalse(table.IsOnline(NodeSix), "never heard");
            Assert.IsFalse(table.Heard(NodeSix, 1000), "first report: it was not offline");
            Assert.IsFalse(table.Heard(NodeSeven, 5000));
            Assert.IsFalse(table.Heard(NodeSix, 6000), "a second report counts the node once");
            Assert.AreEqual(2, table.HeardCount);
            Assert.IsTrue(table.IsOnline(NodeSix));
            Assert.AreEqual(0, table.NextFallenSilent(0, 20000, 15000), "nobody silent for more than 15 s at 20 s");
            Assert.AreEqual(NodeSeven, table.NextFallenSilent(0, 20001, 15000), "node 7 last heard at 5 s, node 6 at 6 s");
            Assert.IsTrue(table.IsOnline(NodeSix));
            Assert.IsFalse(table.IsOnline(NodeSeven));
            Assert.AreEqual(0, table.NextFallenSilent(0, 21000, 15000), "node 7 is declared once; node 6 silent for exactly 15 s");
            Assert.AreEqual(NodeSix, table.NextFallenSilent(0, 21001, 15000));
            Assert.AreEqual(0, table.NextFallenSilent(NodeAddressing.NodeIdOf(NodeSix) + 1, 21001, 15000), "the scan goes on after node 6: nobody left");
            Assert.AreEqual(0, table.NextFallenSilent(0, 40000, 15000), "each node is declared offline once");
            Assert.IsTrue(table.Heard(NodeSix, 41000), "back: the caller announces it online");
            Assert.IsTrue(table.IsOnline(NodeSix));
            Assert.AreEqual(2, table.HeardCount);
        }

        [TestMethod]
        public void HeardNodesKeepEnergyAndIdentityRequestTimes()
        {
            HeardNodeTable table = new HeardNodeTable();
            uint energy;
            Assert.IsFalse(table.TryGetEnergy(NodeSix, out energy));
            Assert.AreEqual(0u, energy);
            table.SetEnergy(NodeSix, 4000000000);
            Assert.IsTrue(table.TryGetEnergy(NodeSix, out energy));
            Assert.AreEqual(4000000000u, energy);
            Assert.IsFalse(table.TryGetEnergy(NodeSeven, out energy), "another node's counter is its own");
            Assert.IsTrue(table.TryMarkIdentityAsked(NodeSix, 1000, 10000), "never asked");
            Assert.IsFalse(table.TryMarkIdentityAsked(NodeSix, 10999, 10000), "asked 9.999 s ago");
            Assert.IsTrue(table.TryMarkIdentityAsked(NodeSix, 11000, 10000), "asked 10 s ago");
            Assert.IsTrue(table.TryMarkIdentityAsked(NodeSeven, 11000, 10000), "each node has its own time");
        }

        [TestMethod]
        public void AnAddressThatIsNotANodesIsNotTracked()
        {
            HeardNodeTable table = new HeardNodeTable();
            Assert.IsFalse(HeardNodeTable.IsTracked(NodeAddressing.ProvisionerAddress));
            Assert.IsFalse(HeardNodeTable.IsTracked(0x0100), "past node id 249");
            Assert.IsTrue(HeardNodeTable.IsTracked(NodeAddressing.UnicastOf(NodeAddressing.MaximumNodes - 1)));
            Assert.IsFalse(table.Heard(0x0100, 1000));
            Assert.AreEqual(0, table.HeardCount);
            table.SetEnergy(0x0100, 5);
            uint energy;
            Assert.IsFalse(table.TryGetEnergy(0x0100, out energy));
            Assert.IsFalse(table.TryMarkIdentityAsked(0x0100, 1000, 10000), "no row to hold the time: not asked");
        }

        [TestMethod]
        public void AGapInANodesSequenceNumbersIsCountedAsMissedOnTheMesh()
        {
            HeardNodeTable table = new HeardNodeTable();
            int node = NodeAddressing.UnicastOf(1);
            Assert.AreEqual(0, table.RecordSequence(node, 30), "the first reading heard: nothing known before it");
            Assert.AreEqual(0, table.RecordSequence(node, 31));
            Assert.AreEqual(2, table.RecordSequence(node, 34), "32 and 33 never came");
            Assert.AreEqual(0, table.RecordSequence(node, 34), "a repeat");
            Assert.AreEqual(0, table.RecordSequence(node, 33), "a late copy is not recorded");
            Assert.AreEqual(0, table.RecordSequence(node, 35), "the late copy did not move the highest back");
            Assert.AreEqual(2, table.MissedTotal);

            int other = NodeAddressing.UnicastOf(2);
            table.RecordSequence(other, 0xFFFE);
            Assert.AreEqual(1, table.RecordSequence(other, 0), "the sequence wraps at 65 536: 0xFFFF never came");
            Assert.AreEqual(999, table.RecordSequence(other, 1000), "a long silence is a long gap");
            Assert.AreEqual(1002, table.MissedTotal);
            Assert.AreEqual(0, table.RecordSequence(other, 1000 - HeardNodeTable.LateCopyWindow - 1), "further behind than a late copy: the node numbers from the start again");
            Assert.AreEqual(0, table.RecordSequence(other, 1000 - HeardNodeTable.LateCopyWindow));
            Assert.AreEqual(1002, table.MissedTotal);
            Assert.AreEqual(0, table.RecordSequence(NodeAddressing.ProvisionerAddress, 7), "not a node address");
        }

        [TestMethod]
        public void ASequenceOutsideSixteenBitsIsRefused()
        {
            HeardNodeTable table = new HeardNodeTable();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { table.RecordSequence(NodeAddressing.UnicastOf(1), 0x10000); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { table.RecordSequence(NodeAddressing.UnicastOf(1), -1); });
        }

        [TestMethod]
        public void StateTopicsAreBuiltOncePerNodeAndPrefix()
        {
            StateTopicCache cache = new StateTopicCache();
            Assert.IsNull(cache.Lookup("dcmonitor", NodeSix));
            string topic = "dcmonitor/node_000B/state";
            cache.Store("dcmonitor", NodeSix, topic);
            Assert.AreEqual(1, cache.Count);
            Assert.IsTrue(object.ReferenceEquals(topic, cache.Lookup("dcmonitor", NodeSix)), "the same string, not a new one");
            cache.Forget(NodeSix);
            Assert.IsNull(cache.Lookup("dcmonitor", NodeSix), "named anew: built again");
            Assert.AreEqual(0, cache.Count);
            cache.Store("dcmonitor", NodeSix, topic);
            Assert.IsNull(cache.Lookup("site/dc", NodeSix), "another prefix empties the cache");
            Assert.AreEqual(0, cache.Count);
            cache.Store("dcmonitor", NodeSix, topic);
            Assert.IsNull(cache.Lookup("site/dc", NodeSix), "a topic of the old prefix is not kept");
            cache.Store("site/dc", 0x0100, "site/dc/node_0100/state");
            Assert.IsNull(cache.Lookup("site/dc", 0x0100), "not a node's address: never cached");
        }

        [TestMethod]
        public void AcknowledgedPacketIdsHoldTheLastCapacityIds()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { new AcknowledgedPacketIds(0); });
            AcknowledgedPacketIds ids = new AcknowledgedPacketIds(3);
            Assert.IsFalse(ids.Contains(1));
            ids.Add(1);
            ids.Add(65535);
            Assert.IsTrue(ids.Contains(1));
            Assert.IsTrue(ids.Contains(65535));
            Assert.IsFalse(ids.Contains(2));
            ids.Add(2);
            ids.Add(3);
            Assert.AreEqual(3, ids.Count);
            Assert.IsFalse(ids.Contains(1), "the oldest gave way");
            Assert.IsTrue(ids.Contains(3));
            ids.Clear();
            Assert.AreEqual(0, ids.Count);
            Assert.IsFalse(ids.Contains(3), "a new batch starts empty");
        }

        [TestMethod]
        public void HeartbeatAndEnergyReportWrittenInPlaceMatchTheirArrays()
        {
            byte[] heartbeat = new byte[] { 0xFF, 0xFF };
            UplinkMessages.WriteHeartbeat(true, heartbeat);
            AssertSame(UplinkMessages.Heartbeat(true), heartbeat);
            UplinkMessages.WriteHeartbeat(false, heartbeat);
            AssertSame(UplinkMessages.Heartbeat(false), heartbeat);
            byte[] energy = new byte[UplinkMessages.EnergyReportLength];
            UplinkMessages.WriteEnergyReport(0x0102, 0xA1B2C3D4, energy);
            AssertSame(UplinkMessages.EnergyReport(0x0102, 0xA1B2C3D4), energy);
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.WriteHeartbeat(true, new byte[1]); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.WriteEnergyReport(1, 1, new byte[5]); });
        }

        [TestMethod]
        public void TheReusedQueueBytesMatchSerializeAndKeepTheirArrayWhileTheLengthStays()
        {
            ReadingQueue queue = new ReadingQueue(8);
            queue.Enqueue(new UplinkReading(NodeSix, 1, 12000, 250000, 50, 1234u, true));
            byte[] first = queue.SerializeIntoReused();
            AssertSame(queue.Serialize(), first);
            queue.Enqueue(new UplinkReading(NodeSeven, 2, 12500, -1000, 0, 0u, false));
            byte[] second = queue.SerializeIntoReused();
            AssertSame(queue.Serialize(), second);
            Assert.IsFalse(object.ReferenceEquals(first, second), "longer: a new array");
            queue.TakeBatch(new UplinkReading[1]);
            queue.Acknowledge(1);
            queue.Enqueue(new UplinkReading(NodeSix, 3, 11000, 5000, 100, 1300u, true));
            byte[] third = queue.SerializeIntoReused();
            Assert.IsTrue(object.ReferenceEquals(second, third), "same length: the same array");
            AssertSame(queue.Serialize(), third);
        }

        [TestMethod]
        public void ShadowReadingsKeepTheWindowAndTheCapacityOldestFirst()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { new ShadowReadings(0); });
            ShadowReadings shadow = new ShadowReadings(3);
            UplinkReading[] readings = new UplinkReading[5];
            for (int i = 0; i < readings.Length; i++)
            {
                readings[i] = new UplinkReading(NodeSix, i, 12000, 250000, 50, 0u, false);
            }

            shadow.Keep(readings[0], 1000, 20000);
            shadow.Keep(readings[1], 2000, 20000);
            shadow.Keep(readings[2], 3000, 20000);
            shadow.Keep(readings[3], 4000, 20000);
            Assert.AreEqual(3, shadow.Count, "full: the oldest gave way");
            shadow.Keep(readings[4], 23500, 20000);
            Assert.AreEqual(2, shadow.Count, "readings 1 and 2 heard more than 20 s before reading 4");
            ReadingQueue queue = new ReadingQueue(8);
            Assert.AreEqual(2, shadow.MoveTo(queue));
            Assert.AreEqual(0, shadow.Count);
            UplinkReading[] batch = new UplinkReading[4];
            Assert.AreEqual(2, queue.TakeBatch(batch));
            Assert.AreEqual(3, batch[0].Sequence, "oldest first");
            Assert.AreEqual(4, batch[1].Sequence);
            Assert.AreEqual(0, shadow.MoveTo(queue), "nothing kept twice");
        }

        private static void AssertSame(byte[] expected, byte[] actual)
        {
            Assert.AreEqual(expected.Length, actual.Length, "length");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], "byte " + i.ToString());
            }
        }
    }
}
