using System;
using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// The uplink's console settings at their limits (issue "MQTT uplink"): the documented defaults, the edge values each key
    /// accepts and the first it refuses, how values are shown (secrets and the CA never printed), and the flash text's line
    /// escaping and checksum.
    /// </summary>
    [TestClass]
    public class UplinkSettingsTests
    {
        [TestMethod]
        public void DefaultsAreTheDocumentedOnes()
        {
            UplinkSettings settings = new UplinkSettings();
            Assert.AreEqual(1883, settings.BrokerPort);
            Assert.AreEqual("dcmonitor", settings.TopicPrefix);
            Assert.AreEqual(10, settings.PeriodSeconds);
            Assert.AreEqual(512, settings.QueueCapacity);
            Assert.IsFalse(settings.TlsEnabled);
            Assert.AreEqual("", settings.WifiSsid);
            Assert.IsFalse(settings.IsComplete);
            settings.Set("wifi-ssid", "lab");
            Assert.IsFalse(settings.IsComplete, "a broker is needed too");
            settings.Set("broker-host", "10.0.0.2");
            Assert.IsTrue(settings.IsComplete);
            Assert.AreEqual(12, UplinkSettings.Keys.Length);
        }

        [TestMethod]
        public void TheDiscoveryPrefixDefaultsToHomeAssistantsAndSurvivesTheFlashText()
        {
            var settings = new UplinkSettings();
            Assert.AreEqual("homeassistant", settings.DiscoveryPrefix);
            settings.Set("discovery-prefix", "ha/site-2");
            Assert.AreEqual("ha/site-2", UplinkSettings.Parse(settings.ToText()).DiscoveryPrefix);
            Assert.ThrowsException(typeof(ArgumentException), () => settings.Set("discovery-prefix", "/ha"));
            Assert.ThrowsException(typeof(ArgumentException), () => settings.Set("discovery-prefix", "ha#"));
            Assert.AreEqual("ha/site-2", settings.DiscoveryPrefix, "a refused value changes nothing");
        }

        [DataRow("broker-port", "1")]
        [DataRow("broker-port", "65535")]
        [DataRow("broker-port", "00080")]
        [DataRow("period", "1")]
        [DataRow("period", "3600")]
        [DataRow("queue", "4")]
        [DataRow("queue", "4096")]
        [DataRow("tls", "off")]
        [DataRow("wifi-password", "")]
        [DataRow("wifi-password", "12345678")]
        [DataRow("wifi-password", "pass word with spaces")]
        [DataRow("wifi-ssid", "")]
        [DataRow("wifi-ssid", "a network name of 32 characters!")]
        [DataRow("broker-host", "broker.example.org")]
        [DataRow("mqtt-user", "")]
        [DataRow("broker-host", "")]
        [DataRow("topic-prefix", "a")]
        [DataRow("topic-prefix", "Site-1/dc_monitor")]
        [DataRow("ca", "")]
        public void EdgeValuesAreAccepted(string key, string value)
        {
            UplinkSettings settings = new UplinkSettings();
            settings.Set(key, value);
            UplinkSettings copy = UplinkSettings.Parse(settings.ToText());
            Assert.AreEqual(settings.ToText(), copy.ToText(), "accepted values survive the flash text");
        }

        [DataRow("broker-port", "")]
        [DataRow("broker-port", "65536")]
        [DataRow("broker-port", "100000")]
        [DataRow("broker-port", "-1")]
        [DataRow("broker-port", "+80")]
        [DataRow("broker-port", " 80")]
        [DataRow("period", "3601")]
        [DataRow("period", "1.5")]
        [DataRow("queue", "4097")]
        [DataRow("tls", "ON")]
        [DataRow("tls", "")]
        [DataRow("wifi-password", "1234567")]
        [DataRow("wifi-ssid", "a network name of 33 characters!!")]
        [DataRow("broker-host", "a b")]
        [DataRow("mqtt-user", "a b")]
        [DataRow("topic-prefix", "")]
        [DataRow("topic-prefix", "dc/")]
        [DataRow("topic-prefix", "dc#")]
        [DataRow("topic-prefix", "dc monitor")]
        [DataRow("ca", "MIIB")]
        [DataRow("Period", "10")]
        [DataRow("checksum", "0")]
        public void ValuesOutsideTheLimitsAreRefusedAndChangeNothing(string key, string value)
        {
            UplinkSettings settings = new UplinkSettings();
            settings.Set("broker-host", "keep");
            string before = settings.ToText();
            Assert.ThrowsException(typeof(ArgumentException), delegate { settings.Set(key, value); });
            Assert.AreEqual(before, settings.ToText());
        }

        [TestMethod]
        public void LengthLimitsAreExact()
        {
            UplinkSettings settings = new UplinkSettings();
            settings.Set("wifi-password", new string('p', 63));
            Assert.ThrowsException(typeof(ArgumentException), delegate { settings.Set("wifi-password", new string('p', 64)); });
            settings.Set("mqtt-password", new string('m', 64));
            Assert.ThrowsException(typeof(ArgumentException), delegate { settings.Set("mqtt-password", new string('m', 65)); });
            settings.Set("mqtt-user", new string('u', 64));
            Assert.ThrowsException(typeof(ArgumentException), delegate { settings.Set("mqtt-user", new string('u', 65)); });
            settings.Set("broker-host", new string('h', 253));
            Assert.ThrowsException(typeof(ArgumentException), delegate { settings.Set("broker-host", new string('h', 254)); });
            settings.Set("topic-prefix", new string('t', 64));
            Assert.ThrowsException(typeof(ArgumentException), delegate { settings.Set("topic-prefix", new string('t', 65)); });
            Assert.AreEqual(64, UplinkSettings.Parse(settings.ToText()).TopicPrefix.Length);
        }

        [TestMethod]
        public void NullIsAnEmptyValue()
        {
            UplinkSettings settings = new UplinkSettings();
            settings.Set("wifi-ssid", "lab");
            settings.Set("wifi-ssid", null);
            Assert.AreEqual("", settings.WifiSsid);
            Assert.ThrowsException(typeof(ArgumentException), delegate { settings.Set("period", null); });
        }

        [TestMethod]
        public void SecretsAndTheCertificateAreNeverShown()
        {
            UplinkSettings settings = new UplinkSettings();
            Assert.AreEqual("(not set)", settings.Shown("wifi-password"));
            Assert.AreEqual("(not set)", settings.Shown("ca"));
            Assert.AreEqual("1883", settings.Shown("broker-port"), "numbers have a value from the start");
            Assert.AreEqual("off", settings.Shown("tls"));
            settings.Set("wifi-password", "hunter2hunter2");
            settings.Set("mqtt-password", "x");
            string ca = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
            settings.Set("ca", ca);
            Assert.AreEqual("(set)", settings.Shown("wifi-password"));
            Assert.AreEqual("(set)", settings.Shown("mqtt-password"));
            Assert.AreEqual("(set, " + ca.Length.ToString() + " characters)", settings.Shown("ca"));
            Assert.IsTrue(UplinkSettings.IsSecret("wifi-password"));
            Assert.IsTrue(UplinkSettings.IsSecret("mqtt-password"));
            Assert.IsFalse(UplinkSettings.IsSecret("mqtt-user"));
            Assert.ThrowsException(typeof(ArgumentException), delegate { settings.Shown("colour"); });

            string[] lines = settings.Describe();
            Assert.AreEqual(UplinkSettings.Keys.Length, lines.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.StartsWith(UplinkSettings.Keys[i] + "=", lines[i]);
            }

            Assert.AreEqual("wifi-password=(set)", lines[1]);
        }

        [TestMethod]
        public void TheCertificatesLineBreaksAreEscapedOnFlash()
        {
            UplinkSettings settings = new UplinkSettings();
            settings.Set("ca", "-----BEGIN CERTIFICATE-----\r\nMIIB\r\n-----END CERTIFICATE-----\r\n");
            string text = settings.ToText();
            Assert.Contains("ca=-----BEGIN CERTIFICATE-----|MIIB|-----END CERTIFICATE-----|\n", text);
            Assert.AreEqual(-1, text.IndexOf('\r'));
            Assert.AreEqual("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", UplinkSettings.Parse(text).CaCertificate, "CR LF read back as LF");
        }

        [TestMethod]
        public void TheFlashTextEndsWithItsChecksum()
        {
            UplinkSettings settings = new UplinkSettings();
            string text = settings.ToText();
            int at = text.IndexOf("checksum=");
            Assert.IsTrue(at > 0);
            string body = text.Substring(0, at);
            Assert.AreEqual(body + "checksum=" + DcMonitor.Shared.Provisioning.NodeRegistry.Checksum(body).ToString("X8") + "\n", text);
            Assert.StartsWith("wifi-ssid=\nwifi-password=\nbroker-host=\nbroker-port=1883\ntls=off\n", text);

            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkSettings.Parse(null); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkSettings.Parse(""); });
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkSettings.Parse(body); }, "no checksum line");
            string lowerCase = body + "checksum=" + DcMonitor.Shared.Provisioning.NodeRegistry.Checksum(body).ToString("x8") + "\n";
            if (lowerCase != text)
            {
                Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkSettings.Parse(lowerCase); }, "the checksum is upper-case hex");
            }
        }

        [TestMethod]
        public void AChecksummedFileWithARefusedValueIsRefused()
        {
            string body = "period=0\n";
            string text = body + "checksum=" + DcMonitor.Shared.Provisioning.NodeRegistry.Checksum(body).ToString("X8") + "\n";
            Assert.ThrowsException(typeof(ArgumentException), delegate { UplinkSettings.Parse(text); });
            body = "period=20\n";
            text = body + "checksum=" + DcMonitor.Shared.Provisioning.NodeRegistry.Checksum(body).ToString("X8") + "\n";
            UplinkSettings partial = UplinkSettings.Parse(text);
            Assert.AreEqual(20, partial.PeriodSeconds, "keys not in the file keep their defaults");
            Assert.AreEqual(512, partial.QueueCapacity);
        }

        [TestMethod]
        public void ACopyIsIndependent()
        {
            UplinkSettings settings = new UplinkSettings();
            settings.Set("period", "30");
            UplinkSettings copy = settings.Copy();
            copy.Set("period", "40");
            Assert.AreEqual(30, settings.PeriodSeconds);
            Assert.AreEqual(40, copy.PeriodSeconds);
        }
    }
}
