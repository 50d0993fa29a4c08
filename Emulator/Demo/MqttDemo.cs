using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using DcMonitor.Emulator.Air;
using DcMonitor.Emulator.Broker;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// <c>demo --mqtt HOST:PORT</c> (an outside broker) or <c>--mqtt local</c> (the <see cref="EmbeddedBroker"/>, inside this process on a
    /// free loopback port: nothing to install): gives every universal node
    /// of the demo the uplink settings over its serial console (the demo router <see cref="DemoWifi"/>, the broker, a 5 s period),
    /// so the nodes elect a bridge and the mesh appears in MQTT as Home Assistant devices; a watcher subscribed to
    /// <c>homeassistant/#</c> and <c>dcmonitor/#</c> prints what arrives as <c>mqtt: &lt;topic&gt; &lt;payload&gt;</c> status lines.
    /// </summary>
    public sealed class MqttDemo : IDisposable
    {
        /// <summary>Publish period the demo sets on the nodes, s.</summary>
        public const int PeriodSeconds = 5;

        private readonly TextWriter _status;
        private readonly EmbeddedBroker _broker;
        private readonly MqttClient _watcher;
        private readonly ConcurrentDictionary<string, bool> _devices = new ConcurrentDictionary<string, bool>();
        private readonly ConcurrentDictionary<string, bool> _states = new ConcurrentDictionary<string, bool>();

        private MqttDemo(string host, int port, EmbeddedBroker broker, TextWriter status)
        {
            Host = host;
            Port = port;
            _broker = broker;
            _status = status;
            _watcher = new MqttClient(host, port, false, null, null, MqttSslProtocols.None);
            _watcher.MqttMsgPublishReceived += OnMessage;
            if (_watcher.Connect("dcmonitor-demo-watcher-" + Environment.ProcessId) != MqttReasonCode.Success)
            {
                throw new InvalidOperationException("the broker at " + host + ":" + port + " refused the demo's watcher");
            }

            _watcher.Subscribe(new[] { "homeassistant/#", "dcmonitor/#" }, new[] { MqttQoSLevel.AtMostOnce, MqttQoSLevel.AtMostOnce });
        }

        /// <summary>The broker's host.</summary>
        public string Host { get; }

        /// <summary>The broker's port.</summary>
        public int Port { get; }

        /// <summary>Parses <paramref name="spec"/> (<c>HOST:PORT</c> or <c>local</c>) and connects the watcher; null (reason on status) when impossible.</summary>
        public static MqttDemo Start(string spec, TextWriter status)
        {
            try
            {
                if (spec == "local")
                {
                    var broker = new EmbeddedBroker();
                    status.WriteLine("mqtt: embedded broker (in this process) on 127.0.0.1:" + broker.Port);
                    try
                    {
                        return new MqttDemo("127.0.0.1", broker.Port, broker, status);
                    }
                    catch
                    {
                        broker.Dispose();
                        throw;
                    }
                }

                int colon = spec == null ? -1 : spec.LastIndexOf(':');
                if (colon <= 0 || !int.TryParse(spec.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
                {
                    status.WriteLine("--mqtt takes HOST:PORT (e.g. 127.0.0.1:1883) or local");
                    return null;
                }

                return new MqttDemo(spec.Substring(0, colon), port, null, status);
            }
            catch (Exception exception) when (exception is InvalidOperationException || exception is nanoFramework.M2Mqtt.Exceptions.MqttConnectionException)
            {
                status.WriteLine("mqtt: " + exception.Message);
                return null;
            }
        }

        /// <summary>Types the uplink settings into every universal node's console.</summary>
        public void Configure(AirHub hub)
        {
            foreach (HubNode node in hub.Nodes().Where(n => n.Name.StartsWith("node-", StringComparison.Ordinal)))
            {
                foreach (string line in new[]
                {
                    "uplink wifi-ssid " + DemoWifi.Ssid, "uplink wifi-password " + DemoWifi.Password, "uplink broker-host " + Host,
                    "uplink broker-port " + Port.ToString(CultureInfo.InvariantCulture), "uplink period " + PeriodSeconds.ToString(CultureInfo.InvariantCulture),
                })
                {
                    hub.TypeOnConsole(node, line);
                }
            }

            _status.WriteLine("mqtt: uplink settings typed into every universal node's console (router " + DemoWifi.Ssid + ", broker " + Host + ":" + Port + ")");
        }

        /// <summary>Waits until <paramref name="devices"/> Home Assistant devices were announced and each published a state.</summary>
        public bool WaitForDevices(int devices, int timeoutMilliseconds)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
            while (DateTime.UtcNow < deadline && (_devices.Count < devices || _states.Count < devices))
            {
                Thread.Sleep(200); // polls counters the watcher's thread fills
            }

            _status.WriteLine("mqtt: " + _devices.Count + " Home Assistant device(s) announced, " + _states.Count + " with readings");
            return _devices.Count >= devices && _states.Count >= devices;
        }

        public void Dispose()
        {
            _watcher.Close();
            _broker?.Dispose();
        }

        private void OnMessage(object sender, MqttMsgPublishEventArgs e)
        {
            string text = Encoding.UTF8.GetString(e.Message);
            if (e.Topic.StartsWith("homeassistant/device/", StringComparison.Ordinal) && text.Length > 0)
            {
                _devices[e.Topic] = true;
            }
            else if (e.Topic.EndsWith("/state", StringComparison.Ordinal))
            {
                _states[e.Topic] = true;
            }

            _status.WriteLine("mqtt: " + e.Topic + " " + (text.Length > 160 ? text.Substring(0, 160) + "…" : text));
        }
    }
}
