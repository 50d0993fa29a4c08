using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// Directed paths installed by the Provisioner image (issue 15 part 6; docs/directed-forwarding.md "Installing the paths"): six
    /// universal nodes in a line, each hearing only its neighbours (and the provisioner), get their relays from the survey and then
    /// their fixed paths toward the gateway named on the console through the emulated stacks' DF servers — nothing is installed
    /// directly. An ALL:READ from the gateway is answered by every node along the paths (directed PDUs relayed, no flooding
    /// fallback); a power cut of the provisioner in the middle of the installation ends with every path installed all the same.
    /// </summary>
    [LongRunning(60)]
    public class DirectedPathsNetworkTests
    {
        private static readonly string[] Line = Enumerable.Range(0, 6).Select(i => "node-" + i).ToArray();

        [Fact]
        public void TheProvisionerInstallsThePathsAndAnAllReadFromTheGatewayTravelsThem()
        {
            using ProvisionedMesh mesh = LineMesh(AirModel.Timed);
            mesh.Type("gateway " + mesh.NodeIdOf("node-0"));
            mesh.WaitForProvisioner(l => l.StartsWith("gateways: " + mesh.NodeIdOf("node-0"), StringComparison.Ordinal), 10000);
            string installing = mesh.WaitForProvisioner(l => l.Contains("installing directed paths toward", StringComparison.Ordinal), 120000);
            Assert.Contains("0x" + mesh.Device("node-0").Radio.UnicastAddress.ToString("X4"), installing);
            mesh.WaitForProvisioner(l => l.Contains("relay plan applied", StringComparison.Ordinal), 60000);

            AssertPathsInstalled(mesh);
            AssertAllReadTravelsThePaths(mesh);
        }

        [Fact]
        public void APowerCutOfTheProvisionerMidInstallEndsWithEveryPathInstalled()
        {
            using ProvisionedMesh mesh = LineMesh(AirModel.Timed);
            mesh.Type("gateway " + mesh.NodeIdOf("node-0"));
            mesh.WaitForProvisioner(l => l.Contains("installing directed paths toward", StringComparison.Ordinal), 120000);
            DateTime deadline = DateTime.UtcNow.AddSeconds(60);
            while (Line.All(name => mesh.Device(name).Radio.ForwardingEntries == 0))
            {
                Assert.True(DateTime.UtcNow < deadline, "no path installed in time; transcript:\n" + string.Join("\n", mesh.ProvisionerTranscript));
                System.Threading.Thread.Yield();
            }

            mesh.PowerOff("provisioner"); // some nodes hold paths, others not yet
            Assert.Contains(Line, name => !mesh.Device(name).Radio.DirectedForwardingOn);
            mesh.PowerOn("provisioner");
            string installing = mesh.WaitForProvisioner(l => l.Contains("installing directed paths toward", StringComparison.Ordinal), 180000);
            Assert.Contains("0x" + mesh.Device("node-0").Radio.UnicastAddress.ToString("X4"), installing); // the gateway survived on flash
            mesh.WaitForProvisioner(l => l.Contains("relay plan applied", StringComparison.Ordinal), 60000);

            AssertPathsInstalled(mesh);
            AssertAllReadTravelsThePaths(mesh);
        }

        /// <summary>Six universal nodes in a line on <paramref name="air"/>, configured, before the relay survey's selection.</summary>
        private static ProvisionedMesh LineMesh(AirModel air)
        {
            var mesh = new ProvisionedMesh(universal: 6, relays: 0, air);
            mesh.HearInALine(Line);
            mesh.PowerOn();
            mesh.WaitUntilConfigured(6, 90000);
            return mesh;
        }

        /// <summary>Relay node-k (1–4) holds the region paths of node-k..node-4 (its own and those whose chain crosses it), node-0 (the gateway) all four, node-5 its own.</summary>
        private static void AssertPathsInstalled(ProvisionedMesh mesh)
        {
            Assert.All(Line, name => Assert.True(mesh.Device(name).Radio.DirectedForwardingOn, name + ": Directed Forwarding off"));
            Assert.Equal(new[] { 4, 4, 3, 2, 1, 1 }, Line.Select(name => mesh.Device(name).Radio.ForwardingEntries).ToArray());
        }

        private static void AssertAllReadTravelsThePaths(ProvisionedMesh mesh)
        {
            long relayedBefore = Line.Sum(name => mesh.Device(name).Radio.DirectedRelays);
            Assert.Equal(Line.Skip(1).Select(n => "NODE" + mesh.NodeIdOf(n)).ToHashSet(), mesh.AllReadAnswers("node-0", 5));
            Assert.True(Line.Sum(name => mesh.Device(name).Radio.DirectedRelays) > relayedBefore, "no answer was relayed along a directed path");
            Assert.All(Line, name => Assert.Equal(0, mesh.Device(name).Radio.DirectedFloodingFallbacks));
        }
    }
}
