using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using DcMonitor.Shared.Uplink;
using Xunit;

namespace DcMonitor.Tests.Mqtt
{
    /// <summary>
    /// The device-based discovery payload held to Home Assistant's documented rules (reference/anchors.md §3): topic shape and
    /// characters, device and origin at the root, a platform and unique id per component, units accepted per device class,
    /// state classes, the duty number's range and command topic, availability, and identities that survive re-provisioning.
    /// </summary>
    public class HomeAssistantDiscoveryTests
    {
        private static readonly byte[] Uuid = { 0xDD, 0xDD, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0, 0, 0, 0, 0, 0, 0, 0 };

        // Units Home Assistant accepts per device class (anchors.md §3.1).
        private static readonly Dictionary<string, string[]> Units = new Dictionary<string, string[]>
        {
            ["voltage"] = new[] { "V", "mV" }, ["current"] = new[] { "A", "mA" }, ["power"] = new[] { "W", "kW" }, ["energy"] = new[] { "Wh", "kWh", "MWh", "MJ", "GJ" },
        };

        [Fact]
        public void TheTopicMatchesHomeAssistantsDiscoveryPattern()
        {
            string topic = HomeAssistantDiscovery.DeviceTopic(HomeAssistantDiscovery.DefaultDiscoveryPrefix, Uuid);
            // home-assistant core discovery.py: (?P<component>\w+)/(?:(?P<node_id>[a-zA-Z0-9_-]+)/)?(?P<object_id>[a-zA-Z0-9_-]+)/config
            Match match = Regex.Match(topic, @"^homeassistant/(?<component>\w+)/(?:(?<node>[a-zA-Z0-9_-]+)/)?(?<object>[a-zA-Z0-9_-]+)/config$");
            Assert.True(match.Success, topic);
            Assert.Equal("device", match.Groups["component"].Value);
            Assert.Equal("dcmonitor_dddd112233445566" + new string('0', 16), match.Groups["object"].Value);
        }

        [Fact]
        public void ThePayloadFollowsTheDeviceDiscoveryRules()
        {
            using JsonDocument document = JsonDocument.Parse(HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid, 3, "1.0.0"));
            JsonElement root = document.RootElement;
            Assert.NotEmpty(root.GetProperty("dev").GetProperty("ids").EnumerateArray());
            Assert.False(string.IsNullOrEmpty(root.GetProperty("o").GetProperty("name").GetString()));
            Assert.Equal("dcmonitor/dcmonitor_dddd112233445566" + new string('0', 16) + "/state", root.GetProperty("state_topic").GetString());
            Assert.Equal("all", root.GetProperty("availability_mode").GetString());
            Assert.Equal(2, root.GetProperty("availability").GetArrayLength());

            var uniqueIds = new HashSet<string>();
            foreach (JsonProperty component in root.GetProperty("cmps").EnumerateObject())
            {
                JsonElement config = component.Value;
                string platform = config.GetProperty("p").GetString();
                Assert.True(uniqueIds.Add(config.GetProperty("unique_id").GetString()), "unique ids are unique");
                Assert.Contains("value_json.", config.GetProperty("value_template").GetString());
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

            Assert.Equal(5, uniqueIds.Count);
        }

        [Fact]
        public void IdentitiesDependOnTheUuidNotOnTheAddress()
        {
            string asNode3 = HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid, 3, "1.0.0");
            string asNode7 = HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid, 7, "1.0.0");
            Assert.Equal(UniqueIds(asNode3), UniqueIds(asNode7));
            byte[] other = (byte[])Uuid.Clone();
            other[7] = 0x67;
            Assert.Empty(UniqueIds(asNode3).Intersect(UniqueIds(HomeAssistantDiscovery.DevicePayload("dcmonitor", other, 3, "1.0.0"))));
        }

        [Fact]
        public void TheStateCarriesWhatTheTemplatesRead()
        {
            var reading = new UplinkReading(0x0008, 42, 12001, -1250, 50, 1234567);
            using JsonDocument state = JsonDocument.Parse(HomeAssistantDiscovery.StatePayload(reading));
            JsonElement root = state.RootElement;
            Assert.Equal(12.001m, root.GetProperty("voltage").GetDecimal());
            Assert.Equal(-1250, root.GetProperty("current").GetInt32());
            Assert.Equal(-15.001m, root.GetProperty("power").GetDecimal()); // 12.001 V × -1.25 A, truncated to mW
            Assert.Equal(1234.567m, root.GetProperty("energy").GetDecimal());
            Assert.Equal(50, root.GetProperty("duty").GetInt32());
            Assert.Equal(42, root.GetProperty("sequence").GetInt32());
        }

        private static string[] UniqueIds(string payload)
        {
            using JsonDocument document = JsonDocument.Parse(payload);
            return document.RootElement.GetProperty("cmps").EnumerateObject().Select(c => c.Value.GetProperty("unique_id").GetString()).OrderBy(s => s).ToArray();
        }
    }
}
