using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using DcMonitor.Shared.Uplink;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Mqtt
{
    /// <summary>
    /// The device-based discovery payload held to Home Assistant's documented rules (docs/reference/anchors.md §3): topic shape and
    /// characters, device and origin at the root, a platform and unique id per component, units accepted per device class,
    /// state classes, the duty number's range and command topic, availability, and identities that survive re-provisioning.
    /// Host-only because it parses JSON (System.Text.Json) and matches Home Assistant's topic regex; the same behaviour is checked
    /// with plain string operations on nanoCLR too by Tests/NFUnitTest/HomeAssistantDiscoveryTests.cs.
    /// </summary>
    public class HomeAssistantDiscoveryTests
    {
        private static readonly byte[] Uuid = { 0xDD, 0xDD, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0, 0, 0, 0, 0, 0, 0, 0 };

        [Fact]
        public void TheTopicMatchesHomeAssistantsDiscoveryPattern()
        {
            string topic = HomeAssistantDiscovery.DeviceTopic(HomeAssistantDiscovery.DefaultDiscoveryPrefix, Uuid);
            string objectId = HomeAssistantRules.AssertDeviceTopic(topic);
            Assert.Equal("dcmonitor_dddd112233445566" + new string('0', 16), objectId);
        }

        [Fact]
        public void ThePayloadFollowsTheDeviceDiscoveryRules()
        {
            string json = HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid, 3, "1.0.0");
            HomeAssistantRules.AssertDevicePayload(json);
            using JsonDocument document = JsonDocument.Parse(json);
            Assert.Equal("dcmonitor/dcmonitor_dddd112233445566" + new string('0', 16) + "/state", document.RootElement.GetProperty("state_topic").GetString());
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
            var reading = new UplinkReading(0x0008, 42, 12001, -1250000, 50, 1234567);
            using JsonDocument state = JsonDocument.Parse(HomeAssistantDiscovery.StatePayload(reading));
            JsonElement root = state.RootElement;
            Assert.Equal(12.001m, root.GetProperty("voltage").GetDecimal());
            Assert.Equal(-1250.00m, root.GetProperty("current").GetDecimal());
            Assert.Equal("-1250.00", root.GetProperty("current").GetRawText()); // two decimals: the INA260's 1.25 mA steps
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
