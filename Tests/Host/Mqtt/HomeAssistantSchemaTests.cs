using System.Text.Json.Nodes;
using DcMonitor.Shared;
using DcMonitor.Shared.Uplink;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Mqtt
{
    /// <summary>
    /// Every discovery payload the firmware builds (a node's, with and without its bridge, and the bridge's own device) against the
    /// project's JSON Schema of Home Assistant's MQTT discovery validation (Tests/Host/Mqtt/Schemas/), and the schema refusing what
    /// Home Assistant refuses or would silently drop: an unknown key, a unit foreign to the device class, a state class the class does
    /// not take, a QoS above 2, an unknown entity category or platform, a device without identifiers.
    /// </summary>
    public sealed class HomeAssistantSchemaTests
    {
        private static readonly byte[] Uuid = { 0xDD, 0xDD, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0, 0, 0, 0, 0, 0, 0, 0 };
        private static readonly byte[] BridgeUuid = { 0xDD, 0xDD, 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0, 0, 0, 0, 0, 0, 0, 0 };

        [Fact]
        public void EveryPayloadTheFirmwareBuildsIsValid()
        {
            HomeAssistantSchema.AssertValid(HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid, 3, FirmwareVersion.Number));
            HomeAssistantSchema.AssertValid(NodePayload());
            HomeAssistantSchema.AssertValid(HomeAssistantDiscovery.DevicePayload("site/dc", Uuid, 7, "1.0\"beta", BridgeDiscovery.ObjectId(BridgeUuid)));
            HomeAssistantSchema.AssertValid(BridgePayload());
        }

        [Fact]
        public void AbbreviatedKeysAreAcceptedAsTheirFullNames()
        {
            JsonNode payload = JsonNode.Parse(NodePayload());
            JsonObject current = payload["cmps"]["current"].AsObject();
            Rename(current, "unit_of_measurement", "unit_of_meas");
            Rename(current, "device_class", "dev_cla");
            Rename(current, "suggested_display_precision", "sug_dsp_prc");
            Rename(payload.AsObject(), "state_topic", "stat_t");
            HomeAssistantSchema.AssertValid(payload.ToJsonString());
        }

        [Theory]
        [InlineData("an unknown key", "cmps.current", "unit", "mA")]
        [InlineData("a unit foreign to the device class", "cmps.current", "unit_of_measurement", "V")]
        [InlineData("a unit foreign to the device class, abbreviated", "cmps.voltage", "unit_of_measurement", "mA")]
        [InlineData("energy as a measurement", "cmps.energy", "state_class", "measurement")]
        [InlineData("an unknown device class", "cmps.power", "device_class", "wattage")]
        [InlineData("an unknown entity category", "cmps.current", "entity_category", "diagnostics")]
        [InlineData("an unknown platform", "cmps.duty", "p", "slider")]
        [InlineData("a negative display precision", "cmps.current", "suggested_display_precision", -1)]
        [InlineData("QoS 3", "", "qos", 3)]
        [InlineData("QoS 3 in a component", "cmps.voltage", "qos", 3)]
        [InlineData("an unknown availability mode", "", "availability_mode", "every")]
        [InlineData("an unknown key in the device", "dev", "serial", "1")]
        [InlineData("an origin without a name", "o", "name", null)]
        [InlineData("an empty identifier list", "dev", "ids", "[]")]
        public void TheSchemaRefusesABrokenNodePayload(string what, string path, string key, object value)
        {
            Assert.Null(HomeAssistantSchema.Problems(NodePayload()));
            JsonNode payload = JsonNode.Parse(NodePayload());
            JsonObject target = payload.AsObject();
            foreach (string part in path.Split('.', System.StringSplitOptions.RemoveEmptyEntries))
            {
                target = target[part].AsObject();
            }

            if (value == null)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = value is string text && text.StartsWith('[') ? JsonNode.Parse(text) : JsonValue.Create(value);
            }

            if (what.EndsWith("abbreviated"))
            {
                Rename(target, key, "unit_of_meas");
            }

            Assert.True(HomeAssistantSchema.Problems(payload.ToJsonString()) != null, what + " passed the schema");
        }

        [Fact]
        public void TheSchemaRefusesABrokenBridgePayload()
        {
            JsonNode payload = JsonNode.Parse(BridgePayload());
            payload["cmps"]["uptime"]["unit_of_measurement"] = "seconds";
            Assert.NotNull(HomeAssistantSchema.Problems(payload.ToJsonString()));
            payload = JsonNode.Parse(BridgePayload());
            payload["cmps"]["connected"]["device_class"] = "duration";
            Assert.NotNull(HomeAssistantSchema.Problems(payload.ToJsonString()));
            payload = JsonNode.Parse(BridgePayload());
            payload.AsObject().Add("availability_topic", "dcmonitor/bridge/availability"); // exclusive with availability
            Assert.NotNull(HomeAssistantSchema.Problems(payload.ToJsonString()));
            payload = JsonNode.Parse(BridgePayload());
            payload["cmps"]["queue"].AsObject().Add("val_tpl", "{{ value_json.queue }}"); // beside value_template
            Assert.NotNull(HomeAssistantSchema.Problems(payload.ToJsonString()));
        }

        private static string NodePayload() => HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid, 3, FirmwareVersion.Number, BridgeDiscovery.ObjectId(BridgeUuid));

        private static string BridgePayload() => BridgeDiscovery.DevicePayload("dcmonitor", BridgeUuid, FirmwareVersion.Number);

        private static void Rename(JsonObject target, string from, string to)
        {
            JsonNode value = target[from];
            target.Remove(from);
            target[to] = value;
        }
    }
}
