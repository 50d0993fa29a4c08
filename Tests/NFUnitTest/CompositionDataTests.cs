using System;
using DcMonitor.Shared.Provisioning;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// Composition data page 0 (Mesh Profile 1.0.1 §4.2.1.1) at its edges: the header fields little-endian, models of elements
    /// after the first counted but not collected, vendor models of another company ignored, at most 16 elements, the page read
    /// from an offset within a longer buffer, and a window outside the buffer refused.
    /// </summary>
    [TestClass]
    public class CompositionDataTests
    {
        // CID 02E5, PID 1234, VID 5678, CRPL 0100, features 0x000B (relay, proxy, low power).
        private static readonly byte[] Header = new byte[] { 0xE5, 0x02, 0x34, 0x12, 0x78, 0x56, 0x00, 0x01, 0x0B, 0x00 };

        [TestMethod]
        public void TheHeaderFieldsAreLittleEndian()
        {
            byte[] page = Page(Header, new byte[] { 0, 0, 1, 0, 0x00, 0x00 });
            CompositionData data = CompositionData.Parse(page, 0, page.Length);
            Assert.AreEqual(0x02E5, data.CompanyId);
            Assert.AreEqual(0x1234, data.ProductId);
            Assert.AreEqual(0x5678, data.VersionId);
            Assert.AreEqual(0x0100, data.ReplayProtectionListSize);
            Assert.AreEqual(0x000B, data.Features);
            Assert.IsTrue(data.RelaySupported);
            Assert.AreEqual(1, data.ElementCount);
            Assert.AreEqual(CompositionData.ConfigServer, data.Models);
            Assert.IsTrue(data.IsRelayNode, "Configuration Server only, relay supported");
        }

        [TestMethod]
        public void TheDirectedForwardingModelsAreCollectedAndARelayNodeMayCarryTheServer()
        {
            byte[] relay = Page(Header, new byte[] { 0, 0, 2, 0, 0x00, 0x00, 0x06, 0x00 });
            CompositionData data = CompositionData.Parse(relay, 0, relay.Length);
            Assert.AreEqual(CompositionData.ConfigServer | CompositionData.DirectedForwardingServer, data.Models);
            Assert.IsTrue(data.IsRelayNode, "Config Server and DF Server, relay supported");

            byte[] provisioner = Page(Header, new byte[] { 0, 0, 3, 0, 0x00, 0x00, 0x01, 0x00, 0x07, 0x00 });
            CompositionData client = CompositionData.Parse(provisioner, 0, provisioner.Length);
            Assert.AreEqual(CompositionData.ConfigServer | CompositionData.ConfigClient | CompositionData.DirectedForwardingClient, client.Models);
            Assert.IsFalse(client.IsRelayNode);
        }

        [TestMethod]
        public void OnlyElementZerosModelsAreCollected()
        {
            byte[] page = Page(Header, new byte[]
            {
                0, 0, 1, 0, 0x00, 0x00,                  // element 0: Config Server
                1, 0, 2, 0, 0x00, 0x10, 0x01, 0x10,      // element 1: OnOff Server and Client
            });
            CompositionData data = CompositionData.Parse(page, 0, page.Length);
            Assert.AreEqual(2, data.ElementCount);
            Assert.AreEqual(CompositionData.ConfigServer, data.Models);
        }

        [TestMethod]
        public void EveryModelThisNetworkKnowsIsRecognised()
        {
            byte[] page = Page(Header, new byte[]
            {
                0, 0, 5, 2,
                0x00, 0x00, 0x01, 0x00, 0x00, 0x10, 0x01, 0x10, 0x02, 0x10, // Config Server, Config Client, OnOff Server, OnOff Client, Level Server
                0xE5, 0x02, 0x01, 0x00, 0xE5, 0x02, 0x00, 0x00,             // 02E5:0001 vendor server, 02E5:0000 vendor client
            });
            CompositionData data = CompositionData.Parse(page, 0, page.Length);
            Assert.AreEqual(0x3F, data.Models);
            Assert.IsTrue(data.IsUniversalNode);
            Assert.IsFalse(data.IsRelayNode, "it has application models");
        }

        [TestMethod]
        public void VendorModelsOfAnotherCompanyAreIgnored()
        {
            byte[] page = Page(Header, new byte[] { 0, 0, 1, 2, 0x00, 0x00, 0x59, 0x00, 0x01, 0x00, 0x59, 0x00, 0x00, 0x00 });
            CompositionData data = CompositionData.Parse(page, 0, page.Length);
            Assert.AreEqual(CompositionData.ConfigServer, data.Models);
            Assert.IsFalse(data.IsUniversalNode);
        }

        [TestMethod]
        public void SixteenElementsAreAcceptedAndSeventeenAreNot()
        {
            byte[] element = new byte[] { 0, 0, 1, 0, 0x00, 0x00 };
            byte[] sixteen = new byte[16 * element.Length];
            for (int i = 0; i < 16; i++)
            {
                Array.Copy(element, 0, sixteen, i * element.Length, element.Length);
            }

            byte[] page = Page(Header, sixteen);
            Assert.AreEqual(CompositionData.MaximumElements, CompositionData.Parse(page, 0, page.Length).ElementCount);
            byte[] seventeen = Page(page, element);
            AssertRefused(seventeen, 0, seventeen.Length, "more than 16 elements");
        }

        [TestMethod]
        public void APageIsReadFromItsWindowOfALongerBuffer()
        {
            byte[] page = Page(Header, new byte[] { 0, 0, 1, 0, 0x00, 0x00 });
            byte[] buffer = Page(Page(new byte[] { 0xAA, 0xBB, 0xCC }, page), new byte[] { 0x99, 0x99, 0x99 });
            CompositionData data = CompositionData.Parse(buffer, 3, page.Length);
            Assert.AreEqual(0x02E5, data.CompanyId);
            Assert.AreEqual(1, data.ElementCount, "the bytes after the window are not a second element");
        }

        [TestMethod]
        public void AWindowOutsideTheBufferIsRefused()
        {
            byte[] page = Page(Header, new byte[] { 0, 0, 1, 0, 0x00, 0x00 });
            AssertRefused(null, 0, 16, "no page");
            AssertRefused(page, -1, page.Length, "no page");
            AssertRefused(page, 1, page.Length, "no page");
            AssertRefused(page, 0, -1, "no page");
            AssertRefused(page, 0, 13, "shorter than a header and one element");
        }

        [TestMethod]
        public void AnElementWithoutModelsIsValidAfterTheFirst()
        {
            byte[] page = Page(Header, new byte[] { 0, 0, 1, 0, 0x00, 0x00, 1, 0, 0, 0 });
            Assert.AreEqual(2, CompositionData.Parse(page, 0, page.Length).ElementCount);
            byte[] empty = Page(Header, new byte[] { 0, 0, 0, 0 });
            AssertRefused(empty, 0, empty.Length, "no Configuration Server");
        }

        private static byte[] Page(byte[] first, byte[] second)
        {
            byte[] page = new byte[first.Length + second.Length];
            Array.Copy(first, 0, page, 0, first.Length);
            Array.Copy(second, 0, page, first.Length, second.Length);
            return page;
        }

        private static void AssertRefused(byte[] page, int offset, int length, string reason)
        {
            try
            {
                CompositionData.Parse(page, offset, length);
            }
            catch (ArgumentException exception)
            {
                Assert.IsTrue(exception.Message.IndexOf(reason) >= 0, "reason '" + reason + "' missing from: " + exception.Message);
                return;
            }

            throw new Exception("page accepted: " + reason);
        }
    }
}
