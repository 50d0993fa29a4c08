using System.IO;
using System.Linq;
using DcMonitor.Emulator.Air;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// A board's Bluetooth address comes from the board (its MAC), not from provisioning: in a fresh mesh every node boots
    /// with unicast 0, and the hub must still tell them apart, or a central could never fail over to another node.
    /// </summary>
    public class BoardAddressTests
    {
        [Fact]
        public void UnprovisionedBoardsHaveDistinctAddressesThatRedeclaringKeeps()
        {
            using var hub = new AirHub(0, 2000, TextWriter.Null);
            for (int i = 0; i < 4; i++)
            {
                hub.AddNode("node-" + i, "universal", 0, Path.GetTempPath(), i);
            }

            hub.AddNode("relay-0", "relay", 0, Path.GetTempPath(), 0);
            string[] addresses = hub.Nodes().Select(node => node.Address).ToArray();
            Assert.Equal(5, addresses.Distinct().Count());
            Assert.Equal("DC:4D:00:00:00:05", hub.Find("node-0").Address);
            Assert.Equal("DC:4D:00:00:00:09", hub.Find("relay-0").Address);

            hub.AddNode("node-2", "universal", 0x0007, Path.GetTempPath(), 2); // provisioned later: the board is the same
            Assert.Equal("DC:4D:00:00:00:07", hub.Find("node-2").Address);
        }
    }
}
