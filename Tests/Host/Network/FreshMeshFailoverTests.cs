using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using DcMonitor.Emulator.Air;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// A power cut in a mesh the Provisioner image provisioned itself (demo --fresh): every node booted unprovisioned
    /// (unicast 0), yet each board keeps its own Bluetooth address, so the console fails over to another node.
    /// </summary>
    [LongRunning(50)]
    public sealed class FreshMeshFailoverTests : IDisposable
    {
        private readonly TemporaryFlash _root = new TemporaryFlash();
        private readonly AirHub _hub = new AirHub(0, 1000, TextWriter.Null);

        public void Dispose()
        {
            _hub.Dispose();
            _root.Dispose();
        }

        [Fact]
        public void TheConsoleFailsOverInAFreshlyProvisionedMesh()
        {
            var configured = new ConcurrentDictionary<string, bool>();
            var allConfigured = new ManualResetEventSlim(); // not disposed: the handler may still run after the test's end
            _hub.ConsoleOutput += (node, line) =>
            {
                int at = line.IndexOf(" fully configured", StringComparison.Ordinal);
                if (node == "provisioner" && at > 0)
                {
                    configured[line.Substring(0, at)] = true;
                    if (configured.Count >= 3)
                    {
                        allConfigured.Set();
                    }
                }
            };
            for (int i = 0; i < 2; i++)
            {
                _hub.AddNode("node-" + i, "universal", 0, Path.Combine(_root.Path, "node-" + i), 100 + i);
            }

            _hub.AddNode("relay-0", "relay", 0, Path.Combine(_root.Path, "relay-0"), 0);
            _hub.AddNode("provisioner", "provisioner", 0, Path.Combine(_root.Path, "provisioner"), 0);
            foreach (HubNode node in _hub.Nodes())
            {
                _hub.SetPower(node.Name, true);
            }

            Assert.True(_hub.WaitUntilReady(60000), "node processes did not start");
            Assert.True(allConfigured.Wait(120000), "the provisioner configured " + configured.Count + " of 3 devices");

            using var gateway = new AirGatewayConsole(_hub.Port, TextWriter.Null, firstScanMilliseconds: 100);
            string first = gateway.ConnectedTo;
            Assert.NotNull(first);
            HubNode connected = _hub.Nodes().Find(node => node.Address == first);
            Assert.True(_hub.SetPower(connected.Name, false));

            Assert.True(gateway.WaitForConnectionOtherThan(first, 30000) != null, "the console did not fail over from " + first);

            Assert.NotEqual(first, gateway.ConnectedTo);
            Assert.True(gateway.Write("ALL:READ"));
            Assert.True(gateway.Messages.TryTake(out string reply, 15000), "no reply after the failover");
            Assert.Contains(":DATA:", reply);
        }
    }
}
