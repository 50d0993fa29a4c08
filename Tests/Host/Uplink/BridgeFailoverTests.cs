using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using DcMonitor.Shared.Uplink;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;
using Xunit.Abstractions;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>
    /// The bridge loses power (issue "MQTT uplink", Tests): the next candidate takes over within the stated bound
    /// (BridgeElection.TakeoverBoundMilliseconds), readings continue with none missing (the new bridge replays what it heard
    /// meanwhile), the silent node is shown unavailable, and when the first bridge returns the two never bridge together for more
    /// than a heartbeat period, the bridge stays available and the node available again. The returning node's readings continue
    /// above its last sequence number (kept on flash).
    /// </summary>
    [LongRunning(45)]
    public sealed class BridgeFailoverTests
    {
        private readonly ITestOutputHelper _output;

        public BridgeFailoverTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void AnotherNodeBridgesWhenTheBridgeLosesPowerAndNoReadingIsLost()
        {
            using var mesh = new UplinkMesh(nodes: 3, periodSeconds: 2);
            string[] ids = Enumerable.Range(0, 3).Select(mesh.ObjectId).ToArray();
            foreach (string id in ids)
            {
                mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/state", 40000);
            }

            Assert.Equal(0x0005, mesh.Bridge());
            int lastOfNode0 = mesh.Recorder.States(ids[0]).Max(s => s.Sequence);
            var clock = Stopwatch.StartNew();
            int cut = mesh.Recorder.Count;
            mesh.PowerCut(0);

            mesh.Recorder.WaitUntil(m => mesh.Bridge() == 0x0006, BridgeElection.TakeoverBoundMilliseconds + 5000, "node-1 to take over");
            long takeover = clock.ElapsedMilliseconds;
            _output.WriteLine("takeover after " + takeover + " ms");
            Assert.True(takeover <= BridgeElection.TakeoverBoundMilliseconds + UplinkBridgeTick, "takeover took " + takeover + " ms");

            int[] sequencesAfterTakeover = { 0, mesh.Nodes[1].Firmware.Uplink.Reporter.NextSequence, mesh.Nodes[2].Firmware.Uplink.Reporter.NextSequence };
            for (int i = 1; i < 3; i++)
            {
                string id = ids[i];
                int target = sequencesAfterTakeover[i] + 2;
                mesh.Recorder.WaitUntil(m => mesh.Recorder.States(id).Any(s => s.Sequence >= target), 30000, id + " to go on past sequence " + target);
                UplinkMesh.AssertCompleteAndInOrder(id, mesh.Recorder.States(id).Select(s => s.Sequence).ToList());
            }

            // The new bridge shows the silent node-0 unavailable (its own topic; the bridge topic stays online).
            string availability = "dcmonitor/" + ids[0] + "/availability";
            mesh.Recorder.WaitFor(m => m.Topic == availability && m.Text == "offline", 20000, cut);
            int returning = mesh.Recorder.Count;

            // node-0 comes back: it is the lowest candidate again; the two must not bridge together for long.
            long overlap = 0;
            bool watching = true;
            var watcher = new Thread(() =>
            {
                var sample = Stopwatch.StartNew();
                while (Volatile.Read(ref watching))
                {
                    long started = sample.ElapsedMilliseconds;
                    Thread.Sleep(100); // sampling period of the measurement, not a synchronisation
                    bool both = mesh.Nodes.Count(n => n?.Firmware?.Uplink?.Bridge?.IsBridging == true) > 1; // a booting node has no uplink yet
                    if (both)
                    {
                        Interlocked.Add(ref overlap, sample.ElapsedMilliseconds - started);
                    }
                }
            });
            watcher.Start();
            mesh.PowerOn(0);
            mesh.Recorder.WaitUntil(m => mesh.Bridge() == 0x0005 && !mesh.Nodes[1].Firmware.Uplink.Bridge.IsBridging, 30000, "node-0 to bridge again");
            int returned = mesh.Nodes[0].Firmware.Uplink.Reporter.NextSequence;
            mesh.Recorder.WaitUntil(m => mesh.Recorder.States(ids[0]).Any(s => s.Sequence >= returned + 1), 30000, "node-0's readings after its return");
            Volatile.Write(ref watching, false);
            watcher.Join();

            mesh.Recorder.WaitFor(m => m.Topic == availability && m.Text == "online", 20000, returning);
            mesh.Recorder.WaitUntil(m => m.LastOrDefault(x => x.Topic == "dcmonitor/bridge/availability")?.Text == "online", 10000,
                "the bridge topic to end online (the leaving bridge says offline, the new one answers online)");
            _output.WriteLine("two bridges at once for " + overlap + " ms");
            Assert.True(overlap <= BridgeElection.HeartbeatPeriodMilliseconds, "two bridges published together for " + overlap + " ms");
            Assert.True(returned > lastOfNode0, "after its power cut node-0 continues above sequence " + lastOfNode0 + ", not at " + returned);
        }

        /// <summary>The bridge evaluates the election once a second (UplinkService.TickMilliseconds), plus scheduling slack.</summary>
        private const int UplinkBridgeTick = 2000;
    }
}
