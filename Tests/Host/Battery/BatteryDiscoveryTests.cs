using System.Text.Json;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Uplink;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Battery
{
    /// <summary>
    /// The battery monitor in Home Assistant (docs/battery-monitor.md): a node that reported one gets battery voltage, state of
    /// charge and temperature sensors (device classes voltage, battery, temperature) reading its battery topic, within Home
    /// Assistant's discovery rules; a node without one keeps exactly its five components.
    /// </summary>
    public class BatteryDiscoveryTests
    {
        private static readonly byte[] Uuid = { 0xDD, 0xDD, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0, 0, 0, 0, 0, 0, 0, 0 };

        [Fact]
        public void ANodeWithABatteryMonitorGetsThreeMoreSensorsWithinTheRules()
        {
            string json = HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid, 3, "1.0.0", "dcmonitor_bridge_x", true);
            HomeAssistantRules.AssertDevicePayload(json, 8);
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement components = document.RootElement.GetProperty("cmps");
            string batteryTopic = "dcmonitor/dcmonitor_dddd112233445566" + "0000000000000000" + "/battery";
            Assert.Equal(batteryTopic, BatteryDiscovery.BatteryTopic("dcmonitor", Uuid));
            AssertSensor(components, "battery_voltage", "voltage", "V", "{{ value_json.voltage }}", batteryTopic);
            AssertSensor(components, "battery_state_of_charge", "battery", "%", "{{ value_json.state_of_charge }}", batteryTopic);
            AssertSensor(components, "battery_temperature", "temperature", "°C", "{{ value_json.temperature }}", batteryTopic);
            Assert.False(components.GetProperty("voltage").TryGetProperty("state_topic", out _), "the load's sensors keep the device's state topic");
        }

        [Fact]
        public void ANodeWithoutOneIsUnchanged()
        {
            string json = HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid, 3, "1.0.0", null, false);
            Assert.Equal(HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid, 3, "1.0.0"), json);
            HomeAssistantRules.AssertDevicePayload(json);
            Assert.DoesNotContain("battery", json);
        }

        [Theory]
        [InlineData(1271, 87, 21, 42, "{\"voltage\":12.71,\"state_of_charge\":87,\"temperature\":21,\"age\":42}")]
        [InlineData(1190, 40, -5, 0, "{\"voltage\":11.90,\"state_of_charge\":40,\"temperature\":-5,\"age\":0}")]
        public void TheStateIsJsonTheTemplatesRead(int centivolts, int stateOfCharge, int celsius, int age, string expected)
        {
            BatteryReading reading = new BatteryReading();
            reading.Set(centivolts, stateOfCharge, celsius);
            string json = BatteryDiscovery.StatePayload(reading, age);
            Assert.Equal(expected, json);
            using JsonDocument document = JsonDocument.Parse(json);
            Assert.Equal(centivolts / 100.0, document.RootElement.GetProperty("voltage").GetDouble(), 3);
            Assert.Equal(celsius, document.RootElement.GetProperty("temperature").GetInt32());
        }

        private static void AssertSensor(JsonElement components, string key, string deviceClass, string unit, string template, string stateTopic)
        {
            JsonElement sensor = components.GetProperty(key);
            Assert.Equal("sensor", sensor.GetProperty("p").GetString());
            Assert.Equal(deviceClass, sensor.GetProperty("device_class").GetString());
            Assert.Equal(unit, sensor.GetProperty("unit_of_measurement").GetString());
            Assert.Equal(template, sensor.GetProperty("value_template").GetString());
            Assert.Equal(stateTopic, sensor.GetProperty("state_topic").GetString());
            Assert.Equal("dcmonitor_dddd1122334455660000000000000000_" + key, sensor.GetProperty("unique_id").GetString());
        }
    }
}
