using System.Text;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// The MQTT bridge as its own Home Assistant device (device-based discovery, like the nodes': <see cref="HomeAssistantDiscovery"/>),
    /// with diagnostic entities (<c>entity_category: diagnostic</c>):
    /// <list type="bullet">
    /// <item>connected: binary_sensor, device class connectivity; on while <c>&lt;prefix&gt;/bridge/current</c> (retained, written by
    /// whichever node bridges when it connects) names this bridge; unavailable once the bridge's MQTT will set
    /// <c>&lt;prefix&gt;/bridge/availability</c> to <c>offline</c>, off after another node took over;</item>
    /// <item>queue depth (readings waiting for the broker), readings dropped (since the bridge started, from a full queue), mesh nodes
    /// seen (nodes whose readings the bridge heard since it started), uptime (s since the bridge started, device class duration,
    /// <c>total_increasing</c>: a restart reads as a reset), read from the retained JSON on <see cref="DiagnosticsTopic"/>
    /// (<see cref="DiagnosticsPayload"/>) and available only while this bridge is the current one and connected.</item>
    /// </list>
    /// Identity: <c>dcmonitor_bridge_&lt;device UUID hex&gt;</c>, from the bridge node's own device UUID, so a bridge keeps its device across
    /// re-provisioning and each node that ever bridged has its own. Node devices name it in <c>via_device</c>.
    /// </summary>
    public static class BridgeDiscovery
    {
        private const string ObjectIdPrefix = "dcmonitor_bridge_";

        /// <summary>Object id (and device identifier) of the bridge whose node has <paramref name="uuid"/>: only [a-z0-9_].</summary>
        public static string ObjectId(byte[] uuid)
        {
            return ObjectIdPrefix + Provisioning.NodeRegistry.Hex(uuid);
        }

        /// <summary>The bridge's discovery topic: <c>&lt;discoveryPrefix&gt;/device/&lt;object id&gt;/config</c>.</summary>
        public static string DeviceTopic(string discoveryPrefix, byte[] uuid)
        {
            return discoveryPrefix + "/device/" + ObjectId(uuid) + "/config";
        }

        /// <summary>Retained topic naming the current bridge's object id: <c>&lt;topicPrefix&gt;/bridge/current</c>.</summary>
        public static string CurrentBridgeTopic(string topicPrefix)
        {
            return topicPrefix + "/bridge/current";
        }

        /// <summary>Retained topic of the bridge's diagnostic state: <c>&lt;topicPrefix&gt;/bridge/&lt;object id&gt;/diagnostics</c>.</summary>
        public static string DiagnosticsTopic(string topicPrefix, byte[] uuid)
        {
            return topicPrefix + "/bridge/" + ObjectId(uuid) + "/diagnostics";
        }

        /// <summary>
        /// The diagnostic state: <c>{"queue":…,"dropped":…,"missed":…,"nodes":…,"uptime":…}</c> (readings waiting, readings dropped from a
        /// full queue, readings missed on the mesh, nodes seen, seconds).
        /// </summary>
        public static string DiagnosticsPayload(int queueDepth, int readingsDropped, int readingsMissed, int nodesSeen, long uptimeSeconds)
        {
            return "{\"queue\":" + queueDepth.ToString() + ",\"dropped\":" + readingsDropped.ToString() + ",\"missed\":" + readingsMissed.ToString()
                + ",\"nodes\":" + nodesSeen.ToString() + ",\"uptime\":" + uptimeSeconds.ToString() + "}";
        }

        /// <summary>The bridge's discovery payload (retained on <see cref="DeviceTopic"/>).</summary>
        public static string DevicePayload(string topicPrefix, byte[] uuid, string softwareVersion)
        {
            string id = ObjectId(uuid);
            string current = HomeAssistantDiscovery.Escape(CurrentBridgeTopic(topicPrefix));
            string lastWill = HomeAssistantDiscovery.Escape(HomeAssistantDiscovery.BridgeAvailabilityTopic(topicPrefix));
            var json = new StringBuilder();
            json.Append("{\"dev\":{\"ids\":[\"").Append(id).Append("\"],\"name\":\"DC-Monitor bridge ").Append(id.Substring(id.Length - 20, 4))
                .Append("\",\"mf\":\"DC-Monitor\",\"mdl\":\"UniversalNode MQTT bridge\",\"sw\":\"").Append(HomeAssistantDiscovery.Escape(softwareVersion)).Append("\"},");
            HomeAssistantDiscovery.Origin(json, softwareVersion);
            json.Append("\"cmps\":{\"connected\":{\"p\":\"binary_sensor\",\"name\":\"Connected\",\"unique_id\":\"").Append(id)
                .Append("_connected\",\"device_class\":\"connectivity\",\"entity_category\":\"diagnostic\",\"state_topic\":\"").Append(current)
                .Append("\",\"value_template\":\"{{ 'ON' if value == '").Append(id).Append("' else 'OFF' }}\",\"availability\":[{\"topic\":\"").Append(lastWill)
                .Append("\"}],\"qos\":1},");
            Diagnostic(json, id, "queue", "Queue depth", null, "readings", "measurement");
            json.Append(',');
            Diagnostic(json, id, "dropped", "Readings dropped", null, "readings", "total_increasing");
            json.Append(',');
            Diagnostic(json, id, "missed", "Readings missed on the mesh", null, "readings", "total_increasing");
            json.Append(',');
            Diagnostic(json, id, "nodes", "Mesh nodes seen", null, "nodes", "measurement");
            json.Append(',');
            Diagnostic(json, id, "uptime", "Uptime", "duration", "s", "total_increasing");
            json.Append("},\"state_topic\":\"").Append(HomeAssistantDiscovery.Escape(DiagnosticsTopic(topicPrefix, uuid)))
                .Append("\",\"availability\":[{\"topic\":\"").Append(lastWill).Append("\"},{\"topic\":\"").Append(current)
                .Append("\",\"value_template\":\"{{ 'online' if value == '").Append(id).Append("' else 'offline' }}\"}],\"availability_mode\":\"all\",\"qos\":1}");
            return json.ToString();
        }

        /// <summary>One diagnostic sensor reading <c>value_json.&lt;key&gt;</c> of the diagnostic state (whole numbers).</summary>
        private static void Diagnostic(StringBuilder json, string id, string key, string name, string deviceClass, string unit, string stateClass)
        {
            json.Append('"').Append(key).Append("\":{\"p\":\"sensor\",\"name\":\"").Append(name).Append("\",\"unique_id\":\"").Append(id).Append('_').Append(key)
                .Append("\",\"entity_category\":\"diagnostic\",");
            if (deviceClass != null)
            {
                json.Append("\"device_class\":\"").Append(deviceClass).Append("\",");
            }

            json.Append("\"unit_of_measurement\":\"").Append(unit).Append("\",\"state_class\":\"").Append(stateClass)
                .Append("\",\"value_template\":\"{{ value_json.").Append(key).Append(" }}\",\"suggested_display_precision\":0,\"qos\":1}");
        }
    }
}
