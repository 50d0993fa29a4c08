using System;
using System.IO;
using DcMonitor.Emulator.Air;
using DcMonitor.Emulator.Demo;
using Xunit;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// A network of node processes behind an air hub, like the demo's: universal nodes node-0… at 0x0005… and
    /// relay-0 after them; the last universal node hears only the relay. Powered off on dispose.
    /// </summary>
    public sealed class HubNetwork : IDisposable
    {
        private readonly TemporaryFlash _root = new TemporaryFlash();

        public HubNetwork(int universalNodes, int supervisionMilliseconds = 1000)
        {
            Hub = new AirHub(0, supervisionMilliseconds, TextWriter.Null);
            for (int i = 0; i < universalNodes; i++)
            {
                Hub.AddNode("node-" + i, "universal", 0x0005 + i, Path.Combine(_root.Path, "node-" + i), 100 + i);
            }

            Hub.AddNode("relay-0", "relay", 0x0005 + universalNodes, Path.Combine(_root.Path, "relay-0"), 0);
            for (int i = 0; universalNodes >= 2 && i < universalNodes - 1; i++)
            {
                Hub.Air.SetLink("node-" + (universalNodes - 1), "node-" + i, inRange: false);
            }

            RelayPlan.Preprovision(Hub);
            foreach (HubNode node in Hub.Nodes())
            {
                Hub.SetPower(node.Name, true);
            }

            Assert.True(Hub.WaitUntilReady(120000), "node processes did not start");
        }

        public AirHub Hub { get; }

        public void Dispose()
        {
            Hub.Dispose();
            _root.Dispose();
        }
    }
}
