using System.Text;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Commands;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// A node's battery monitor in MQTT and Home Assistant (issue 18, docs/battery-monitor.md): its state on
    /// <c>&lt;prefix&gt;/&lt;object id&gt;/battery</c>, <c>{"voltage":12.71,"state_of_charge":87,"temperature":21,"age":42}</c> (V, %, °C,
    /// seconds since the monitor was read), and three sensor components added to the node's device discovery
    /// (<see cref="HomeAssistantDiscovery"/>) only for a node that reported a battery monitor: battery voltage (device class
    /// voltage, V), state of charge (battery, %), temperature (temperature, °C), each reading the battery topic.
    /// </summary>
    public static class BatteryDiscovery
    {
        /// <summary>Where a node's battery state is published (JSON, <see cref="StatePayload"/>; retained).</summary>
        public static string BatteryTopic(string topicPrefix, byte[] uuid)
        {
            return topicPrefix + "/" + HomeAssistantDiscovery.ObjectId(uuid) + "/battery";
        }

        /// <summary>The battery state JSON: volts with two decimals, state of charge %, whole °C, age of the reading in s.</summary>
        public static string StatePayload(BatteryReading reading, int ageSeconds)
        {
            ReplyWriter json = new ReplyWriter(96);
            json.Append("{\"voltage\":");
            json.AppendDecimal(reading.VoltageCentivolts, 2);
            json.Append(",\"state_of_charge\":");
            json.AppendInteger(reading.StateOfChargePercent);
            json.Append(",\"temperature\":");
            json.AppendInteger(reading.TemperatureCelsius);
            json.Append(",\"age\":");
            json.AppendInteger(ageSeconds);
            json.Append("}");
            return json.ToString();
        }

        /// <summary>Appends <c>,</c> and the three battery components of device <paramref name="id"/> reading <paramref name="batteryTopic"/>.</summary>
        internal static void AppendComponents(StringBuilder json, string id, string batteryTopic)
        {
            Component(json, id, "battery_voltage", "Battery voltage", "voltage", "V", "{{ value_json.voltage }}", 2, batteryTopic);
            Component(json, id, "battery_state_of_charge", "Battery state of charge", "battery", "%", "{{ value_json.state_of_charge }}", 0, batteryTopic);
            Component(json, id, "battery_temperature", "Battery temperature", "temperature", "°C", "{{ value_json.temperature }}", 0, batteryTopic);
        }

        private static void Component(StringBuilder json, string id, string key, string name, string deviceClass, string unit, string template, int displayPrecision, string stateTopic)
        {
            json.Append(",\"").Append(key).Append("\":{\"p\":\"sensor\",\"name\":\"").Append(name).Append("\",\"unique_id\":\"").Append(id).Append('_').Append(key)
                .Append("\",\"device_class\":\"").Append(deviceClass).Append("\",\"unit_of_measurement\":\"").Append(unit).Append("\",\"state_class\":\"measurement\"")
                .Append(",\"value_template\":\"").Append(template).Append("\",\"suggested_display_precision\":").Append(displayPrecision.ToString())
                .Append(",\"state_topic\":\"").Append(HomeAssistantDiscovery.Escape(stateTopic)).Append("\",\"qos\":1}");
        }
    }
}
