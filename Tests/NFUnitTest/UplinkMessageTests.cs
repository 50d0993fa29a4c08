using System;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The MQTT uplink's formats (issue "MQTT uplink"): the 8-byte reading report and the other unsegmented mesh messages, the
    /// node identity table the bridge keeps on flash, the MQTT command checks, and the console settings with their limits,
    /// hidden secrets and checksummed flash text.
    /// </summary>
    [TestClass]
    public class UplinkMessageTests
    {
        [TestMethod]
        public void AReadingReportFitsOneUnsegmentedMessageAndRoundTrips()
        {
            Assert.IsTrue(3 + ReadingReport.EncodedLength <= 11, "3-byte vendor opcode + report fit an unsegmented access message (11 bytes)");
            ReadingReport report = new ReadingReport();
            SensorReading reading = new SensorReading();
            reading.Set(0x8000, 0x7FFF, 0); // the INA260's most negative current, its full-scale bus voltage
            report.Set(65535, reading, 100, 255, false);
            Assert.AreEqual(40958750, report.BusMicrovolts, "40.96 V less one LSB");
            Assert.AreEqual(-40960000, report.CurrentMicroamps, "-32 768 × 1.25 mA");
            byte[] bytes = new byte[ReadingReport.EncodedLength];
            report.Encode(bytes);
            ReadingReport copy = new ReadingReport();
            Assert.IsTrue(copy.TryDecode(bytes, bytes.Length));
            Assert.AreEqual(65535, copy.Sequence);
            Assert.AreEqual(2, copy.Format);
            Assert.AreEqual(40958750, copy.BusMicrovolts);
            Assert.AreEqual(-40960000, copy.CurrentMicroamps);
            Assert.AreEqual(100, copy.DutyPercent);
            Assert.AreEqual(255, copy.CommandToken);
            Assert.IsFalse(copy.Changed);
            Assert.IsTrue(copy.Urgent, "a command's answer is sent at once");
            reading.Set(200, 9600, 0); // 250 mA, 12 V
            report.Set(1, reading, 100, 0, true);
            report.Encode(bytes);
            Assert.IsTrue(copy.TryDecode(bytes, bytes.Length));
            Assert.IsTrue(copy.Changed, "the on-change flag rides in the duty byte's top bit");
            Assert.AreEqual(100, copy.DutyPercent);
            Assert.AreEqual(250000, copy.CurrentMicroamps);
            Assert.AreEqual(12000, copy.BusMillivolts);
            Assert.IsTrue(copy.Urgent);
            report.Set(2, reading, 100, 0, false);
            report.Encode(bytes);
            Assert.IsTrue(copy.TryDecode(bytes, bytes.Length));
            Assert.IsFalse(copy.Urgent, "a periodic report waits for the batch");
            Assert.IsFalse(copy.TryDecode(bytes, 7), "short");
            bytes[6] = 101;
            Assert.IsFalse(copy.TryDecode(bytes, bytes.Length), "duty above 100");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { report.Set(0, reading, 101, 0, false); });
        }

        [TestMethod]
        public void EnergyIdentityHeartbeatAndCommandMessagesRoundTrip()
        {
            byte[] energy = UplinkMessages.EnergyReport(7, 4000000000);
            Assert.AreEqual(UplinkMessages.EnergyReportLength, energy.Length);
            Assert.AreEqual(4000000000u, UplinkMessages.EnergyOf(energy, energy.Length));
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.EnergyOf(energy, 5); });

            byte[] uuid = new byte[] { 0xDD, 0xDD, 1, 2, 3, 4, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0 };
            byte[] identity = UplinkMessages.Identity(uuid);
            Assert.AreEqual(UplinkMessages.IdentityLength, identity.Length);
            byte[] rebuilt = UplinkMessages.UuidOf(identity, identity.Length);
            for (int i = 0; i < 16; i++)
            {
                Assert.AreEqual(uuid[i], rebuilt[i]);
            }

            Assert.AreEqual(UplinkMessages.CandidateFlag | UplinkMessages.BridgingFlag, (int)UplinkMessages.Heartbeat(true)[0]);
            Assert.AreEqual(UplinkMessages.CandidateFlag, (int)UplinkMessages.Heartbeat(false)[0]);
            byte[] command = UplinkMessages.Command(9, new byte[] { 4, 50 });
            Assert.AreEqual(UplinkMessages.CommandLength, command.Length);
            Assert.AreEqual(9, (int)command[0]);
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkMessages.Command(0, new byte[] { 4, 50 }); });
        }

        [TestMethod]
        public void TheIdentityTableFollowsAMovedNodeAndSurvivesItsFlashBytes()
        {
            NodeIdentityTable table = new NodeIdentityTable();
            byte[] a = UplinkMessages.UuidOf(new byte[] { 1, 2, 3, 4, 5, 6 }, 6);
            byte[] b = UplinkMessages.UuidOf(new byte[] { 9, 9, 9, 9, 9, 9 }, 6);
            Assert.IsTrue(table.Learn(0x0005, a));
            Assert.IsFalse(table.Learn(0x0005, a), "nothing new");
            Assert.IsTrue(table.Learn(0x0006, b));
            Assert.IsTrue(table.Learn(0x0009, a), "re-provisioned at a new address");
            Assert.AreEqual(0x0009, table.AddressOf(a));
            Assert.IsNull(table.UuidOf(0x0005), "the old address is forgotten");
            NodeIdentityTable copy = NodeIdentityTable.Parse(table.ToBytes());
            Assert.AreEqual(2, copy.Count);
            Assert.AreEqual(0x0006, copy.AddressOf(b));
            Assert.ThrowsException(typeof(ArgumentException), delegate { NodeIdentityTable.Parse(new byte[7]); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { table.Learn(0xC001, a); });
            byte[] named = HomeAssistantDiscovery.UuidOfObjectId(HomeAssistantDiscovery.ObjectId(b));
            Assert.AreEqual(0x0006, copy.AddressOf(named), "an object id names the UUID it was made from");
            Assert.IsNull(HomeAssistantDiscovery.UuidOfObjectId("dcmonitor_zz"));
            Assert.IsNull(HomeAssistantDiscovery.UuidOfObjectId("dcmonitor_" + new string('g', 32)));
            Assert.IsNull(HomeAssistantDiscovery.UuidOfObjectId("other_" + new string('0', 36)));
        }

        [TestMethod]
        public void MqttCommandsAreCheckedBeforeTheyReachTheMesh()
        {
            string error;
            NodeCommand command = MqttCommandParser.ParseCommand(Ascii("duty:40"), out error);
            Assert.IsNull(error);
            Assert.AreEqual(40, command.DutyPercent);
            Assert.AreEqual(NodeCommandKind.Read, MqttCommandParser.ParseCommand(Ascii("read"), out error).Kind);
            Assert.AreEqual(60, MqttCommandParser.ParseDuty(Ascii("60.00"), out error).DutyPercent);
            Assert.AreEqual(0, MqttCommandParser.ParseDuty(Ascii("0"), out error).DutyPercent);

            Assert.IsNull(MqttCommandParser.ParseCommand(Ascii("jump"), out error));
            Assert.AreEqual("ERROR:UNKNOWN_COMMAND:jump", error);
            Assert.IsNull(MqttCommandParser.ParseCommand(Ascii("duty:101"), out error));
            Assert.AreEqual("ERROR:DUTY_OUT_OF_RANGE:101", error);
            Assert.IsNull(MqttCommandParser.ParseDuty(Ascii("60."), out error));
            Assert.AreEqual("ERROR:INVALID_DUTY:60.", error);
            Assert.IsNull(MqttCommandParser.ParseDuty(Ascii("1e2"), out error));
            Assert.AreEqual("ERROR:INVALID_DUTY:1e2", error);
            Assert.IsNull(MqttCommandParser.ParseCommand(new byte[MqttCommandParser.MaximumPayloadBytes + 1], out error));
            Assert.AreEqual("ERROR:PAYLOAD_TOO_LARGE:33", error);
            Assert.IsNull(MqttCommandParser.ParseCommand(new byte[] { 0x72, 0x0A }, out error));
            Assert.AreEqual("ERROR:MALFORMED", error);
            Assert.IsNull(MqttCommandParser.ParseCommand(new byte[0], out error));
            Assert.AreEqual("ERROR:MALFORMED", error);
        }

        [TestMethod]
        public void SettingsKeepTheirLimitsHideSecretsAndRoundTripThroughFlashText()
        {
            UplinkSettings settings = new UplinkSettings();
            Assert.IsFalse(settings.IsComplete);
            settings.Set("wifi-ssid", "my lab network");
            settings.Set("wifi-password", "hunter2hunter2");
            settings.Set("broker-host", "10.0.0.2");
            settings.Set("broker-port", "8883");
            settings.Set("tls", "on");
            settings.Set("ca", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
            settings.Set("mqtt-password", "s3cret");
            settings.Set("mqtt-user", "checksum=0");
            settings.Set("topic-prefix", "site/dc");
            settings.Set("period", "30");
            settings.Set("queue", "64");
            Assert.IsTrue(settings.IsComplete);

            string[] shown = settings.Describe();
            for (int i = 0; i < shown.Length; i++)
            {
                Assert.AreEqual(-1, shown[i].IndexOf("hunter2"), shown[i]);
                Assert.AreEqual(-1, shown[i].IndexOf("s3cret"), shown[i]);
                Assert.AreEqual(-1, shown[i].IndexOf("MIIB"), shown[i]);
            }

            Assert.AreEqual("(set)", settings.Shown("wifi-password"));
            Assert.AreEqual("(not set)", new UplinkSettings().Shown("mqtt-user"));

            UplinkSettings copy = UplinkSettings.Parse(settings.ToText());
            Assert.AreEqual("my lab network", copy.WifiSsid);
            Assert.AreEqual("hunter2hunter2", copy.WifiPassword);
            Assert.AreEqual(8883, copy.BrokerPort);
            Assert.IsTrue(copy.TlsEnabled);
            Assert.AreEqual(settings.CaCertificate, copy.CaCertificate);
            Assert.AreEqual("site/dc", copy.TopicPrefix);
            Assert.AreEqual(30, copy.PeriodSeconds);
            Assert.AreEqual(64, copy.QueueCapacity);
            Assert.AreEqual("checksum=0", copy.MqttUser, "a value that looks like the checksum line");

            string text = settings.ToText();
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkSettings.Parse(text.Substring(0, text.Length - 12)); });
            string edited = "period=31" + text.Substring(text.IndexOf('\n'));
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkSettings.Parse(edited); });

            string[] refused = new string[] { "broker-port", "0", "broker-port", "65536", "period", "0", "period", "3601", "tls", "yes", "wifi-password", "short",
                "topic-prefix", "/lead", "topic-prefix", "a+b", "broker-host", "two words", "queue", "3", "nonsense", "1", "ca", "not a pem" };
            for (int i = 0; i < refused.Length; i += 2)
            {
                string key = refused[i];
                string value = refused[i + 1];
                Assert.ThrowsException(typeof(ArgumentException), delegate { settings.Set(key, value); }, key + " " + value);
            }

            Assert.AreEqual(30, settings.PeriodSeconds, "a refused value changes nothing");
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
