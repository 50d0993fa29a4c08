using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Emulator.Demo;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// A fresh mesh of 24 universal nodes in a building (a 5 × 5 grid, 4 hops corner to corner) on the timed air, collisions on,
    /// provisioned by the Provisioner image in range of every device (docs/provisioning.md, "Pacing"): every device is admitted
    /// exactly once — no node times out as an orphan and resets — all are fully configured, the relay plan is applied and an
    /// ALL:READ from a corner is answered by every other node. Before the pacing, admissions ran ahead of a configuration slowed
    /// by every new node relaying, and nodes waited past their 30 s orphan watch, reset and were admitted again.
    /// </summary>
    [LongRunning(150)]
    public class FreshTimedMeshTests
    {
        private const int Nodes = 24;

        [Fact]
        public void AFreshBuildingOnTheTimedAirIsConfiguredWithoutOrphanResetsAndAnswersAllRead()
        {
            using var mesh = new ProvisionedMesh(universal: Nodes, relays: 0, AirModel.Timed);
            MeshLayout.Apply(mesh.Air, MeshLayout.Building, Nodes, 0.0); // the provisioner stays in range of every node
            mesh.PowerOn();

            mesh.WaitUntilConfigured(Nodes, 240000);
            string[] transcript;
            lock (mesh.ProvisionerTranscript)
            {
                transcript = mesh.ProvisionerTranscript.ToArray();
            }

            string log = string.Join("\n", transcript);
            Assert.True(Nodes == transcript.Count(l => l.Contains("admitting device", StringComparison.Ordinal)), "admissions:\n" + log);
            Assert.DoesNotContain(transcript, l => l.Contains("advertises as unprovisioned again", StringComparison.Ordinal));

            mesh.WaitForProvisioner(l => l.Contains("relay plan applied", StringComparison.Ordinal), 240000);
            var pi = new PiCentral(mesh.Universal("node-0").Radio);
            pi.Write("ALL:READ");
            var answered = new HashSet<string>();
            DateTime deadline = DateTime.UtcNow.AddSeconds(40);
            while (answered.Count < Nodes - 1 && DateTime.UtcNow < deadline)
            {
                string message = pi.Next(40000);
                if (message.Contains(":DATA:", StringComparison.Ordinal) && !message.StartsWith("NODE" + mesh.NodeIdOf("node-0") + ":", StringComparison.Ordinal))
                {
                    answered.Add(message.Substring(0, message.IndexOf(':')));
                }
            }

            var expected = Enumerable.Range(1, Nodes - 1).Select(i => "NODE" + mesh.NodeIdOf("node-" + i)).ToHashSet();
            Assert.Equal(expected, answered);
        }
    }
}
