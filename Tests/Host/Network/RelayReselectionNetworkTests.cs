using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// Re-selection of relays (issue 15 part 3): the provisioner's watch notices a node that stopped answering and plans the
    /// rest again. In its own class (the watch takes most of a minute) so that it runs beside the other relay-planner test.
    /// </summary>
    [LongRunning(50)]
    public class RelayReselectionNetworkTests
    {
        [Fact]
        public void ANodeThatDisappearsIsSeenByTheWatchAndTheRestIsPlannedAgain()
        {
            using var mesh = new ProvisionedMesh(universal: 4, relays: 0);
            string[] line = Enumerable.Range(0, 4).Select(i => "node-" + i).ToArray();
            mesh.HearOnly("node-0", "provisioner", "node-1");
            mesh.HearOnly("node-1", "provisioner", "node-0", "node-2", "node-3");
            mesh.HearOnly("node-2", "provisioner", "node-1", "node-3");
            mesh.HearOnly("node-3", "provisioner", "node-1", "node-2");
            mesh.PowerOn();
            mesh.WaitUntilConfigured(4, 90000);
            ((DcMonitor.Emulator.Nodes.EmulatedProvisionerNode)mesh.Device("provisioner")).Firmware.Relays.WatchPeriodMilliseconds = 1000;
            // The first plan may cover only the nodes admitted by then (a node provisioned late under load is planned again when it joins).
            Assert.Contains("selected 1 of 4 nodes relay", mesh.WaitForProvisioner(l => l.Contains(" of 4 nodes relay:", StringComparison.Ordinal), 120000));
            mesh.WaitForProvisioner(l => l.Contains("relay plan applied", StringComparison.Ordinal), 60000);
            Assert.True(mesh.Device("node-1").Radio.RelayFeatureOn, "node-1 joins node-0 to the others");

            mesh.PowerOff("node-1"); // node-0 now hears nobody but the provisioner
            Assert.Contains(" is gone: planning again", mesh.WaitForProvisioner(l => l.Contains(" is gone", StringComparison.Ordinal), 90000));
            string again = mesh.WaitForProvisioner(l => l.Contains("nodes relay:", StringComparison.Ordinal), 120000);
            Assert.Contains("no relay set serves every node", again);
            mesh.WaitForProvisioner(l => l.Contains("relay plan applied", StringComparison.Ordinal), 60000);
            Assert.True(mesh.Device("node-2").Radio.RelayFeatureOn, "fallback: every remaining node relays");
        }
    }
}
