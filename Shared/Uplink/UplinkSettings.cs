using System;
using System.Text;
using DcMonitor.Shared.Provisioning;

namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// A node's MQTT uplink configuration (issue "MQTT uplink"), set over the serial console (<c>uplink &lt;key&gt; &lt;value&gt;</c>) and
    /// kept on flash as text (<see cref="ToText"/> / <see cref="Parse"/>: <c>key=value</c> lines and a checksum line). A node is an
    /// uplink candidate when <see cref="IsComplete"/>: it has a Wi-Fi network and a broker. Keys, values and limits:
    /// <list type="bullet">
    /// <item><c>wifi-ssid</c> up to 32 characters (empty: no Wi-Fi); <c>wifi-password</c> empty (open network) or 8-63 characters (WPA2, IEEE 802.11i);</item>
    /// <item><c>broker-host</c> up to 253 characters without spaces (empty: no broker); <c>broker-port</c> 1-65535 (default 1883, MQTT's registered port);</item>
    /// <item><c>tls</c> <c>on</c>/<c>off</c> (default off); <c>ca</c> the broker's CA certificate, PEM (set with the console's <c>uplink ca</c>);</item>
    /// <item><c>mqtt-user</c>, <c>mqtt-password</c> up to 64 characters (empty: none);</item>
    /// <item><c>topic-prefix</c> 1-64 characters of [A-Za-z0-9_-/], not starting or ending with '/' (default <see cref="DefaultTopicPrefix"/>);</item>
    /// <item><c>period</c> the publish period in seconds, 1-3600 (default <see cref="DefaultPeriodSeconds"/>): how often every node reports and
    /// the bridge sends its batch;</item>
    /// <item><c>queue</c> readings the bridge keeps while the broker is unreachable, 4-4096 (default <see cref="DefaultQueueCapacity"/>; 16 bytes
    /// each in RAM and on flash): when full the oldest are dropped and counted.</item>
    /// </list>
    /// Secrets (<c>wifi-password</c>, <c>mqtt-password</c>) are never shown by <see cref="Describe"/>.
    /// </summary>
    public sealed class UplinkSettings
    {
        /// <summary>Default topic prefix.</summary>
        public const string DefaultTopicPrefix = "dcmonitor";

        /// <summary>Default publish period, s.</summary>
        public const int DefaultPeriodSeconds = 10;

        /// <summary>Default capacity of the bridge's queue, readings (8 KB).</summary>
        public const int DefaultQueueCapacity = 512;

        /// <summary>Default broker port (MQTT over TCP, IANA 1883).</summary>
        public const int DefaultBrokerPort = 1883;

        /// <summary>The keys <see cref="Set"/> accepts, in the order <see cref="Describe"/> lists them.</summary>
        public static readonly string[] Keys = { "wifi-ssid", "wifi-password", "broker-host", "broker-port", "tls", "ca", "mqtt-user", "mqtt-password", "topic-prefix", "discovery-prefix", "period", "queue" };

        private const string ChecksumKey = "checksum";

        /// <summary>Wi-Fi network name ("" = none).</summary>
        public string WifiSsid { get; private set; } = string.Empty;

        /// <summary>Wi-Fi password ("" = open network).</summary>
        public string WifiPassword { get; private set; } = string.Empty;

        /// <summary>Broker host name or address ("" = none).</summary>
        public string BrokerHost { get; private set; } = string.Empty;

        /// <summary>Broker TCP port.</summary>
        public int BrokerPort { get; private set; } = DefaultBrokerPort;

        /// <summary>True to connect with TLS.</summary>
        public bool TlsEnabled { get; private set; }

        /// <summary>The broker's CA certificate, PEM text ("" = none).</summary>
        public string CaCertificate { get; private set; } = string.Empty;

        /// <summary>MQTT user name ("" = none).</summary>
        public string MqttUser { get; private set; } = string.Empty;

        /// <summary>MQTT password ("" = none).</summary>
        public string MqttPassword { get; private set; } = string.Empty;

        /// <summary>First level of every topic the bridge publishes (Home Assistant's own topics excepted).</summary>
        public string TopicPrefix { get; private set; } = DefaultTopicPrefix;

        /// <summary>
        /// Home Assistant's discovery prefix (its MQTT integration setting, <see cref="HomeAssistantDiscovery.DefaultDiscoveryPrefix"/>
        /// unless the owner changed it there): discovery goes to <c>&lt;prefix&gt;/device/…/config</c>, birth is heard on <c>&lt;prefix&gt;/status</c>.
        /// </summary>
        public string DiscoveryPrefix { get; private set; } = HomeAssistantDiscovery.DefaultDiscoveryPrefix;

        /// <summary>Publish period, s.</summary>
        public int PeriodSeconds { get; private set; } = DefaultPeriodSeconds;

        /// <summary>Capacity of the bridge's queue, readings.</summary>
        public int QueueCapacity { get; private set; } = DefaultQueueCapacity;

        /// <summary>True when a Wi-Fi network and a broker are set: the node can bridge.</summary>
        public bool IsComplete => WifiSsid.Length > 0 && BrokerHost.Length > 0;

        /// <summary>True for a key whose value is never shown.</summary>
        public static bool IsSecret(string key)
        {
            return key == "wifi-password" || key == "mqtt-password";
        }

        /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> after checking it.</summary>
        /// <exception cref="ArgumentException">An unknown key or a value outside its limits (the message says which; it never contains a secret).</exception>
        public void Set(string key, string value)
        {
            value = value == null ? string.Empty : value;
            switch (key)
            {
                case "wifi-ssid":
                    WifiSsid = Text(key, value, 0, 32, false);
                    break;
                case "wifi-password":
                    if (value.Length != 0 && (value.Length < 8 || value.Length > 63))
                    {
                        throw new ArgumentException("wifi-password: empty or 8-63 characters (got " + value.Length.ToString() + ")");
                    }

                    WifiPassword = value;
                    break;
                case "broker-host":
                    BrokerHost = Text(key, value, 0, 253, true);
                    break;
                case "broker-port":
                    BrokerPort = Number(key, value, 1, 65535);
                    break;
                case "tls":
                    if (value != "on" && value != "off")
                    {
                        throw new ArgumentException("tls: on or off, not '" + value + "'");
                    }

                    TlsEnabled = value == "on";
                    break;
                case "ca":
                    if (value.Length != 0 && value.IndexOf("-----BEGIN CERTIFICATE-----") < 0)
                    {
                        throw new ArgumentException("ca: a PEM certificate (-----BEGIN CERTIFICATE-----) expected");
                    }

                    CaCertificate = value;
                    break;
                case "mqtt-user":
                    MqttUser = Text(key, value, 0, 64, true);
                    break;
                case "mqtt-password":
                    if (value.Length > 64)
                    {
                        throw new ArgumentException("mqtt-password: at most 64 characters (got " + value.Length.ToString() + ")");
                    }

                    MqttPassword = value;
                    break;
                case "topic-prefix":
                    TopicPrefix = Prefix(key, value);
                    break;
                case "discovery-prefix":
                    DiscoveryPrefix = Prefix(key, value);
                    break;
                case "period":
                    PeriodSeconds = Number(key, value, 1, 3600);
                    break;
                case "queue":
                    QueueCapacity = Number(key, value, 4, 4096);
                    break;
                default:
                    throw new ArgumentException("unknown key '" + key + "'");
            }
        }

        /// <summary>The value of <paramref name="key"/> as <see cref="Describe"/> shows it: empty ones as <c>(not set)</c>, secrets as <c>(set)</c>,
        /// the CA certificate by its length.</summary>
        public string Shown(string key)
        {
            string value = Raw(key);
            if (value.Length == 0)
            {
                return "(not set)";
            }

            return IsSecret(key) ? "(set)" : key == "ca" ? "(set, " + value.Length.ToString() + " characters)" : value;
        }

        /// <summary>One <c>key=value</c> line per key, secrets hidden.</summary>
        public string[] Describe()
        {
            string[] lines = new string[Keys.Length];
            for (int i = 0; i < Keys.Length; i++)
            {
                lines[i] = Keys[i] + "=" + Shown(Keys[i]);
            }

            return lines;
        }

        /// <summary>The settings as flash text: every key on its own line (CA line breaks as '|'), then the checksum line.</summary>
        public string ToText()
        {
            var text = new StringBuilder();
            for (int i = 0; i < Keys.Length; i++)
            {
                text.Append(Keys[i]).Append('=').Append(new StringBuilder(Raw(Keys[i])).Replace('\n', '|').Replace("\r", string.Empty).ToString()).Append('\n');
            }

            string body = text.ToString();
            return body + ChecksumKey + "=" + NodeRegistry.Checksum(body).ToString("X8") + "\n";
        }

        /// <summary>An independent copy.</summary>
        public UplinkSettings Copy()
        {
            return Parse(ToText());
        }

        /// <summary>Settings from <see cref="ToText"/>'s text.</summary>
        /// <exception cref="ArgumentException">Torn or edited text (checksum), or a value outside its limits.</exception>
        public static UplinkSettings Parse(string text)
        {
            int checksumAt = text == null ? -1 : text.LastIndexOf(ChecksumKey + "="); // the last line: values cannot hold a line break
            if (checksumAt < 0 || text.Length < checksumAt + ChecksumKey.Length + 9
                || text.Substring(checksumAt + ChecksumKey.Length + 1, 8) != NodeRegistry.Checksum(text.Substring(0, checksumAt)).ToString("X8"))
            {
                throw new ArgumentException("uplink settings: checksum missing or wrong (torn write?)");
            }

            var settings = new UplinkSettings();
            string body = text.Substring(0, checksumAt);
            int start = 0;
            while (start < body.Length)
            {
                int end = body.IndexOf('\n', start);
                end = end < 0 ? body.Length : end;
                string line = body.Substring(start, end - start);
                int equals = line.IndexOf('=');
                if (equals > 0)
                {
                    string key = line.Substring(0, equals);
                    string value = line.Substring(equals + 1);
                    settings.Set(key, key == "ca" ? new StringBuilder(value).Replace('|', '\n').ToString() : value);
                }

                start = end + 1;
            }

            return settings;
        }

        private string Raw(string key)
        {
            switch (key)
            {
                case "wifi-ssid": return WifiSsid;
                case "wifi-password": return WifiPassword;
                case "broker-host": return BrokerHost;
                case "broker-port": return BrokerPort.ToString();
                case "tls": return TlsEnabled ? "on" : "off";
                case "ca": return CaCertificate;
                case "mqtt-user": return MqttUser;
                case "mqtt-password": return MqttPassword;
                case "topic-prefix": return TopicPrefix;
                case "discovery-prefix": return DiscoveryPrefix;
                case "period": return PeriodSeconds.ToString();
                case "queue": return QueueCapacity.ToString();
                default: throw new ArgumentException("unknown key '" + key + "'");
            }
        }

        private static string Text(string key, string value, int minimum, int maximum, bool noSpaces)
        {
            if (value.Length < minimum || value.Length > maximum)
            {
                throw new ArgumentException(key + ": " + minimum.ToString() + "-" + maximum.ToString() + " characters (got " + value.Length.ToString() + ")");
            }

            if (noSpaces && value.IndexOf(' ') >= 0)
            {
                throw new ArgumentException(key + ": no spaces allowed");
            }

            return value;
        }

        private static int Number(string key, string value, int minimum, int maximum)
        {
            int number = 0;
            bool valid = value.Length > 0 && value.Length <= 5;
            for (int i = 0; valid && i < value.Length; i++)
            {
                valid = value[i] >= '0' && value[i] <= '9';
                number = (number * 10) + (value[i] - '0');
            }

            if (!valid || number < minimum || number > maximum)
            {
                throw new ArgumentException(key + ": a whole number " + minimum.ToString() + "-" + maximum.ToString() + ", not '" + value + "'");
            }

            return number;
        }

        private static string Prefix(string key, string value)
        {
            bool valid = value.Length >= 1 && value.Length <= 64 && value[0] != '/' && value[value.Length - 1] != '/';
            for (int i = 0; valid && i < value.Length; i++)
            {
                char c = value[i];
                valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '/';
            }

            if (!valid)
            {
                throw new ArgumentException(key + ": 1-64 characters of A-Z a-z 0-9 _ - /, not starting or ending with '/', not '" + value + "'");
            }

            return value;
        }
    }
}
