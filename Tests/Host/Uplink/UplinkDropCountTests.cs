using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>
    /// A queue forced small (8 readings) through a router outage: the oldest readings are dropped, the newest arrive in order,
    /// and the number dropped is published once the link returns: every reading missing at the consumer is counted (the count may
    /// also include readings of a batch the broker took without acknowledging it before the link died).
    /// </summary>
    [LongRunning(35)]
    public sealed class UplinkDropCountTests
    {
        [Fact]
        public void AFullQueueDropsTheOldestAndPublishesHowManyWhenTheLinkReturns()
        {
            using var mesh = new UplinkMesh(nodes: 3, periodSeconds: 1, queueCapacity: 8);
            string[] ids = Enumerable.Range(0, 3).Select(mesh.ObjectId).ToArray();
            foreach (string id in ids)
            {
                mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/state", 40000);
            }

            int outageStart = mesh.Recorder.Count;
            mesh.Router.IsUp = false;
            Thread.Sleep(20000); // the scenario: a 20 s outage at 3 readings per second, far more than 8 fit even when the bridge takes seconds to see the link gone
            int[] sequencesAtRecovery = mesh.Nodes.Select(n => n.Firmware.Uplink.Reporter.NextSequence).ToArray();
            mesh.Router.IsUp = true;

            mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/bridge/dropped", 40000, outageStart);
            for (int i = 0; i < 3; i++)
            {
                string id = ids[i];
                int target = sequencesAtRecovery[i] - 1;
                mesh.Recorder.WaitUntil(messages => mesh.Recorder.States(id).Any(s => s.Sequence >= target), 30000, id + " up to sequence " + target);
            }

            // Every node numbers its readings from 0 (fresh flash): whatever is missing from 0 to the last one delivered was dropped from the
            // full queue, before the outage too (the takeover's replay of what the bridge heard while listening overflows 8 places).
            int missing = 0;
            for (int i = 0; i < 3; i++)
            {
                List<int> sequences = mesh.Recorder.States(ids[i]).Select(s => s.Sequence).Distinct().ToList();
                Assert.Equal(sequences.OrderBy(s => s), sequences); // what arrives is still in order
                missing += Enumerable.Range(0, sequences.Max() + 1).Count(s => !sequences.Contains(s));
            }

            List<MqttRecorder.Message> reports = mesh.Recorder.On(t => t == "dcmonitor/bridge/dropped");
            int reported = reports.Sum(m => int.Parse(m.Text));
            Assert.True(mesh.Recorder.All().Skip(outageStart).Where(m => m.Topic == "dcmonitor/bridge/dropped").Sum(m => int.Parse(m.Text)) >= 10,
                "a 20 s outage at 3 readings/s overflows 8 places: " + string.Join("+", reports.Select(m => m.Text)));
            // Every missing reading is counted: dropped from the full queue, or missed on the mesh (every copy of its report lost on the air
            // before the bridge heard it). The count may exceed them by readings the broker took but did not acknowledge before the link
            // died (sent again later, or dropped while waiting): at most one batch.
            int missed = mesh.ReadingsMissedByBridge();
            reported += missed;
            Assert.True(reported >= missing && reported - missing <= DcMonitor.UniversalNode.Uplink.MqttSession.MaximumBatch, "missing " + missing + ", reported " + string.Join("+", reports.Select(m => m.Text)) + " dropped + " + missed + " missed on the mesh; "
                + string.Join(" / ", ids.Select(id => string.Join(",", mesh.Recorder.States(id).Select(s => s.Sequence)))));
        }
    }
}
