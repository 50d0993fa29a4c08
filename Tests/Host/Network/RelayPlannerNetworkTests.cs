using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// Relay selection by the provisioner over the emulated air (issue 15 part 3): nodes in a line, each hearing only its
    /// neighbours (and the provisioner, which admitted them over PB-ADV), are surveyed with heartbeats; the provisioner turns Relay
    /// on for the inner nodes only and off at both ends, and an ALL:READ from one end is still answered by every other node.
    /// </summary>
    [LongRunning(20)]
    public class RelayPlannerNetworkTests
    {
        [Fact]
        public void ALineRelaysThroughItsInnerNodesOnlyAndAllReadStillReachesEveryNode()
        {
            using var mesh = new ProvisionedMesh(universal: 6, relays: 0);
            string[] line = Enumerable.Range(0, 6).Select(i => "node-" + i).ToArray();
            mesh.HearInALine(line);
            mesh.PowerOn();
            mesh.WaitUntilConfigured(6, 90000);
            // The first plan may cover only the nodes admitted by then (a node provisioned late under load is planned again when it joins).
            string selected = mesh.WaitForProvisioner(l => l.Contains(" of 6 nodes relay:", StringComparison.Ordinal), 120000);
            Assert.True(selected.Contains("selected 4 of 6 nodes relay", StringComparison.Ordinal), string.Join("\n", mesh.ProvisionerTranscript));
            mesh.WaitForProvisioner(l => l.Contains("relay plan applied", StringComparison.Ordinal), 60000);
            Assert.False(mesh.Device("node-0").Radio.RelayFeatureOn, "an end of the line relays");
            Assert.False(mesh.Device("node-5").Radio.RelayFeatureOn, "an end of the line relays");
            Assert.All(line.Skip(1).Take(4), name => Assert.True(mesh.Device(name).Radio.RelayFeatureOn, name + " does not relay"));
            mesh.Type("relays");
            string listed = mesh.WaitForProvisioner(l => l.StartsWith("relays (", StringComparison.Ordinal), 10000);
            Assert.StartsWith("relays (4 of 6 nodes):", listed);
            Assert.All(line.Skip(1).Take(4), name => Assert.Contains("0x" + mesh.Device(name).Radio.UnicastAddress.ToString("X4"), listed));

            Assert.Equal(line.Skip(1).Select(n => "NODE" + mesh.NodeIdOf(n)).ToHashSet(), mesh.AllReadAnswers("node-0", 5));
        }
    }
}
