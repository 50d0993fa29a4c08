using System;
using System.Collections.Concurrent;
using System.IO;
using DcMonitor.Emulator.Air;
using DcMonitor.Emulator.Demo.Interactive;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// The demo's Pi console pairs with a node in passkey mode as <c>bluetoothctl</c> with <c>agent KeyboardDisplay</c> does
    /// (docs/security.md): the node asks for the passkey, the console's agent asks the user, the typed digits are used; wrong or
    /// malformed digits make the pairing fail and say so, and nothing is written until the right ones bond.
    /// </summary>
    public class GatewayPasskeyPairingTests
    {
        [Fact]
        public void ThePiConsolePairsWithTheTypedPasskeyAndAWrongOneFails()
        {
            using var network = new HubNetwork(1);
            var lines = new BlockingCollection<string>();
            network.Hub.ConsoleOutput += (node, line) =>
            {
                if (node == "node-0")
                {
                    lines.Add(line);
                }
            };
            using var gateway = new AirGatewayConsole(network.Hub.Port, TextWriter.Null, firstScanMilliseconds: 100);
            var mesh = new HubDemoMesh(network.Hub, gateway, _ => { });
            Assert.True(mesh.TypeOnConsole("node-0", "gatt mode passkey"));
            WaitFor(lines, "GATT mode passkey saved");
            Assert.True(network.Hub.SetPower("node-0", false));
            Assert.True(network.Hub.SetPower("node-0", true));
            Assert.True(network.Hub.WaitUntilReady(60000), "node-0 did not start again");
            Assert.True(mesh.TypeOnConsole("node-0", "gatt pair"));
            string shown = WaitFor(lines, "(gatt pair); passkey ");
            string passkey = shown.Substring(shown.Length - 6);
            string wrong = ((int.Parse(passkey, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1000000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

            Assert.False(mesh.PairGateway("node-0", out string outcome)); // no agent: Just Works, which a passkey node refuses
            Assert.Contains("SMP pairing failed, reason 0x03", outcome);

            var asked = new ConcurrentQueue<string>();
            gateway.PasskeyAgent = address =>
            {
                asked.Enqueue(address);
                return asked.Count == 1 ? "12ab56" : asked.Count == 2 ? wrong : " " + passkey + " ";
            };
            Assert.False(mesh.PairGateway("node-0", out outcome));
            Assert.Equal("gateway: pairing with " + network.Hub.Find("node-0").Address + ": cancelled (a passkey is 6 digits, not '12ab56')", outcome);
            Assert.False(mesh.PairGateway("node-0", out outcome));
            Assert.Contains("SMP pairing failed, reason 0x04", outcome); // confirm value failed: the wrong digits
            Assert.False(gateway.Write("0:READ")); // still no bond: BlueZ's own retry is Just Works, refused

            Assert.True(mesh.PairGateway("node-0", out outcome));
            Assert.Equal("gateway: pairing with " + network.Hub.Find("node-0").Address + ": bonded", outcome);
            Assert.Equal(new[] { network.Hub.Find("node-0").Address, network.Hub.Find("node-0").Address, network.Hub.Find("node-0").Address }, asked.ToArray());
            Assert.NotNull(gateway.WaitForConnectionOtherThan(null, 10000));
            Assert.True(gateway.Write("0:READ"), gateway.LastWriteError);
            Assert.True(gateway.Messages.TryTake(out string message, 20000), "no answer from node-0");
            Assert.StartsWith("NODE0:DATA:", message);
        }

        private static string WaitFor(BlockingCollection<string> lines, string part)
        {
            while (lines.TryTake(out string line, 30000))
            {
                if (line.Contains(part, StringComparison.Ordinal))
                {
                    return line;
                }
            }

            Assert.Fail("node-0 never printed '" + part + "'");
            return null;
        }
    }
}
