using System;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// Which device UUID sits at which unicast address, as the bridge learns it from identity messages and keeps it on flash
    /// (issue "MQTT uplink"): unicast addresses and 16-byte UUIDs only, a UUID seen at a new address moves there, at most
    /// <see cref="NodeIdentityTable.Capacity"/> nodes, and the 8-byte flash records (address little-endian, the six identity bytes).
    /// </summary>
    [TestClass]
    public class NodeIdentityTableTests
    {
        [DataRow(0x0000)]
        [DataRow(0x8000)]
        [DataRow(0xC000)]
        [DataRow(-1)]
        public void OnlyUnicastAddressesAreLearned(int address)
        {
            NodeIdentityTable table = new NodeIdentityTable();
            Assert.ThrowsException(typeof(ArgumentException), delegate { table.Learn(address, Uuid(1)); });
            Assert.AreEqual(0, table.Count);
        }

        [TestMethod]
        public void OnlySixteenByteUuidsAreLearned()
        {
            NodeIdentityTable table = new NodeIdentityTable();
            Assert.ThrowsException(typeof(ArgumentException), delegate { table.Learn(0x0005, null); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { table.Learn(0x0005, new byte[15]); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { table.Learn(0x0005, new byte[17]); });
            Assert.IsTrue(table.Learn(0x7FFF, Uuid(1)), "the highest unicast address");
            Assert.IsTrue(table.Learn(0x0001, Uuid(2)), "the lowest");
        }

        [TestMethod]
        public void UnknownAddressesAndUuidsAreNullAndZero()
        {
            NodeIdentityTable table = new NodeIdentityTable();
            Assert.IsNull(table.UuidOf(0x0005));
            Assert.AreEqual(0, table.AddressOf(Uuid(1)));
            Assert.AreEqual(0, table.AddressOf(null));
            Assert.AreEqual(0, table.Addresses().Length);
            Assert.AreEqual(0, table.ToBytes().Length);
        }

        [TestMethod]
        public void ANewUuidAtAKnownAddressReplacesTheOldOne()
        {
            NodeIdentityTable table = new NodeIdentityTable();
            table.Learn(0x0005, Uuid(1));
            Assert.IsTrue(table.Learn(0x0005, Uuid(2)), "another device was provisioned at the address");
            Assert.AreEqual(1, table.Count);
            Assert.AreEqual(0, table.AddressOf(Uuid(1)));
            Assert.AreEqual(0x0005, table.AddressOf(Uuid(2)));
        }

        [TestMethod]
        public void AtCapacityNewNodesStayUnnamedButKnownOnesStillMove()
        {
            NodeIdentityTable table = new NodeIdentityTable();
            for (int i = 0; i < NodeIdentityTable.Capacity; i++)
            {
                Assert.IsTrue(table.Learn(0x0100 + i, Uuid(i)), "node " + i.ToString());
            }

            Assert.AreEqual(NodeIdentityTable.Capacity, table.Count);
            Assert.IsFalse(table.Learn(0x0005, Uuid(1000)), "full");
            Assert.IsNull(table.UuidOf(0x0005));
            Assert.IsTrue(table.Learn(0x0100, Uuid(1001)), "a known address may get a new UUID");
            Assert.IsTrue(table.Learn(0x0006, Uuid(5)), "a known UUID may move to a new address");
            Assert.AreEqual(0x0006, table.AddressOf(Uuid(5)));
            Assert.IsNull(table.UuidOf(0x0105));
            Assert.AreEqual(NodeIdentityTable.Capacity, table.Count);
        }

        [TestMethod]
        public void TheFlashRecordIsTheAddressThenTheIdentityBytes()
        {
            NodeIdentityTable table = new NodeIdentityTable();
            byte[] uuid = UplinkMessages.UuidOf(new byte[] { 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5 }, 6);
            table.Learn(0x0102, uuid);
            byte[] bytes = table.ToBytes();
            byte[] expected = new byte[] { 0x02, 0x01, 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5 };
            Assert.AreEqual(expected.Length, bytes.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], bytes[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void EveryEntryRoundTripsThroughFlash()
        {
            NodeIdentityTable table = new NodeIdentityTable();
            for (int i = 0; i < 40; i++)
            {
                table.Learn(0x0005 + (i * 3), Uuid(i));
            }

            NodeIdentityTable copy = NodeIdentityTable.Parse(table.ToBytes());
            Assert.AreEqual(40, copy.Count);
            int[] addresses = copy.Addresses();
            Assert.AreEqual(40, addresses.Length);
            for (int i = 0; i < 40; i++)
            {
                Assert.AreEqual(0x0005 + (i * 3), copy.AddressOf(Uuid(i)), "node " + i.ToString());
            }
        }

        [TestMethod]
        public void RecordsThatAreNotAUnicastAddressAreSkipped()
        {
            byte[] bytes = new byte[]
            {
                0x00, 0x00, 1, 1, 1, 1, 1, 1,
                0x09, 0x00, 2, 2, 2, 2, 2, 2,
                0x00, 0x80, 3, 3, 3, 3, 3, 3,
                0xFF, 0xFF, 4, 4, 4, 4, 4, 4,
            };
            NodeIdentityTable table = NodeIdentityTable.Parse(bytes);
            Assert.AreEqual(1, table.Count);
            Assert.AreEqual(0x0009, table.AddressOf(UplinkMessages.UuidOf(new byte[] { 2, 2, 2, 2, 2, 2 }, 6)));
            Assert.AreEqual(0, NodeIdentityTable.Parse(new byte[0]).Count);
        }

        [DataRow(1)]
        [DataRow(7)]
        [DataRow(9)]
        [DataRow(15)]
        public void ATornFileIsRefused(int length)
        {
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeIdentityTable.Parse(new byte[length]); });
        }

        [TestMethod]
        public void NoFileIsRefused()
        {
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeIdentityTable.Parse(null); });
        }

        [TestMethod]
        public void TheSameUuidInTwoRecordsEndsAtTheLaterAddress()
        {
            byte[] bytes = new byte[] { 0x05, 0x00, 7, 7, 7, 7, 7, 7, 0x06, 0x00, 7, 7, 7, 7, 7, 7 };
            NodeIdentityTable table = NodeIdentityTable.Parse(bytes);
            Assert.AreEqual(1, table.Count);
            Assert.AreEqual(0x0006, table.AddressOf(UplinkMessages.UuidOf(new byte[] { 7, 7, 7, 7, 7, 7 }, 6)));
        }

        /// <summary>A UUID of our nodes' shape (DD DD, six address bytes, zeros), distinct per <paramref name="n"/>.</summary>
        private static byte[] Uuid(int n)
        {
            return UplinkMessages.UuidOf(new byte[] { 0x24, 0x6F, 0x28, (byte)(n >> 16), (byte)(n >> 8), (byte)n }, 6);
        }
    }
}
