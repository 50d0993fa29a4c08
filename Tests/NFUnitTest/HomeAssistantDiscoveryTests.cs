using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// Home Assistant's device-based discovery (docs/reference/anchors.md §3) checked with plain string operations, so it runs on
    /// nanoCLR too (the host's Tests/Host/Mqtt/HomeAssistantDiscoveryTests parses the same payloads as JSON): the topic shape and
    /// characters, device and origin at the root, five components with unique ids, units and state classes per device class, the
    /// duty number's range and command topic, availability, identities that depend on the UUID only, and the state text.
    /// </summary>
    [TestClass]
    public class HomeAssistantDiscoveryTests
    {
        private const string ObjectIdOfUuid = "dcmonitor_dddd112233445566" + "0000000000000000";

        private static byte[] Uuid()
        {
            return new byte[] { 0xDD, 0xDD, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0, 0, 0, 0, 0, 0, 0, 0 };
        }

        [TestMethod]
        public void TheTopicMatchesHomeAssistantsDiscoveryPattern()
        {
            string topic = HomeAssistantDiscovery.DeviceTopic(HomeAssistantDiscovery.DefaultDiscoveryPrefix, Uuid());
            Assert.AreEqual("homeassistant/device/" + ObjectIdOfUuid + "/config", topic);
            string objectId = HomeAssistantDiscovery.ObjectId(Uuid());
            Assert.AreEqual(ObjectIdOfUuid, objectId);
            for (int i = 0; i < objectId.Length; i++)
            {
                char c = objectId[i];
                Assert.IsTrue((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_', "object id character " + new string(c, 1));
            }
        }

        [TestMethod]
        public void EveryTopicOfANodeIsUnderItsObjectId()
        {
            byte[] uuid = Uuid();
            Assert.AreEqual("site/dc/" + ObjectIdOfUuid + "/state", HomeAssistantDiscovery.StateTopic("site/dc", uuid));
            Assert.AreEqual("site/dc/" + ObjectIdOfUuid + "/duty/set", HomeAssistantDiscovery.DutyCommandTopic("site/dc", uuid));
            Assert.AreEqual("site/dc/" + ObjectIdOfUuid + "/command", HomeAssistantDiscovery.CommandTopic("site/dc", uuid));
            Assert.AreEqual("site/dc/" + ObjectIdOfUuid + "/reply", HomeAssistantDiscovery.ReplyTopic("site/dc", uuid));
            Assert.AreEqual("site/dc/" + ObjectIdOfUuid + "/availability", HomeAssistantDiscovery.AvailabilityTopic("site/dc", uuid));
            Assert.AreEqual("site/dc/bridge/availability", HomeAssistantDiscovery.BridgeAvailabilityTopic("site/dc"));
            Assert.AreEqual("dcmonitor/node_000A/state", HomeAssistantDiscovery.UnidentifiedStateTopic("dcmonitor", 0x000A));
            Assert.AreEqual("dcmonitor/node_7FFF/state", HomeAssistantDiscovery.UnidentifiedStateTopic("dcmonitor", 0x7FFF));
            Assert.AreEqual("homeassistant/status", HomeAssistantDiscovery.StatusTopic(HomeAssistantDiscovery.DefaultDiscoveryPrefix));
            Assert.AreEqual("ha/status", HomeAssistantDiscovery.StatusTopic("ha"));
        }

        [TestMethod]
        public void AnObjectIdNamesTheUuidItWasMadeFrom()
        {
            byte[] back = HomeAssistantDiscovery.UuidOfObjectId(ObjectIdOfUuid);
            Assert.IsNotNull(back);
            Assert.AreEqual(16, back.Length);
            byte[] uuid = Uuid();
            for (int i = 0; i < 16; i++)
            {
                Assert.AreEqual(uuid[i], back[i]);
            }

            Assert.IsNull(HomeAssistantDiscovery.UuidOfObjectId(null));
            Assert.IsNull(HomeAssistantDiscovery.UuidOfObjectId(""));
            Assert.IsNull(HomeAssistantDiscovery.UuidOfObjectId(ObjectIdOfUuid + "0"), "one digit too many");
            Assert.IsNull(HomeAssistantDiscovery.UuidOfObjectId(ObjectIdOfUuid.Substring(0, ObjectIdOfUuid.Length - 2)), "one byte short");
            Assert.IsNull(HomeAssistantDiscovery.UuidOfObjectId("dcmonitor-" + ObjectIdOfUuid.Substring(10)), "another prefix");
        }

        [TestMethod]
        public void ThePayloadFollowsTheDeviceDiscoveryRules()
        {
            string json = HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid(), 3, "1.0.0");
            AssertWellFormed(json);
            Assert.StartsWith("{\"dev\":{\"ids\":[\"" + ObjectIdOfUuid + "\"],\"name\":\"DC-Monitor node 3\"", json);
            Assert.Contains("\"o\":{\"name\":\"dc-monitor-mesh-firmware\",\"sw\":\"1.0.0\"}", json);
            Assert.Contains("\"state_topic\":\"dcmonitor/" + ObjectIdOfUuid + "/state\"", json);
            Assert.Contains("\"availability\":[{\"topic\":\"dcmonitor/bridge/availability\"},{\"topic\":\"dcmonitor/" + ObjectIdOfUuid + "/availability\"}]", json);
            Assert.Contains("\"availability_mode\":\"all\"", json);

            Assert.Contains(Sensor("voltage", "V", "measurement"), json);
            Assert.Contains(Sensor("current", "mA", "measurement"), json);
            Assert.Contains(Sensor("power", "W", "measurement"), json);
            Assert.Contains(Sensor("energy", "Wh", "total_increasing"), json);
            Assert.Contains("\"duty\":{\"p\":\"number\"", json);
            Assert.Contains("\"min\":0,\"max\":100", json);
            Assert.Contains("\"unit_of_measurement\":\"%\"", json);
            Assert.Contains("\"command_topic\":\"dcmonitor/" + ObjectIdOfUuid + "/duty/set\"", json);

            Assert.AreEqual(6, Occurrences(json, "\"qos\":1"), "qos in every component (older Home Assistant ignores the device-level one) and at the device");
            Assert.AreEqual(4, Occurrences(json, "\"suggested_display_precision\":"), "a display precision per sensor");
            Assert.Contains("\"suggested_display_precision\":3", json);
            Assert.Contains("\"unit_of_measurement\":\"mA\",\"state_class\":\"measurement\",\"value_template\":\"{{ value_json.current }}\",\"suggested_display_precision\":2", json);
            Assert.DoesNotContains("via_device", json, "no bridge named");
            Assert.Contains("\"sw\":\"1.0.0\",\"via_device\":\"dcmonitor_bridge_x\"}", HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid(), 3, "1.0.0", "dcmonitor_bridge_x"));

            string[] templates = Values(json, "value_template");
            Assert.AreEqual(5, templates.Length);
            for (int i = 0; i < templates.Length; i++)
            {
                Assert.Contains("value_json.", templates[i]);
            }

            string[] ids = Values(json, "unique_id");
            Assert.AreEqual(5, ids.Length, "five components");
            for (int i = 0; i < ids.Length; i++)
            {
                Assert.StartsWith(ObjectIdOfUuid + "_", ids[i]);
                for (int j = i + 1; j < ids.Length; j++)
                {
                    Assert.AreNotEqual(ids[i], ids[j], "unique ids are unique");
                }
            }
        }

        private static int Occurrences(string text, string part)
        {
            int count = 0;
            int at = text.IndexOf(part);
            while (at >= 0)
            {
                count++;
                at = text.IndexOf(part, at + part.Length);
            }

            return count;
        }

        [TestMethod]
        public void IdentitiesDependOnTheUuidNotOnTheAddress()
        {
            string[] asNode3 = Values(HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid(), 3, "1.0.0"), "unique_id");
            string[] asNode7 = Values(HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid(), 7, "1.0.0"), "unique_id");
            Assert.AreEqual(asNode3.Length, asNode7.Length);
            for (int i = 0; i < asNode3.Length; i++)
            {
                Assert.AreEqual(asNode3[i], asNode7[i]);
            }

            byte[] other = Uuid();
            other[7] = 0x67;
            string[] ofOther = Values(HomeAssistantDiscovery.DevicePayload("dcmonitor", other, 3, "1.0.0"), "unique_id");
            for (int i = 0; i < asNode3.Length; i++)
            {
                for (int j = 0; j < ofOther.Length; j++)
                {
                    Assert.AreNotEqual(asNode3[i], ofOther[j], "another UUID shares no unique id");
                }
            }
        }

        [TestMethod]
        public void QuotesAndBackslashesInTheVersionAreEscaped()
        {
            string json = HomeAssistantDiscovery.DevicePayload("dcmonitor", Uuid(), 3, "1.0\"beta\\2");
            AssertWellFormed(json);
            Assert.Contains("\"sw\":\"1.0\\\"beta\\\\2\"", json);
        }

        [TestMethod]
        public void TheStateCarriesWhatTheTemplatesRead()
        {
            UplinkReading reading = new UplinkReading(0x0008, 42, 12001, -1250000, 50, 1234567);
            // 12.001 V × -1.25 A = -15.00125 W, truncated to mW
            Assert.AreEqual("{\"voltage\":12.001,\"current\":-1250.00,\"power\":-15.001,\"energy\":1234.567,\"duty\":50,\"sequence\":42,\"address\":8}",
                HomeAssistantDiscovery.StatePayload(reading));
        }

        [TestMethod]
        public void OneReusedWriterGivesEachReadingItsOwnExactBytes()
        {
            StatePayloadWriter writer = new StatePayloadWriter();
            UplinkReading longest = new UplinkReading(0x7FFF, 65535, 65535, -40960000, 100, 4294967295);
            UplinkReading shortest = new UplinkReading(0x0001, 0, 0, 0, 0, 0, false);
            byte[] first = writer.Encode(longest);
            byte[] second = writer.Encode(shortest);
            Assert.AreEqual(HomeAssistantDiscovery.StatePayload(longest).Length, first.Length);
            Assert.IsTrue(first.Length <= StatePayloadWriter.MaximumLength);
            string text = "{\"voltage\":0.000,\"current\":0.00,\"power\":0.000,\"duty\":0,\"sequence\":0,\"address\":1}";
            Assert.AreEqual(text.Length, second.Length, "nothing of the longer reading before it is left");
            for (int i = 0; i < text.Length; i++)
            {
                Assert.AreEqual((byte)text[i], second[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void AStateWithoutAnEnergyCounterHasNoEnergy()
        {
            UplinkReading reading = new UplinkReading(0x0005, 0, 0, 0, 0, 777, false);
            string state = HomeAssistantDiscovery.StatePayload(reading);
            Assert.AreEqual("{\"voltage\":0.000,\"current\":0.00,\"power\":0.000,\"duty\":0,\"sequence\":0,\"address\":5}", state);
            Assert.DoesNotContains("energy", state);
        }

        [TestMethod]
        public void TheLargestReadingsKeepEveryDigit()
        {
            UplinkReading most = new UplinkReading(0x7FFF, 65535, 65535, 40958750, 100, 4294967295);
            Assert.AreEqual("{\"voltage\":65.535,\"current\":40958.75,\"power\":2684.231,\"energy\":4294967.295,\"duty\":100,\"sequence\":65535,\"address\":32767}",
                HomeAssistantDiscovery.StatePayload(most));
            UplinkReading backwards = new UplinkReading(0x0001, 1, 65535, -40960000, 0, 0);
            Assert.Contains("\"current\":-40960.00,\"power\":-2684.313,", HomeAssistantDiscovery.StatePayload(backwards));
        }

        [TestMethod]
        public void TheCurrentKeepsTheSensorsQuarterMilliampsWithTwoDecimals()
        {
            Assert.Contains("\"current\":1.25,", HomeAssistantDiscovery.StatePayload(new UplinkReading(0x0001, 1, 12000, 1250, 0, 0)), "one INA260 LSB");
            Assert.Contains("\"current\":-1.25,", HomeAssistantDiscovery.StatePayload(new UplinkReading(0x0001, 1, 12000, -1250, 0, 0)), "the offset at 0 %");
            Assert.Contains("\"current\":-0.01,", HomeAssistantDiscovery.StatePayload(new UplinkReading(0x0001, 1, 12000, -10, 0, 0)));
            Assert.Contains("\"current\":3.00,", HomeAssistantDiscovery.StatePayload(new UplinkReading(0x0001, 1, 12000, 3000, 0, 0)), "a format-1 node's whole mA");
        }

        private static string Sensor(string deviceClass, string unit, string stateClass)
        {
            return "\"p\":\"sensor\",\"name\":\"" + deviceClass + "\",\"unique_id\":\"" + ObjectIdOfUuid + "_" + deviceClass + "\",\"device_class\":\"" + deviceClass
                + "\",\"unit_of_measurement\":\"" + unit + "\",\"state_class\":\"" + stateClass + "\"";
        }

        /// <summary>Every string value of <paramref name="key"/> in document order (values hold no escaped quotes here).</summary>
        private static string[] Values(string json, string key)
        {
            string marker = "\"" + key + "\":\"";
            int count = 0;
            for (int at = json.IndexOf(marker); at >= 0; at = json.IndexOf(marker, at + 1))
            {
                count++;
            }

            string[] values = new string[count];
            int next = 0;
            for (int at = json.IndexOf(marker); at >= 0; at = json.IndexOf(marker, at + 1))
            {
                int start = at + marker.Length;
                values[next++] = json.Substring(start, json.IndexOf('"', start) - start);
            }

            return values;
        }

        /// <summary>Braces and brackets balance outside strings, and every string is closed (a backslash escapes the next character).</summary>
        private static void AssertWellFormed(string json)
        {
            int depth = 0;
            bool inString = false;
            for (int i = 0; i < json.Length; i++)
            {
                char c = json[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }
                }
                else if (c == '"')
                {
                    inString = true;
                }
                else if (c == '{' || c == '[')
                {
                    depth++;
                }
                else if (c == '}' || c == ']')
                {
                    depth--;
                    Assert.IsTrue(depth >= 0 || i == json.Length - 1, "closed too early at " + i.ToString());
                }

                Assert.IsTrue(depth > 0 || i == json.Length - 1 || i == 0, "the document ends at " + i.ToString() + " of " + json.Length.ToString());
            }

            Assert.IsFalse(inString, "an unclosed string");
            Assert.AreEqual(0, depth, "unbalanced braces");
        }
    }
}
