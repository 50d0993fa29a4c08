using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Broker;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Shared.Uplink;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace DcMonitor.Benchmarks
{
    /// <summary>
    /// <c>dotnet run -c Release --project Tests/Benchmarks -- uplink</c>: what the MQTT uplink costs the broker, measured on the
    /// embedded broker (<see cref="EmbeddedBroker"/>) through <see cref="CountingProxy"/>. Three ways to deliver the same readings (the same topics and state JSON):
    /// the firmware itself (3 emulated nodes, 2 s period: one standing connection, a QoS 1 batch per period, keep-alive included),
    /// one connection per batch (the seed's mesh-to-MQTT sender), one connection per reading. Prints bytes per reading and
    /// connections per hour; nothing is asserted (figures for docs/mqtt-uplink.md).
    /// </summary>
    public static class UplinkTraffic
    {
        private const int Nodes = 3;
        private const int PeriodSeconds = 2;
        private const int WindowSeconds = 60;

        public static int Run(TextWriter output)
        {
            using var broker = new EmbeddedBroker();
            using var proxy = new CountingProxy(broker.Port);
            var rows = new List<string>();

            (long bytes, long connections, int readings) firmware = MeasureFirmware(broker.Port, proxy, output);
            rows.Add(Row("firmware: standing connection, QoS 1 batch per period", firmware, WindowSeconds));

            UplinkReading[] readings = Enumerable.Range(0, firmware.readings).Select(i => new UplinkReading(0x0005 + (i % Nodes), i / Nodes, 12000, 125000, 50, 1234567)).ToArray();
            rows.Add(Row("one connection per batch (seed sender)", MeasureClient(proxy, readings, Nodes), WindowSeconds));
            rows.Add(Row("one connection per reading", MeasureClient(proxy, readings, 1), WindowSeconds));

            output.WriteLine();
            output.WriteLine("| delivery (" + Nodes + " nodes, " + PeriodSeconds + " s period, " + firmware.readings + " readings in " + WindowSeconds + " s) | MQTT bytes per reading (both ways) | broker connections per hour |");
            output.WriteLine("|---|---:|---:|");
            rows.ForEach(output.WriteLine);
            return 0;
        }

        private static string Row(string name, (long bytes, long connections, int readings) measured, int seconds)
        {
            double perReading = (double)measured.bytes / measured.readings;
            double perHour = measured.connections * 3600.0 / seconds;
            return "| " + name + " | " + perReading.ToString("F0") + " | " + (perHour < 1 ? "< 1 (one standing connection)" : perHour.ToString("F0")) + " |";
        }

        private static (long, long, int) MeasureFirmware(int brokerPort, CountingProxy proxy, TextWriter output)
        {
            string ssid = "bench-" + Guid.NewGuid().ToString("N").Substring(0, 6);
            VirtualAccessPoint.Create(ssid, "benchmark-router");
            var air = new VirtualAir();
            string root = Path.Combine(Path.GetTempPath(), "dcmonitor-bench-" + Guid.NewGuid().ToString("N"));
            var nodes = new List<EmulatedUniversalNode>();
            var states = new StateCounter(brokerPort);
            try
            {
                for (int i = 0; i < Nodes; i++)
                {
                    var node = new EmulatedUniversalNode(new UniversalNodeBoardOptions { FlashDirectory = Path.Combine(root, "node-" + i), Name = "node-" + i, Air = air, PreprovisionedAddress = 0x0005 + i, NoiseSeed = 100 + i });
                    node.PowerOn();
                    nodes.Add(node);
                    WaitFor(node.Console, l => l == DcMonitor.UniversalNode.UniversalNodeApp.ReadyLine);
                    foreach (string line in new[] { "uplink wifi-ssid " + ssid, "uplink wifi-password benchmark-router", "uplink broker-host 127.0.0.1", "uplink broker-port " + proxy.Port, "uplink period " + PeriodSeconds })
                    {
                        node.Console.SendToDevice(line + "\r\n");
                        WaitFor(node.Console, l => l.StartsWith(">> uplink: ", StringComparison.Ordinal));
                    }
                }

                output.WriteLine("firmware: waiting for the bridge to publish ...");
                DateTime deadline = DateTime.UtcNow.AddSeconds(60);
                while (states.Count < Nodes * 3 && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(100); // polls the watcher's counter
                }

                proxy.Reset();
                int before = states.Count;
                Thread.Sleep(WindowSeconds * 1000); // the measurement window
                int readings = states.Count - before;
                output.WriteLine("firmware: " + readings + " readings, " + (proxy.BytesToBroker + proxy.BytesFromBroker) + " bytes, " + proxy.Connections + " new connections in " + WindowSeconds + " s");
                return (proxy.BytesToBroker + proxy.BytesFromBroker, proxy.Connections, readings);
            }
            finally
            {
                nodes.ForEach(n => n.Dispose());
                states.Dispose();
                Directory.Delete(root, recursive: true);
            }
        }

        private static (long, long, int) MeasureClient(CountingProxy proxy, UplinkReading[] readings, int perConnection)
        {
            proxy.Reset();
            for (int start = 0; start < readings.Length; start += perConnection)
            {
                using var client = new MqttClient("127.0.0.1", proxy.Port, false, null, null, MqttSslProtocols.None);
                using var acknowledged = new CountdownEvent(Math.Min(perConnection, readings.Length - start));
                client.MqttMsgPublished += (sender, e) => acknowledged.Signal();
                client.Connect("dcmonitor-bench", null, null, false, MqttQoSLevel.AtMostOnce, false, null, null, true, 15);
                for (int i = start; i < start + perConnection && i < readings.Length; i++)
                {
                    byte[] uuid = new byte[16];
                    uuid[0] = 0xDD;
                    uuid[1] = 0xDD;
                    uuid[2] = (byte)readings[i].Address;
                    client.Publish(HomeAssistantDiscovery.StateTopic("dcmonitor", uuid), Encoding.UTF8.GetBytes(HomeAssistantDiscovery.StatePayload(readings[i])), null, null, MqttQoSLevel.AtLeastOnce, false);
                }

                acknowledged.Wait(10000);
                client.Disconnect();
            }

            Thread.Sleep(200); // lets the relay count the last DISCONNECT before the figures are read
            return (proxy.BytesToBroker + proxy.BytesFromBroker, proxy.Connections, readings.Length);
        }

        private static void WaitFor(VirtualSerialPort console, Func<string, bool> match)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                if (console.TryReadLine(1000, out string line) && match(line))
                {
                    return;
                }
            }

            throw new TimeoutException("node console did not answer");
        }

        /// <summary>Counts state messages on the broker (directly, not through the proxy).</summary>
        private sealed class StateCounter : IDisposable
        {
            private readonly MqttClient _client;
            private int _count;

            public StateCounter(int port)
            {
                _client = new MqttClient("127.0.0.1", port, false, null, null, MqttSslProtocols.None);
                _client.MqttMsgPublishReceived += (sender, e) => Interlocked.Increment(ref _count);
                _client.Connect("dcmonitor-bench-counter");
                _client.Subscribe(new[] { "dcmonitor/+/state" }, new[] { MqttQoSLevel.AtMostOnce });
            }

            public int Count => Volatile.Read(ref _count);

            public void Dispose() => _client.Close();
        }
    }
}
