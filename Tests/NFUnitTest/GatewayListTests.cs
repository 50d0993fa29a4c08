using System;
using DcMonitor.Shared.Provisioning;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The gateways the provisioner installs directed paths toward (console <c>gateway 0,3</c>, docs/directed-forwarding.md): node
    /// ids read from text and written back; empty or "default" is the default; bad input is refused with a message naming it.
    /// </summary>
    [TestClass]
    public class GatewayListTests
    {
        [TestMethod]
        public void NodeIdsAreReadInOrderAndWrittenBack()
        {
            GatewayList gateways = GatewayList.Parse(" 0,12 ,249");
            Assert.IsFalse(gateways.IsDefault);
            Assert.AreEqual(3, gateways.Count);
            Assert.AreEqual(0, gateways.NodeIdAt(0));
            Assert.AreEqual(12, gateways.NodeIdAt(1));
            Assert.AreEqual(249, gateways.NodeIdAt(2));
            Assert.AreEqual("0,12,249", gateways.ToString());
            Assert.AreEqual("0,12,249", GatewayList.Parse(gateways.ToString()).ToString());
        }

        [TestMethod]
        public void EmptyTextOrDefaultIsTheDefault()
        {
            Assert.IsTrue(GatewayList.Parse("").IsDefault);
            Assert.IsTrue(GatewayList.Parse("default").IsDefault);
            Assert.AreEqual("default", GatewayList.Default.ToString());
            Assert.IsTrue(GatewayList.Parse(GatewayList.Default.ToString()).IsDefault);
        }

        [TestMethod]
        public void BadIdsRepeatsAndTooManyAreRefused()
        {
            Assert.ThrowsException(typeof(ArgumentException), delegate { GatewayList.Parse("250"); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { GatewayList.Parse("-1"); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { GatewayList.Parse("0,,1"); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { GatewayList.Parse("node3"); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { GatewayList.Parse("3,3"); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { GatewayList.Parse("0,1,2,3,4,5,6,7,8"); });
            Assert.ThrowsException(typeof(ArgumentNullException), delegate { GatewayList.Parse(null); });
        }
    }
}
