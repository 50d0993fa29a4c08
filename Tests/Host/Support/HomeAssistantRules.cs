using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// Home Assistant's documented rules for device-based MQTT discovery (docs/reference/anchors.md §3), as assertions: topic shape
    /// and characters, device and origin at the root, a platform and unique id per component, units accepted per device class,
    /// state classes, the duty number's range and command topic, availability.
    /// </summary>
    public static class HomeAssistantRules
    {
        // Units Home Assistant accepts per device class (anchors.md §3.1).
        private static readonly Dictionary<string, string[]> Units = new Dictionary<string, string[]>
        {
            ["voltage"] = new[] { "V", "mV" }, ["current"] = new[] { "A", "mA" }, ["power"] = new[] { "W", "kW" }, ["energy"] = new[] { "Wh", "kWh", "MWh", "MJ", "GJ" },
            ["battery"] = new[] { "%" }, ["temperature"] = new[] { "°C", "°F", "K" },
        };

        /// <summary>Checks a discovery topic; returns its object id.</summary>
        public static string AssertDeviceTopic(string topic)
        {
            // home-assistant core discovery.py: (?P<component>\w+)/(?:(?P<node_id>[a-zA-Z0-9_-]+)/)?(?P<object_id>[a-zA-Z0-9_-]+)/config
            Match match = Regex.Match(topic, @"^homeassistant/(?<component>\w+)/(?:(?<node>[a-zA-Z0-9_-]+)/)?(?<object>[a-zA-Z0-9_-]+)/config$");
            Assert.True(match.Success, topic);
            Assert.Equal("device", match.Groups["component"].Value);
            return match.Groups["object"].Value;
        }

        /// <summary>Checks a device discovery payload: the rules above, <paramref name="components"/> components with unique ids (five; eight with a battery monitor).</summary>
        public static void AssertDevicePayload(string json, int components = 5)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            Assert.NotEmpty(root.GetProperty("dev").GetProperty("ids").EnumerateArray());
            Assert.False(string.IsNullOrEmpty(root.GetProperty("o").GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(root.GetProperty("state_topic").GetString()));
            Assert.Equal("all", root.GetProperty("availability_mode").GetString());
            Assert.Equal(2, root.GetProperty("availability").GetArrayLength());

            var uniqueIds = new HashSet<string>();
            foreach (JsonProperty component in root.GetProperty("cmps").EnumerateObject())
            {
                JsonElement config = component.Value;
                string platform = config.GetProperty("p").GetString();
                Assert.True(uniqueIds.Add(config.GetProperty("unique_id").GetString()), "unique ids are unique");
                Assert.Contains("value_json.", config.GetProperty("value_template").GetString());
                Assert.Equal(1, config.GetProperty("qos").GetInt32()); // per component: older releases ignore the device-level qos
                if (platform == "sensor")
                {
                    Assert.InRange(config.GetProperty("suggested_display_precision").GetInt32(), 0, 3);
                }

                if (platform == "sensor")
                {
                    string deviceClass = config.GetProperty("device_class").GetString();
                    Assert.Contains(config.GetProperty("unit_of_measurement").GetString(), Units[deviceClass]);
                    Assert.Equal(deviceClass == "energy" ? "total_increasing" : "measurement", config.GetProperty("state_class").GetString());
                }
                else
                {
                    Assert.Equal("number", platform);
                    Assert.Equal(0, config.GetProperty("min").GetInt32());
                    Assert.Equal(100, config.GetProperty("max").GetInt32());
                    Assert.Equal("%", config.GetProperty("unit_of_measurement").GetString());
                    Assert.EndsWith("/duty/set", config.GetProperty("command_topic").GetString());
                }
            }

            Assert.Equal(components, uniqueIds.Count);
        }
    }
}
