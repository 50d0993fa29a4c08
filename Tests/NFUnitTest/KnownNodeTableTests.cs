using System;
using DcMonitor.Shared.Mesh;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The nodes a gateway has heard from (seed §4.10, ages out instead of the seed's table that only grew, §9 B16): only node
    /// addresses, never itself, first-heard order kept through forgetting, a node heard again stays, a forgotten one comes back
    /// as new at the end, and the age limit is inclusive.
    /// </summary>
    [TestClass]
    public class KnownNodeTableTests
    {
        [DataRow(0x0000)]
        [DataRow(0x0001)]
        [DataRow(0x0004)]
        [DataRow(0x00FF)]
        [DataRow(0x7FFF)]
        [DataRow(0xC000)]
        [DataRow(0xFFFF)]
        [DataRow(-1)]
        public void AddressesOfNoNodeAreNotRecorded(int address)
        {
            KnownNodeTable table = new KnownNodeTable();
            Assert.IsFalse(table.Heard(address, 0x0005, 0));
            Assert.AreEqual(0, table.Count);
            Assert.IsFalse(table.Contains(address));
        }

        [TestMethod]
        public void TheFirstAndLastNodeAddressesAreRecorded()
        {
            KnownNodeTable table = new KnownNodeTable();
            Assert.IsTrue(table.Heard(NodeAddressing.UnicastOf(0), 0x0001, 0));
            Assert.IsTrue(table.Heard(NodeAddressing.UnicastOf(NodeAddressing.MaximumNodes - 1), 0x0001, 0));
            Assert.AreEqual(0x0005, table.AddressAt(0));
            Assert.AreEqual(0x00FE, table.AddressAt(1));
        }

        [TestMethod]
        public void TheAgeLimitIsInclusive()
        {
            KnownNodeTable table = new KnownNodeTable();
            table.Heard(0x0006, 0x0005, 1000);
            Assert.AreEqual(0, table.ForgetSilent(1000 + 45000, 45000), "exactly the limit: kept");
            Assert.AreEqual(1, table.ForgetSilent(1000 + 45001, 45000), "one millisecond more: forgotten");
            Assert.AreEqual(0, table.Count);
            Assert.AreEqual(0, table.ForgetSilent(1000000, 0), "an empty table forgets nothing");
        }

        [TestMethod]
        public void ForgettingKeepsTheFirstHeardOrderOfTheRest()
        {
            KnownNodeTable table = new KnownNodeTable();
            table.Heard(0x0009, 0x0005, 0);
            table.Heard(0x0006, 0x0005, 100);
            table.Heard(0x0008, 0x0005, 0);
            table.Heard(0x0007, 0x0005, 100);
            table.Heard(0x0009, 0x0005, 100); // heard again: stays first
            Assert.AreEqual(1, table.ForgetSilent(100, 50));
            Assert.AreEqual(3, table.Count);
            Assert.AreEqual(0x0009, table.AddressAt(0));
            Assert.AreEqual(0x0006, table.AddressAt(1));
            Assert.AreEqual(0x0007, table.AddressAt(2));
            Assert.IsTrue(table.Heard(0x0008, 0x0005, 200), "a forgotten node is new again");
            Assert.AreEqual(0x0008, table.AddressAt(3), "at the end");
        }

        [TestMethod]
        public void PositionsOutsideTheTableAreRefused()
        {
            KnownNodeTable table = new KnownNodeTable();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { table.AddressAt(0); });
            table.Heard(0x0006, 0x0005, 0);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { table.AddressAt(-1); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { table.AddressAt(1); });
            Assert.AreEqual(0x0006, table.AddressAt(0));
        }

        [TestMethod]
        public void ItselfIsNeverRecordedAmongAllTwoHundredFifty()
        {
            KnownNodeTable table = new KnownNodeTable();
            for (int id = 0; id < NodeAddressing.MaximumNodes; id++)
            {
                table.Heard(NodeAddressing.UnicastOf(id), 0x0010, id);
            }

            Assert.AreEqual(NodeAddressing.MaximumNodes - 1, table.Count);
            Assert.IsFalse(table.Contains(0x0010));
            Assert.AreEqual(NodeAddressing.MaximumNodes - 1, table.ForgetSilent(NodeAddressing.MaximumNodes + 1000, 0), "all silent");
        }
    }
}
