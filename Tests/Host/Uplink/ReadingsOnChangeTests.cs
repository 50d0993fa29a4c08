using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>
    /// Readings go out on change as well as every period (issue "MQTT uplink", Behaviour): with a 30 s period, a duty changed on
    /// a node's serial console reaches MQTT within seconds (the node reports once the INA260 settled, the bridge sends at once).
    /// </summary>
    public sealed class ReadingsOnChangeTests
    {
        [Fact]
        public void ADutyChangeIsPublishedWithinSecondsNotAtTheNextPeriod()
        {
            using var mesh = new UplinkMesh(nodes: 2, periodSeconds: 30);
            string id = mesh.ObjectId(1);
            mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/state", 60000);

            int from = mesh.Recorder.Count;
            var clock = Stopwatch.StartNew();
            Assert.StartsWith("D:30%", mesh.Consoles[1].Ask("duty:30"));
            MqttRecorder.Message state = mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/state"
                && JsonDocument.Parse(m.Payload).RootElement.GetProperty("duty").GetInt32() == 30, 25000, from);
            Assert.True(clock.ElapsedMilliseconds < 10000, "published after " + clock.ElapsedMilliseconds + " ms, the period is 30 s");
            Assert.InRange(JsonDocument.Parse(state.Payload).RootElement.GetProperty("current").GetDecimal(), 75 - 15, 75 + 15); // 250 mA × 30 %, settled
        }
    }
}
