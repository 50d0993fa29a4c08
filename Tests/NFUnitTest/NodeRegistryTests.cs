using System;
using DcMonitor.Shared.Provisioning;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The provisioner's registry text form (issue "Provisioner and RelayNode images" §1, ARCHITECTURE §8): the exact line layout,
    /// its FNV-1a checksum, the hex helpers, and a file whose checksum is right but whose content is not (duplicates, a wrong count,
    /// out-of-range fields) refused with an ArgumentException like a torn one; plus the registry's own bookkeeping (move, remove,
    /// the lowest free address) and a node's configuration state.
    /// </summary>
    [TestClass]
    public class NodeRegistryTests
    {
        private const string UuidHex = "dddd0000000000000000000000000009";

        [TestMethod]
        public void TheChecksumIsFnv1aOfTheBytes()
        {
            Assert.AreEqual(0x811C9DC5u, NodeRegistry.Checksum(""));
            Assert.AreEqual(0xE40C292Cu, NodeRegistry.Checksum("a"));
            Assert.AreEqual(0xBF9CF968u, NodeRegistry.Checksum("foobar"));
        }

        [TestMethod]
        public void HexIsLowerCaseTwoDigitsPerByteAndReadsEitherCase()
        {
            Assert.AreEqual("00ff0a7f", NodeRegistry.Hex(new byte[] { 0x00, 0xFF, 0x0A, 0x7F }));
            Assert.AreEqual("", NodeRegistry.Hex(new byte[0]));
            byte[] bytes = NodeRegistry.FromHex("00FFaB7f");
            Assert.AreEqual(4, bytes.Length);
            Assert.AreEqual((byte)0x00, bytes[0]);
            Assert.AreEqual((byte)0xFF, bytes[1]);
            Assert.AreEqual((byte)0xAB, bytes[2]);
            Assert.AreEqual((byte)0x7F, bytes[3]);
            Assert.AreEqual(0, NodeRegistry.FromHex("").Length);
        }

        [DataRow("abc")]
        [DataRow("0g")]
        [DataRow("g0")]
        [DataRow(" 1")]
        [DataRow("-1")]
        public void TextThatIsNotHexIsRefused(string text)
        {
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.FromHex(text); });
        }

        [TestMethod]
        public void NoTextIsNotHex()
        {
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.FromHex(null); });
        }

        [TestMethod]
        public void SameBytesComparesContentsAndLengths()
        {
            Assert.IsTrue(NodeRegistry.SameBytes(new byte[] { 1, 2 }, new byte[] { 1, 2 }));
            Assert.IsTrue(NodeRegistry.SameBytes(new byte[0], new byte[0]));
            Assert.IsFalse(NodeRegistry.SameBytes(new byte[] { 1, 2 }, new byte[] { 1, 3 }));
            Assert.IsFalse(NodeRegistry.SameBytes(new byte[] { 1, 2 }, new byte[] { 1, 2, 0 }));
            Assert.IsFalse(NodeRegistry.SameBytes(null, new byte[0]));
            Assert.IsFalse(NodeRegistry.SameBytes(null, null));
        }

        [TestMethod]
        public void ANodeLineHasTheDocumentedFields()
        {
            NodeRegistry registry = new NodeRegistry();
            ProvisionedNode node = new ProvisionedNode(NodeRegistry.FromHex(UuidHex), 0x000A);
            node.Elements = 2;
            node.Models = 0x3D;
            node.StepsDone = 0x0203;
            node.IsRelayNode = true;
            node.Provisioned = true;
            node.Failures = 12;
            node.LastFailure = "appkey: timed out\r\nafter 3 tries";
            registry.Add(node);
            string body = "DCM-REGISTRY 1\nnode " + UuidHex + " 000A 2 3D 0203 1 1 12 appkey: timed out  after 3 tries\n";
            Assert.AreEqual(body + "end 1 " + NodeRegistry.Checksum(body).ToString("X8") + "\n", registry.Serialize());

            ProvisionedNode read = NodeRegistry.Parse(registry.Serialize()).NodeAt(0);
            Assert.AreEqual(2, read.Elements);
            Assert.IsTrue(read.IsRelayNode);
            Assert.AreEqual(0x0203, read.StepsDone);
            Assert.AreEqual("appkey: timed out  after 3 tries", read.LastFailure, "line breaks in a failure became spaces");
        }

        [TestMethod]
        public void AnEmptyRegistryRoundTrips()
        {
            string text = new NodeRegistry().Serialize();
            Assert.AreEqual("DCM-REGISTRY 1\nend 0 " + NodeRegistry.Checksum("DCM-REGISTRY 1\n").ToString("X8") + "\n", text);
            Assert.AreEqual(0, NodeRegistry.Parse(text).Count);
        }

        [TestMethod]
        public void ANodeWithoutAFailureRoundTripsWithAnEmptyOne()
        {
            NodeRegistry registry = new NodeRegistry();
            registry.Add(new ProvisionedNode(NodeRegistry.FromHex(UuidHex), 0x0005));
            ProvisionedNode read = NodeRegistry.Parse(registry.Serialize()).NodeAt(0);
            Assert.AreEqual("", read.LastFailure);
            Assert.AreEqual(0, read.Failures);
            Assert.IsFalse(read.Provisioned);
            Assert.AreEqual(1, read.Elements);
        }

        [DataRow("node " + UuidHex + " 000A 1 3D 0003 0 1 0 \nnode " + UuidHex + " 000B 1 3D 0003 0 1 0 \n", 2)]
        [DataRow("node " + UuidHex + " 000A 1 3D 0003 0 1 0 \nnode dddd0000000000000000000000000008 000A 1 3D 0003 0 1 0 \n", 2)]
        [DataRow("node " + UuidHex + " 000A 1 3D 0003 0 1 0 \n", 2)]
        [DataRow("node " + UuidHex + " 0000 1 3D 0003 0 1 0 \n", 1)]
        [DataRow("node " + UuidHex + " 8000 1 3D 0003 0 1 0 \n", 1)]
        [DataRow("node " + UuidHex + " 000A 0 3D 0003 0 1 0 \n", 1)]
        [DataRow("node " + UuidHex + " 000A x 3D 0003 0 1 0 \n", 1)]
        [DataRow("node " + UuidHex + " 000A 1 3G 0003 0 1 0 \n", 1)]
        [DataRow("node " + UuidHex + " 000A 1 3D 0003 0 1\n", 1)]
        [DataRow("node dddd000000000000000000000000009 000A 1 3D 0003 0 1 0 \n", 1)]
        [DataRow("nod " + UuidHex + " 000A 1 3D 0003 0 1 0 \n", 1)]
        [DataRow("node " + UuidHex + " 12345678 1 3D 0003 0 1 0 \n", 1)]
        public void AChecksummedFileWithBadContentIsRefused(string nodes, int count)
        {
            string body = "DCM-REGISTRY 1\n" + nodes;
            string text = body + "end " + count.ToString() + " " + NodeRegistry.Checksum(body).ToString("X8") + "\n";
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.Parse(text); });
        }

        [TestMethod]
        public void UnknownStepBitsAreDroppedOnRead()
        {
            string body = "DCM-REGISTRY 1\nnode " + UuidHex + " 000A 1 3D FFFF 0 1 0 \n";
            NodeRegistry registry = NodeRegistry.Parse(body + "end 1 " + NodeRegistry.Checksum(body).ToString("X8") + "\n");
            Assert.AreEqual(ConfigurationStep.All, registry.NodeAt(0).StepsDone);
        }

        [TestMethod]
        public void AnOldHeaderOrAMissingEndLineIsRefused()
        {
            string text = new NodeRegistry().Serialize();
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.Parse("DCM-REGISTRY 0" + text.Substring(14)); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.Parse("DCM-REGISTRY 1\n"); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.Parse(null); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.Parse(""); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.Parse(text.Substring(0, text.Length - 2)); }, "the checksum lost a digit");
        }

        [TestMethod]
        public void MovingRemovingAndTheLowestFreeAddress()
        {
            NodeRegistry registry = new NodeRegistry();
            ProvisionedNode a = new ProvisionedNode(Uuid(1), 0x0005);
            ProvisionedNode b = new ProvisionedNode(Uuid(2), 0x0006);
            registry.Add(a);
            registry.Add(b);
            Assert.ThrowsException(typeof(ArgumentException), delegate { registry.Add(new ProvisionedNode(Uuid(1), 0x0009)); }, "the same UUID twice");
            Assert.IsNull(registry.MoveTo(a, 0x0009), "a free address displaces nobody");
            Assert.AreEqual(0x0009, a.Address);
            Assert.AreSame(a, registry.FindByAddress(0x0009));
            Assert.IsNull(registry.FindByAddress(0x0005));
            Assert.AreEqual(0x0005, registry.NextFreeAddress());
            Assert.IsNull(registry.MoveTo(a, 0x0009), "its own address displaces nobody");
            Assert.AreEqual(2, registry.Count);
            Assert.IsTrue(registry.Remove(b));
            Assert.IsFalse(registry.Remove(b), "already gone");
            Assert.IsNull(registry.FindByUuid(Uuid(2)));
            Assert.AreEqual(1, registry.Count);
        }

        [TestMethod]
        public void ANodeIsFullyConfiguredOnlyWhenProvisionedAndEveryRequiredStepIsDone()
        {
            ProvisionedNode node = new ProvisionedNode(Uuid(3), 0x0008);
            Assert.AreEqual(3, node.NodeId);
            Assert.AreEqual(1, node.Elements);
            Assert.IsFalse(node.CompositionKnown);
            Assert.AreEqual(ConfigurationStep.Composition | ConfigurationStep.AppKey, node.StepsRequired);
            node.Provisioned = true;
            node.StepsDone = ConfigurationStep.Composition;
            node.IsRelayNode = true;
            node.Models = 0x01; // a relay: Configuration Server only
            Assert.IsTrue(node.CompositionKnown);
            Assert.AreEqual(ConfigurationStep.Composition | ConfigurationStep.RelayOn | ConfigurationStep.DefaultTtl, node.StepsRequired);
            Assert.IsFalse(node.FullyConfigured);
            node.StepsDone |= ConfigurationStep.RelayOn | ConfigurationStep.DefaultTtl;
            Assert.IsTrue(node.FullyConfigured);
            node.Provisioned = false;
            Assert.IsFalse(node.FullyConfigured, "configured but not provisioned");
            node.Provisioned = true;
            node.Failures = 3;
            node.LastFailure = "x";
            node.RestartConfiguration();
            Assert.AreEqual(0, node.StepsDone);
            Assert.AreEqual(0, node.Models);
            Assert.IsFalse(node.IsRelayNode);
            Assert.AreEqual(0, node.Failures);
            Assert.AreEqual("", node.LastFailure);
            Assert.IsFalse(node.FullyConfigured);
            Assert.AreEqual(0x0008, node.Address, "the address is kept");
        }

        [DataRow(0x01, "composition")]
        [DataRow(0x02, "appkey")]
        [DataRow(0x04, "bind-onoff-server")]
        [DataRow(0x08, "bind-onoff-client")]
        [DataRow(0x10, "bind-vendor-server")]
        [DataRow(0x20, "bind-vendor-client")]
        [DataRow(0x40, "subscribe-all")]
        [DataRow(0x80, "relay-on")]
        [DataRow(0x100, "default-ttl")]
        [DataRow(0x200, "publish-uplink")]
        [DataRow(0x400, "subscribe-uplink")]
        [DataRow(0x800, "relay-state")]
        [DataRow(0, "none")]
        [DataRow(0x03, "none")]
        [DataRow(0x1000, "none")]
        public void EveryStepHasItsName(int step, string name)
        {
            Assert.AreEqual(name, ConfigurationStep.Name(step));
        }

        [TestMethod]
        public void NextIgnoresDoneStepsThatAreNotRequired()
        {
            int required = ConfigurationStep.Composition | ConfigurationStep.Subscription;
            Assert.AreEqual(ConfigurationStep.Subscription, ConfigurationStep.Next(required, ConfigurationStep.Composition | ConfigurationStep.AppKey));
            Assert.AreEqual(0, ConfigurationStep.Next(required, ConfigurationStep.All));
            Assert.AreEqual(0, ConfigurationStep.Next(0, 0), "nothing required");
            Assert.AreEqual(ConfigurationStep.Composition, ConfigurationStep.Next(ConfigurationStep.All, 0));
            Assert.AreEqual(ConfigurationStep.UplinkSubscription, ConfigurationStep.Next(ConfigurationStep.All, ConfigurationStep.All & ~ConfigurationStep.UplinkSubscription));
        }

        private static byte[] Uuid(int last)
        {
            byte[] uuid = new byte[16];
            uuid[0] = 0xDD;
            uuid[1] = 0xDD;
            uuid[15] = (byte)last;
            return uuid;
        }
    }
}
