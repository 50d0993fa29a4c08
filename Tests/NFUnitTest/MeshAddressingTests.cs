using System;
using DcMonitor.Shared.Mesh;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>Node ids and addresses (seed protocol §1.3, §9 B12) and the known-node table (§4.10, B16).</summary>
    [TestClass]
    public class MeshAddressingTests
    {
        [DataRow(0, 0x0005)]
        [DataRow(9, 0x000E)]
        [DataRow(63, 0x0044)]
        [DataRow(249, 0x00FE)]
        public void NodeIdsMapToUnicastAddresses(int nodeId, int unicast)
        {
            Assert.AreEqual(unicast, NodeAddressing.UnicastOf(nodeId));
            Assert.AreEqual(nodeId, NodeAddressing.NodeIdOf(unicast));
        }

        [DataRow(0x0001)]
        [DataRow(0x0004)]
        [DataRow(0x00FF)]
        [DataRow(0x0100)]
        [DataRow(0xC000)]
        [DataRow(0x0000)]
        public void AddressesThatAreNotNodesHaveNoId(int address)
        {
            Assert.AreEqual(-1, NodeAddressing.NodeIdOf(address));
        }

        [TestMethod]
        public void IdsOutsideTheRangeHaveNoAddress()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { NodeAddressing.UnicastOf(250); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { NodeAddressing.UnicastOf(-1); });
        }

        [TestMethod]
        public void KnownNodesKeepFirstHeardOrderAndSkipSelfAndNonNodes()
        {
            KnownNodeTable table = new KnownNodeTable();
            Assert.IsTrue(table.Heard(0x0007, 0x0005, 1000));
            Assert.IsTrue(table.Heard(0x0006, 0x0005, 1100));
            Assert.IsFalse(table.Heard(0x0007, 0x0005, 1200));
            Assert.IsFalse(table.Heard(0x0005, 0x0005, 1300)); // itself
            Assert.IsFalse(table.Heard(0x0001, 0x0005, 1300)); // the provisioner
            Assert.AreEqual(2, table.Count);
            Assert.AreEqual(0x0007, table.AddressAt(0));
            Assert.AreEqual(0x0006, table.AddressAt(1));
        }

        [TestMethod]
        public void SilentNodesAreForgotten()
        {
            KnownNodeTable table = new KnownNodeTable();
            table.Heard(0x0006, 0x0005, 0);
            table.Heard(0x0007, 0x0005, 0);
            table.Heard(0x0006, 0x0005, 40000);
            Assert.AreEqual(1, table.ForgetSilent(50000, 45000));
            Assert.IsTrue(table.Contains(0x0006));
            Assert.IsFalse(table.Contains(0x0007));
            Assert.AreEqual(1, table.Count);
        }

        [TestMethod]
        public void AllTwoHundredFiftyNodesFitAndNothingMore()
        {
            KnownNodeTable table = new KnownNodeTable();
            for (int id = 0; id < NodeAddressing.MaximumNodes; id++)
            {
                Assert.IsTrue(table.Heard(NodeAddressing.UnicastOf(id), 0x0001, id));
            }

            Assert.AreEqual(250, table.Count);
            Assert.AreEqual(0x00FE, table.AddressAt(249));
            Assert.IsFalse(table.Heard(0x00FF, 0x0001, 300), "0x00FF is no node address: the full table takes nothing more");
            Assert.AreEqual(250, table.Count);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { table.AddressAt(250); });
        }
    }
}
