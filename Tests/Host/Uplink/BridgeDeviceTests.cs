using System.Linq;
using System.Text.Json;
using DcMonitor.Shared;
using DcMonitor.Shared.Uplink;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>
    /// The elected bridge as its own Home Assistant device (issue "Home Assistant-native"): it announces its device (identity from its
    /// device UUID, sw_version from FirmwareVersion), names itself on <c>&lt;prefix&gt;/bridge/current</c>, publishes its diagnostic state,
    /// and every node device names it in <c>via_device</c>; every discovery payload on the broker passes the Home Assistant schema. After a
    /// power cut of the bridge, the successor announces its own device and the nodes' via_device follows it.
    /// </summary>
    [LongRunning(21)]
    public sealed class BridgeDeviceTests
    {
        [Fact]
        public void TheBridgeIsADeviceTheNodesHangFromAndFailoverMovesThem()
        {
            using var mesh = new UplinkMesh(nodes: 3, periodSeconds: 2);
            string first = BridgeDiscovery.ObjectId(mesh.Nodes[0].Radio.DeviceUuid);
            MqttRecorder.Message config = mesh.Recorder.WaitFor(m => m.Topic == "homeassistant/device/" + first + "/config", 40000);
            HomeAssistantSchema.AssertValid(config.Text);
            using (JsonDocument device = JsonDocument.Parse(config.Text))
            {
                Assert.Equal(first, device.RootElement.GetProperty("dev").GetProperty("ids")[0].GetString());
                Assert.Equal(FirmwareVersion.Number, device.RootElement.GetProperty("dev").GetProperty("sw").GetString());
                Assert.All(device.RootElement.GetProperty("cmps").EnumerateObject(), c => Assert.Equal("diagnostic", c.Value.GetProperty("entity_category").GetString()));
            }

            mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/bridge/current" && m.Text == first, 10000);
            string node2 = mesh.ObjectId(2);
            AssertViaDevice(mesh, node2, first, 0);

            MqttRecorder.Message diagnostics = mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/bridge/" + first + "/diagnostics"
                && JsonDocument.Parse(m.Payload).RootElement.GetProperty("nodes").GetInt32() == 3, 40000);
            using (JsonDocument state = JsonDocument.Parse(diagnostics.Payload))
            {
                Assert.InRange(state.RootElement.GetProperty("queue").GetInt32(), 0, 4096); // the largest queue setting
                Assert.Equal(0, state.RootElement.GetProperty("dropped").GetInt32());
                Assert.True(state.RootElement.GetProperty("uptime").GetInt64() > 0);
            }

            foreach (MqttRecorder.Message discovery in mesh.Recorder.On(t => t.StartsWith("homeassistant/device/", System.StringComparison.Ordinal)).Where(m => m.Payload.Length > 0))
            {
                HomeAssistantSchema.AssertValid(discovery.Text);
            }

            int cut = mesh.Recorder.Count;
            mesh.PowerCut(0);
            string second = BridgeDiscovery.ObjectId(mesh.Nodes[1].Radio.DeviceUuid);
            mesh.Recorder.WaitFor(m => m.Topic == "homeassistant/device/" + second + "/config", BridgeElection.TakeoverBoundMilliseconds + 20000, cut);
            mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/bridge/current" && m.Text == second, 10000, cut);
            AssertViaDevice(mesh, node2, second, cut);
        }

        private static void AssertViaDevice(UplinkMesh mesh, string node, string bridge, int from)
        {
            MqttRecorder.Message config = mesh.Recorder.WaitFor(m => m.Topic == "homeassistant/device/" + node + "/config"
                && JsonDocument.Parse(m.Payload).RootElement.GetProperty("dev").TryGetProperty("via_device", out JsonElement via) && via.GetString() == bridge, 40000, from);
            HomeAssistantSchema.AssertValid(config.Text);
        }
    }
}
