using System;
using System.Linq;
using System.Threading;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;
using Xunit.Abstractions;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>
    /// Store-and-forward through a router outage of 60 s during which the broker is also killed and restarted (issue "MQTT
    /// uplink", Tests): the bridge keeps every reading, and once the link is back every reading arrives, complete and in order
    /// per node. QoS 1 is at-least-once: a reading the broker had taken but not acknowledged before the link died is sent again and
    /// recognised by its sequence number, so the consumer sees each sequence number exactly once. (A frozen broker: see
    /// <see cref="SilentBrokerTests"/>.)
    /// </summary>
    [LongRunning(85)]
    public sealed class UplinkOutageTests
    {
        private const int OutageMilliseconds = 60000;
        private readonly ITestOutputHelper _output;

        public UplinkOutageTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void EveryReadingArrivesOnceInOrderAfterARouterOutageAndABrokerRestart()
        {
            using var mesh = new UplinkMesh(nodes: 3, periodSeconds: 2);
            string[] ids = Enumerable.Range(0, 3).Select(mesh.ObjectId).ToArray();
            foreach (string id in ids)
            {
                mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/state", 40000);
            }

            int[] before = ids.Select(id => mesh.Recorder.States(id).Max(s => s.Sequence)).ToArray();
            mesh.Router.IsUp = false;
            Thread.Sleep(OutageMilliseconds / 3); // the scenario: the router has been down for 20 s ...
            mesh.Broker.Kill(); // ... when the broker dies too ...
            mesh.Broker.Start(); // ... and comes back empty (no persistence)
            mesh.Recorder.Connect(); // the consumer resubscribes before the router returns, so nothing published later escapes it
            Thread.Sleep(OutageMilliseconds * 2 / 3); // the rest of the 60 s outage

            int[] sequencesAtRecovery = mesh.Nodes.Select(n => n.Firmware.Uplink.Reporter.NextSequence).ToArray();
            string queued = mesh.Nodes[0].Firmware.Uplink.Describe();
            _output.WriteLine("at recovery, bridge: " + queued);
            mesh.Router.IsUp = true;

            for (int i = 0; i < 3; i++)
            {
                string id = ids[i];
                int target = sequencesAtRecovery[i] - 1;
                mesh.Recorder.WaitUntil(messages => mesh.Recorder.States(id).Any(s => s.Sequence >= target), 60000, id + " up to sequence " + target);
            }

            int repeats = 0;
            int missing = 0;
            int delivered = 0;
            var missingText = new System.Collections.Generic.List<string>();
            var loggedAsMissed = mesh.ReadingsLoggedAsMissed();
            for (int i = 0; i < 3; i++)
            {
                var sequences = mesh.Recorder.States(ids[i]).Select(s => s.Sequence).ToList();
                repeats += UplinkMesh.AssertInOrder(ids[i], sequences, out System.Collections.Generic.List<int> gaps);
                missing += gaps.Count;
                Assert.All(gaps, sequence => Assert.Contains((i, sequence), loggedAsMissed)); // lost on the air, and said so
                delivered += sequences.Distinct().Count();
                missingText.Add(ids[i] + ": " + string.Join(",", gaps));
                int duringOutage = sequencesAtRecovery[i] - 1 - before[i];
                Assert.True(duringOutage >= OutageMilliseconds / 2000 - 2, ids[i] + ": only " + duringOutage + " readings during the outage");
                Assert.Contains(before[i] + 1, sequences);
            }

            // Nothing is lost between the bridge and the consumer: a reading that never arrived is one the bridge never heard, every copy of
            // its report lost on the (timed) air, and it said so (checked above; counted in uplink and the diagnostics' "missed"). Such losses stay rare.
            Assert.True(missing * 50 <= delivered, missing + " of " + (missing + delivered) + " readings lost on the mesh: " + string.Join("; ", missingText));
            _output.WriteLine("repeated deliveries (QoS 1, recognised by sequence): " + repeats + "; missed on the mesh: " + missing);
            Assert.True(repeats <= DcMonitor.UniversalNode.Uplink.MqttSession.MaximumBatch, "at most one unacknowledged batch is sent again");
        }
    }
}
