using System.Text;
using DcMonitor.Shared.Commands;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// Home Assistant MQTT discovery for one UniversalNode (docs/reference/anchors.md §3), device-based: one retained message on
    /// <c>&lt;discovery prefix&gt;/device/&lt;object id&gt;/config</c> describes the whole node (voltage, current, power, energy sensors and
    /// a duty-cycle number) instead of five per-entity messages, so a node appears, changes and disappears in one publish,
    /// which matters on a bridge that sends discovery again whenever <c>homeassistant/status</c> says <c>online</c>.
    /// <para>Identity: the object id and every <c>unique_id</c> derive from the node's 16-byte device UUID, never from its address
    /// or node id, so they survive re-provisioning. Units: V, mA (two decimals: the INA260's 1.25 mA steps), W, Wh (energy
    /// <c>total_increasing</c>; the others <c>measurement</c>), duty % 0-100. Availability: the bridge's LWT topic and the node's own
    /// topic, both required (<c>availability_mode: all</c>). The device names the bridge that carries it (<c>via_device</c>, the
    /// bridge's own device: <see cref="BridgeDiscovery"/>); each bridge sends every node's discovery again when it connects, so
    /// after a failover it points at the new bridge.</para>
    /// </summary>
    public static class HomeAssistantDiscovery
    {
        /// <summary>Home Assistant's default discovery prefix.</summary>
        public const string DefaultDiscoveryPrefix = "homeassistant";

        /// <summary>
        /// Topic Home Assistant announces itself on (birth <c>online</c> / will <c>offline</c>) under its discovery prefix:
        /// <c>&lt;discoveryPrefix&gt;/status</c> (Home Assistant MQTT integration, "Birth and last will messages").
        /// </summary>
        public static string StatusTopic(string discoveryPrefix)
        {
            return discoveryPrefix + "/status";
        }

        private const string ObjectIdPrefix = "dcmonitor_";

        /// <summary>Discovery object id of a node: <c>dcmonitor_&lt;uuid hex&gt;</c> (only [a-z0-9_]).</summary>
        public static string ObjectId(byte[] uuid)
        {
            return ObjectIdPrefix + Provisioning.NodeRegistry.Hex(uuid);
        }

        /// <summary>The 16-byte UUID an object id names (the inverse of <see cref="ObjectId"/>), or null when the text is not one.</summary>
        public static byte[] UuidOfObjectId(string objectId)
        {
            if (objectId == null || objectId.Length != ObjectIdPrefix.Length + 32 || !objectId.StartsWith(ObjectIdPrefix))
            {
                return null;
            }

            try
            {
                return Provisioning.NodeRegistry.FromHex(objectId.Substring(ObjectIdPrefix.Length));
            }
            catch (System.ArgumentException)
            {
                return null;
            }
        }

        /// <summary>The node's discovery topic.</summary>
        public static string DeviceTopic(string discoveryPrefix, byte[] uuid)
        {
            return discoveryPrefix + "/device/" + ObjectId(uuid) + "/config";
        }

        /// <summary>Where the node's readings are published (JSON, <see cref="StatePayload"/>).</summary>
        public static string StateTopic(string topicPrefix, byte[] uuid)
        {
            return topicPrefix + "/" + ObjectId(uuid) + "/state";
        }

        /// <summary>Where Home Assistant sends a new duty cycle (text 0-100).</summary>
        public static string DutyCommandTopic(string topicPrefix, byte[] uuid)
        {
            return topicPrefix + "/" + ObjectId(uuid) + "/duty/set";
        }

        /// <summary>Where a node's commands arrive (text, the node command grammar; may be retained: the bridge clears it once run).</summary>
        public static string CommandTopic(string topicPrefix, byte[] uuid)
        {
            return topicPrefix + "/" + ObjectId(uuid) + "/command";
        }

        /// <summary>Where the bridge answers a node's commands (<c>OK:&lt;command&gt;</c> or <c>ERROR:...</c>).</summary>
        public static string ReplyTopic(string topicPrefix, byte[] uuid)
        {
            return topicPrefix + "/" + ObjectId(uuid) + "/reply";
        }

        /// <summary>Readings of a node whose identity the bridge has not learned yet: <c>&lt;prefix&gt;/node_&lt;address, 4 hex digits&gt;/state</c>.</summary>
        public static string UnidentifiedStateTopic(string topicPrefix, int address)
        {
            return topicPrefix + "/node_" + address.ToString("X4") + "/state";
        }

        /// <summary>The node's own availability (<c>online</c>/<c>offline</c>, published by the bridge when the node goes silent).</summary>
        public static string AvailabilityTopic(string topicPrefix, byte[] uuid)
        {
            return topicPrefix + "/" + ObjectId(uuid) + "/availability";
        }

        /// <summary>The bridge's availability: its MQTT will sets it <c>offline</c>.</summary>
        public static string BridgeAvailabilityTopic(string topicPrefix)
        {
            return topicPrefix + "/bridge/availability";
        }

        /// <summary>The discovery payload of node <paramref name="nodeId"/> with <paramref name="uuid"/>, without a bridge device.</summary>
        public static string DevicePayload(string topicPrefix, byte[] uuid, int nodeId, string softwareVersion)
        {
            return DevicePayload(topicPrefix, uuid, nodeId, softwareVersion, null);
        }

        /// <summary>
        /// The discovery payload of node <paramref name="nodeId"/> with <paramref name="uuid"/>, reached through the bridge device
        /// <paramref name="bridgeObjectId"/> (<see cref="BridgeDiscovery.ObjectId"/>; null: no <c>via_device</c>).
        /// </summary>
        public static string DevicePayload(string topicPrefix, byte[] uuid, int nodeId, string softwareVersion, string bridgeObjectId)
        {
            return DevicePayload(topicPrefix, uuid, nodeId, softwareVersion, bridgeObjectId, false);
        }

        /// <summary>
        /// The discovery payload as above; with <paramref name="hasBatteryMonitor"/> it also carries the node's battery voltage, state
        /// of charge and temperature sensors (<see cref="BatteryDiscovery"/>, issue 18), which read the node's battery topic.
        /// </summary>
        public static string DevicePayload(string topicPrefix, byte[] uuid, int nodeId, string softwareVersion, string bridgeObjectId, bool hasBatteryMonitor)
        {
            string id = ObjectId(uuid);
            var json = new StringBuilder();
            json.Append("{\"dev\":{\"ids\":[\"").Append(id).Append("\"],\"name\":\"DC-Monitor node ").Append(nodeId.ToString())
                .Append("\",\"mf\":\"DC-Monitor\",\"mdl\":\"UniversalNode\",\"sw\":\"").Append(Escape(softwareVersion)).Append('"');
            if (bridgeObjectId != null)
            {
                json.Append(",\"via_device\":\"").Append(Escape(bridgeObjectId)).Append('"');
            }

            json.Append("},");
            Origin(json, softwareVersion);
            json.Append("\"cmps\":{");
            Sensor(json, id, "voltage", "voltage", "V", "measurement", "{{ value_json.voltage }}", 3);
            json.Append(',');
            Sensor(json, id, "current", "current", "mA", "measurement", "{{ value_json.current }}", 2);
            json.Append(',');
            Sensor(json, id, "power", "power", "W", "measurement", "{{ value_json.power }}", 3);
            json.Append(',');
            // is_defined: a state without energy raises a template error, and Home Assistant then keeps the current state.
            Sensor(json, id, "energy", "energy", "Wh", "total_increasing", "{{ value_json.energy | is_defined }}", 3);
            json.Append(",\"duty\":{\"p\":\"number\",\"name\":\"Duty cycle\",\"unique_id\":\"").Append(id).Append("_duty\",\"min\":0,\"max\":100,\"step\":1,")
                .Append("\"mode\":\"slider\",\"unit_of_measurement\":\"%\",\"value_template\":\"{{ value_json.duty }}\",\"command_topic\":\"")
                .Append(Escape(DutyCommandTopic(topicPrefix, uuid))).Append("\",\"qos\":1}");
            if (hasBatteryMonitor)
            {
                BatteryDiscovery.AppendComponents(json, id, BatteryDiscovery.BatteryTopic(topicPrefix, uuid));
            }

            json.Append("},");
            json.Append("\"state_topic\":\"").Append(Escape(StateTopic(topicPrefix, uuid))).Append("\",");
            json.Append("\"availability\":[{\"topic\":\"").Append(Escape(BridgeAvailabilityTopic(topicPrefix))).Append("\"},{\"topic\":\"")
                .Append(Escape(AvailabilityTopic(topicPrefix, uuid))).Append("\"}],\"availability_mode\":\"all\",\"qos\":1}");
            return json.ToString();
        }

        /// <summary>A reading as the state JSON the discovery templates read: volts, milliamps with two decimals, watts, watt-hours
        /// (absent while the bridge has not heard the node's energy counter), duty %, sequence, node address.</summary>
        public static string StatePayload(UplinkReading reading)
        {
            return new StatePayloadWriter().Text(reading); // the bridge reuses one writer (StatePayloadWriter.Encode)
        }

        /// <summary>
        /// One sensor component. <c>qos</c> is given in each component, not only at the device level: Home Assistant read the
        /// device-level one in device-based discovery only from a later release on, so most installed ones subscribe at QoS 0
        /// otherwise. <c>suggested_display_precision</c> is the reading's own resolution (mV, mA, mW, mWh).
        /// </summary>
        internal static void Sensor(StringBuilder json, string id, string key, string deviceClass, string unit, string stateClass, string template, int displayPrecision)
        {
            json.Append('"').Append(key).Append("\":{\"p\":\"sensor\",\"name\":\"").Append(deviceClass).Append("\",\"unique_id\":\"").Append(id).Append('_').Append(key)
                .Append("\",\"device_class\":\"").Append(deviceClass).Append("\",\"unit_of_measurement\":\"").Append(unit).Append("\",\"state_class\":\"").Append(stateClass)
                .Append("\",\"value_template\":\"").Append(template).Append("\",\"suggested_display_precision\":").Append(displayPrecision.ToString())
                .Append(",\"qos\":1}");
        }

        /// <summary>The origin block (<c>o</c>): this firmware and its version.</summary>
        internal static void Origin(StringBuilder json, string softwareVersion)
        {
            json.Append("\"o\":{\"name\":\"dc-monitor-mesh-firmware\",\"sw\":\"").Append(Escape(softwareVersion)).Append("\"},");
        }

        /// <summary>The text with quotes and backslashes escaped for a JSON string.</summary>
        internal static string Escape(string text)
        {
            var escaped = new StringBuilder();
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\\')
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }

            return escaped.ToString();
        }
    }
}
