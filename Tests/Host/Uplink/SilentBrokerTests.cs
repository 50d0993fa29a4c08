using System.Linq;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;
using Xunit.Abstractions;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>
    /// A broker that stops answering (frozen: the connection looks alive) is noticed by the uplink's watchdog (no PUBACK in
    /// time) and the connection recycled; nothing is lost (issue "MQTT uplink", Tests). Apart from the router outage of
    /// <see cref="UplinkOutageTests"/> so that the two long scenarios run side by side.
    /// </summary>
    [LongRunning(25)]
    public sealed class SilentBrokerTests
    {
        private readonly ITestOutputHelper _output;

        public SilentBrokerTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void ASilentConnectionIsRecycledAndNothingIsLost()
        {
            using var mesh = new UplinkMesh(nodes: 2, periodSeconds: 2);
            string[] ids = Enumerable.Range(0, 2).Select(mesh.ObjectId).ToArray();
            foreach (string id in ids)
            {
                mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/state", 40000);
            }

            mesh.Broker.Pause(); // the broker freezes: the TCP connection stays up, nothing is acknowledged
            string recycled = mesh.Consoles[0].WaitFor(line => line.Contains("connection recycled"),
                DcMonitor.UniversalNode.Uplink.MqttSession.AcknowledgementTimeoutMilliseconds + 2 * mesh.PeriodSeconds * 1000 + 2000);
            _output.WriteLine(recycled);
            mesh.Broker.Resume();

            int[] sequencesNow = mesh.Nodes.Select(n => n.Firmware.Uplink.Reporter.NextSequence).ToArray();
            for (int i = 0; i < 2; i++)
            {
                string id = ids[i];
                int target = sequencesNow[i];
                mesh.Recorder.WaitUntil(messages => mesh.Recorder.States(id).Any(s => s.Sequence >= target), 60000, id + " past sequence " + target);
                UplinkMesh.AssertCompleteAndInOrder(id, mesh.Recorder.States(id).Select(s => s.Sequence).ToList());
            }
        }
    }
}
