using System;
using DcMonitor.Shared.Provisioning;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The provisioner's data (issue "Provisioner and RelayNode images" §1): composition data page 0 parsed and validated
    /// (Mesh Profile §4.2.1.1), the configuration steps in the seed's order (§6), the registry's stable addresses and its
    /// text form that detects torn or edited files, and the orphan watch of a lost admission.
    /// </summary>
    [TestClass]
    public class ProvisioningTests
    {
        // Page 0 of a universal node: CID 02E5, PID 0, VID 0, CRPL 72, features relay+proxy; element 0: location 0,
        // SIG Config Server, OnOff Client, OnOff Server; vendor 02E5:0001, 02E5:0000.
        private static readonly byte[] UniversalPage = new byte[]
        {
            0xE5, 0x02, 0x00, 0x00, 0x00, 0x00, 0x48, 0x00, 0x03, 0x00,
            0x00, 0x00, 0x03, 0x02, 0x00, 0x00, 0x01, 0x10, 0x00, 0x10, 0xE5, 0x02, 0x01, 0x00, 0xE5, 0x02, 0x00, 0x00,
        };

        private static readonly byte[] RelayPage = new byte[] { 0xE5, 0x02, 0x00, 0x00, 0x00, 0x00, 0x48, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00 };

        [TestMethod]
        public void AUniversalNodesPageGivesItsModels()
        {
            CompositionData page = CompositionData.Parse(UniversalPage, 0, UniversalPage.Length);
            Assert.AreEqual(0x02E5, page.CompanyId);
            Assert.AreEqual(72, page.ReplayProtectionListSize);
            Assert.AreEqual(1, page.ElementCount);
            Assert.AreEqual(CompositionData.ConfigServer | CompositionData.GenericOnOffClient | CompositionData.GenericOnOffServer
                | CompositionData.VendorServer | CompositionData.VendorClient, page.Models);
            Assert.IsTrue(page.IsUniversalNode);
            Assert.IsFalse(page.IsRelayNode);
        }

        [TestMethod]
        public void ARelaysPageIsRecognised()
        {
            CompositionData page = CompositionData.Parse(RelayPage, 0, RelayPage.Length);
            Assert.IsTrue(page.IsRelayNode);
            Assert.IsTrue(page.RelaySupported);
            Assert.AreEqual(CompositionData.ConfigServer, page.Models);
        }

        [TestMethod]
        public void MalformedPagesAreRefusedWithTheReason()
        {
            AssertMalformed(new byte[] { 0xE5, 0x02, 0, 0, 0, 0, 0, 0, 0, 0 }, "shorter");
            byte[] truncated = new byte[UniversalPage.Length - 1];
            Array.Copy(UniversalPage, truncated, truncated.Length);
            AssertMalformed(truncated, "declares 3 SIG and 2 vendor models");
            byte[] noConfigServer = new byte[] { 0xE5, 0x02, 0, 0, 0, 0, 0x48, 0, 3, 0, 0, 0, 1, 0, 0x00, 0x10 };
            AssertMalformed(noConfigServer, "no Configuration Server");
            byte[] trailingByte = new byte[RelayPage.Length + 1];
            Array.Copy(RelayPage, trailingByte, RelayPage.Length);
            AssertMalformed(trailingByte, "truncated in its header");
        }

        [TestMethod]
        public void StepsFollowTheSeedOrderAndOnlyForPresentModels()
        {
            int universal = CompositionData.ConfigServer | CompositionData.GenericOnOffClient | CompositionData.GenericOnOffServer | CompositionData.VendorServer | CompositionData.VendorClient;
            int required = ConfigurationStep.Required(universal, true, false);
            int done = 0;
            int[] order = new int[]
            {
                ConfigurationStep.Composition, ConfigurationStep.RelayState, ConfigurationStep.AppKey, ConfigurationStep.BindOnOffServer, ConfigurationStep.BindOnOffClient,
                ConfigurationStep.BindVendorServer, ConfigurationStep.BindVendorClient, ConfigurationStep.Subscription,
                ConfigurationStep.UplinkPublication, ConfigurationStep.UplinkSubscription,
            };
            for (int i = 0; i < order.Length; i++)
            {
                Assert.AreEqual(order[i], ConfigurationStep.Next(required, done));
                done |= order[i];
            }

            Assert.AreEqual(0, ConfigurationStep.Next(required, done));
            int relay = ConfigurationStep.Required(CompositionData.ConfigServer, true, true);
            Assert.AreEqual(ConfigurationStep.Composition | ConfigurationStep.RelayOn | ConfigurationStep.DefaultTtl, relay);
            Assert.AreEqual(ConfigurationStep.Composition | ConfigurationStep.AppKey, ConfigurationStep.Required(0, false, false));
            int serverOnly = ConfigurationStep.Required(CompositionData.ConfigServer | CompositionData.VendorServer, true, false);
            Assert.AreEqual(0, serverOnly & (ConfigurationStep.UplinkPublication | ConfigurationStep.UplinkSubscription), "the uplink needs both vendor models");
        }

        [TestMethod]
        public void AddressesAreStableAndTheLowestFreeOneIsGiven()
        {
            NodeRegistry registry = new NodeRegistry();
            registry.Add(new ProvisionedNode(Uuid(1), 0x0005));
            registry.Add(new ProvisionedNode(Uuid(2), 0x0007));
            Assert.AreEqual(0x0006, registry.NextFreeAddress());
            Assert.AreEqual(0x0007, registry.FindByUuid(Uuid(2)).Address);
            Assert.ThrowsException(typeof(ArgumentException), delegate { registry.Add(new ProvisionedNode(Uuid(3), 0x0005)); });
            ProvisionedNode displaced = registry.MoveTo(registry.FindByUuid(Uuid(1)), 0x0007);
            Assert.AreEqual(2, (int)displaced.Uuid[15]);
            Assert.AreEqual(1, registry.Count);
        }

        [TestMethod]
        public void TwoHundredFiftyNodesFitAndThe251stIsRefused()
        {
            NodeRegistry registry = new NodeRegistry();
            for (int i = 0; i < 250; i++)
            {
                int address = registry.NextFreeAddress();
                Assert.AreEqual(0x0005 + i, address);
                byte[] uuid = Uuid((byte)i);
                uuid[14] = 1;
                registry.Add(new ProvisionedNode(uuid, address));
            }

            Assert.AreEqual(0x00FE, registry.NodeAt(249).Address);
            Assert.AreEqual(-1, registry.NextFreeAddress());
            byte[] extra = Uuid(250);
            extra[14] = 2;
            Assert.ThrowsException(typeof(ArgumentException), delegate { registry.Add(new ProvisionedNode(extra, 0x00FF)); });
            Assert.AreEqual(250, registry.Count);
            Assert.AreEqual(250, NodeRegistry.Parse(registry.Serialize()).Count);
        }

        [TestMethod]
        public void ARegistryWrittenBeforeTheRangeGrewIsReadUnchanged()
        {
            NodeRegistry registry = new NodeRegistry();
            for (int i = 0; i < 64; i++)
            {
                registry.Add(new ProvisionedNode(Uuid((byte)i), registry.NextFreeAddress()));
            }

            NodeRegistry read = NodeRegistry.Parse(registry.Serialize());
            Assert.AreEqual(64, read.Count);
            Assert.AreEqual(0x0044, read.NodeAt(63).Address);
            Assert.AreEqual(0x0045, read.NextFreeAddress(), "the next device gets the first address past the old range");
        }

        [TestMethod]
        public void TheTextFormRoundTripsAndDetectsDamage()
        {
            NodeRegistry registry = new NodeRegistry();
            ProvisionedNode node = new ProvisionedNode(Uuid(9), 0x000A);
            node.Models = 0x3D;
            node.StepsDone = ConfigurationStep.Composition | ConfigurationStep.AppKey;
            node.Provisioned = true;
            node.Failures = 2;
            node.LastFailure = "bind-onoff-server timed out";
            registry.Add(node);
            string text = registry.Serialize();

            NodeRegistry copy = NodeRegistry.Parse(text);
            ProvisionedNode read = copy.FindByAddress(0x000A);
            Assert.AreEqual(9, (int)read.Uuid[15]);
            Assert.AreEqual(0x3D, read.Models);
            Assert.AreEqual(node.StepsDone, read.StepsDone);
            Assert.IsTrue(read.Provisioned);
            Assert.AreEqual(2, read.Failures);
            Assert.AreEqual("bind-onoff-server timed out", read.LastFailure);
            Assert.AreEqual(5, read.NodeId);

            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.Parse(text.Substring(0, text.Length / 2)); });
            int at = text.IndexOf(" 000A ");
            string edited = text.Substring(0, at) + " 000B " + text.Substring(at + 6);
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.Parse(edited); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeRegistry.Parse("something else"); });
        }

        [TestMethod]
        public void OnlyANodeNeverConfiguredAfterProvisioningIsAnOrphan()
        {
            OrphanWatch watch = new OrphanWatch();
            Assert.IsFalse(watch.IsOrphan(long.MaxValue), "restored from flash: never an orphan");
            watch.Provisioned(1000);
            Assert.IsFalse(watch.IsOrphan(1000 + OrphanWatch.TimeoutMilliseconds - 1));
            Assert.IsTrue(watch.IsOrphan(1000 + OrphanWatch.TimeoutMilliseconds));
            watch.Configured();
            Assert.IsFalse(watch.IsOrphan(long.MaxValue));
        }

        [TestMethod]
        public void AnotherAdmissionRestartsTheOrphanWatch()
        {
            OrphanWatch watch = new OrphanWatch();
            watch.Provisioned(0);
            watch.Provisioned(20000); // provisioned again before its configuration began
            Assert.IsFalse(watch.IsOrphan(OrphanWatch.TimeoutMilliseconds), "the deadline counts from the latest admission");
            Assert.IsTrue(watch.IsOrphan(20000 + OrphanWatch.TimeoutMilliseconds));
            watch.Configured();
            watch.Provisioned(100000);
            Assert.IsTrue(watch.IsOrphan(100000 + OrphanWatch.TimeoutMilliseconds), "a configured node that is admitted again is watched again");
            Assert.AreEqual(30000, OrphanWatch.TimeoutMilliseconds);
        }

        private static void AssertMalformed(byte[] page, string reason)
        {
            try
            {
                CompositionData.Parse(page, 0, page.Length);
            }
            catch (ArgumentException exception)
            {
                Assert.IsTrue(exception.Message.IndexOf(reason) >= 0, "reason '" + reason + "' missing from: " + exception.Message);
                return;
            }

            throw new Exception("malformed page accepted: " + reason);
        }

        private static byte[] Uuid(byte last)
        {
            byte[] uuid = new byte[16];
            uuid[0] = 0xDD;
            uuid[1] = 0xDD;
            uuid[15] = last;
            return uuid;
        }
    }
}
