using System;
using DcMonitor.Emulator.Nodes;
using DcMonitor.RelayNode;
using DcMonitor.RelayNode.Terminal;
using DcMonitor.Shared;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// The relay node's serial console (issue "A product a newcomer can pick up" §2: a <c>version</c> command and the boot
    /// banner on every image's console): banner, <c>version</c>, <c>help</c>, <c>status</c> before and after provisioning,
    /// unknown commands named.
    /// </summary>
    public class RelayConsoleTests
    {
        [Fact]
        public void PrintsItsBannerAnswersVersionAndReportsItsMeshState()
        {
            using var mesh = new ProvisionedMesh(universal: 0, relays: 1);
            mesh.PowerOn("relay-0");
            var console = new NodeConsole(((EmulatedRelayNode)mesh.Device("relay-0")).Console);
            string banner = "[boot] " + FirmwareVersion.Banner(RelayNodeApp.ImageName);
            console.WaitFor(line => line == banner);

            console.Type("version");
            console.WaitFor(line => line == FirmwareVersion.Banner(RelayNodeApp.ImageName));
            console.Type("help");
            console.WaitFor(line => line == RelayConsole.HelpLine);
            console.Type("frobnicate");
            console.WaitFor(line => line == "error: unknown command 'frobnicate' (type 'help')");
            console.Type("status");
            console.WaitFor(line => line.StartsWith("not provisioned", StringComparison.Ordinal));

            mesh.PowerOn("provisioner");
            mesh.WaitUntilConfigured(1);
            console.Type("status");
            string status = console.WaitFor(line => line.StartsWith("provisioned at 0x", StringComparison.Ordinal));
            Assert.Contains(", relay on, default TTL 7, up ", status);
        }
    }
}
