using System;
using System.Text.Json;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.Shared.Battery;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>
    /// A node's battery monitor reading through the mesh to MQTT and Home Assistant (docs/battery-monitor.md), on three emulated
    /// universal nodes and the embedded broker: the reading a node's reader hands on (here handed on its worker queue directly, as
    /// the reader does after a good read: the BLE central is not part of this test) is published to the uplink group, the bridge
    /// puts it on <c>&lt;prefix&gt;/&lt;id&gt;/battery</c> and sends that node's discovery again with the three battery sensors; the
    /// bridge's own reading takes its local path. A node without a monitor keeps five entities. A node's own read of a virtual BM6
    /// (the real reader over the emulated central) reaches MQTT the same way.
    /// </summary>
    [LongRunning(30)]
    public sealed class BatteryUplinkTests : IDisposable
    {
        private const int SetupMilliseconds = 40000;
        private readonly UplinkMesh _mesh = new UplinkMesh(nodes: 3, periodSeconds: 2);

        public BatteryUplinkTests()
        {
            for (int i = 0; i < 3; i++)
            {
                string id = _mesh.ObjectId(i);
                _mesh.Recorder.WaitFor(m => m.Topic == "homeassistant/device/" + id + "/config", SetupMilliseconds);
            }
        }

        public void Dispose() => _mesh.Dispose();

        [Fact]
        public void ABatteryReadingReachesMqttAndAddsTheBatterySensorsToThatNodeOnly()
        {
            Assert.Equal(0x0005, _mesh.Bridge());
            HandOn(1, 1271, 87, 21);
            HandOn(0, 1190, 40, -5); // the bridge's own node

            AssertPublished(1, "{\"voltage\":12.71,\"state_of_charge\":87,\"temperature\":21,\"age\":0}");
            AssertPublished(0, "{\"voltage\":11.90,\"state_of_charge\":40,\"temperature\":-5,\"age\":0}");
            string other = _mesh.ObjectId(2);
            foreach (MqttRecorder.Message discovery in _mesh.Recorder.On(t => t == "homeassistant/device/" + other + "/config"))
            {
                HomeAssistantRules.AssertDevicePayload(discovery.Text); // five components, no battery
            }
        }

        [Fact]
        public void ANodesOwnBm6ReadReachesMqtt()
        {
            const string Address = "A4:1E:2D:3C:4B:5A";
            var monitor = new VirtualBatteryMonitor(VirtualBatteryMonitor.ParseAddress(Address), "bm6-0");
            monitor.SetBattery(13.02, 95, -3);
            monitor.PlaceOn(_mesh.Air);
            NodeConsole console = _mesh.Consoles[2];
            Assert.StartsWith("BM6 " + Address + " read every", console.Ask("bm6 use " + Address));
            Assert.Equal("BM6 reading " + Address + "...", console.Ask("bm6 read"));
            Assert.Equal("BATT:V:13.02V,SOC:95%,T:-3C", console.NextReply(25000));

            AssertPublished(2, "{\"voltage\":13.02,\"state_of_charge\":95,\"temperature\":-3,\"age\":0}");
        }

        /// <summary>Hands a reading to node <paramref name="index"/>'s uplink on its worker queue, as its battery reader does.</summary>
        private void HandOn(int index, int centivolts, int stateOfCharge, int celsius)
        {
            var reading = new BatteryReading();
            reading.Set(centivolts, stateOfCharge, celsius);
            var firmware = _mesh.Nodes[index].Firmware;
            Assert.True(firmware.Executor.SubmitInOrder(delegate { firmware.Uplink.Reporter.PublishBattery(reading); }));
        }

        private void AssertPublished(int index, string state)
        {
            string id = _mesh.ObjectId(index);
            MqttRecorder.Message battery = _mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/battery", 20000);
            Assert.Equal(state, battery.Text);
            MqttRecorder.Message discovery = _mesh.Recorder.WaitFor(m => m.Topic == "homeassistant/device/" + id + "/config" && m.Text.Contains("battery_voltage"), 20000);
            HomeAssistantRules.AssertDevicePayload(discovery.Text, 8);
            using JsonDocument document = JsonDocument.Parse(discovery.Text);
            Assert.Equal("dcmonitor/" + id + "/battery", document.RootElement.GetProperty("cmps").GetProperty("battery_state_of_charge").GetProperty("state_topic").GetString());
        }
    }
}
