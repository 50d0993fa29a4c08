using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using DcMonitor.Emulator.Air;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// Nodes as OS processes behind the air endpoint (docs/emulator.md), driven only through that endpoint:
    /// central and control roles, a power cut of the gateway node and the console's failover.
    /// </summary>
    [LongRunning(45)]
    public sealed class AirEndpointTests : IDisposable
    {
        private readonly TemporaryFlash _root = new TemporaryFlash();
        private readonly AirHub _hub;

        public AirEndpointTests()
        {
            _hub = new AirHub(0, 1000, TextWriter.Null);
            for (int i = 0; i < 3; i++)
            {
                _hub.AddNode("node-" + i, "universal", 0x0005 + i, Path.Combine(_root.Path, "node-" + i), 100 + i);
            }

            _hub.AddNode("relay-0", "relay", 0x0008, Path.Combine(_root.Path, "relay-0"), 0);
            foreach (HubNode node in _hub.Nodes())
            {
                _hub.SetPower(node.Name, true);
            }

            Assert.True(_hub.WaitUntilReady(60000), "node processes did not start");
        }

        public void Dispose()
        {
            _hub.Dispose();
            _root.Dispose();
        }

        [Fact]
        public void ACentralScansConnectsSubscribesAndCommands()
        {
            using AirClient pi = AirClient.Connect(_hub.Port, "central", "pi5");
            JsonObject scan = pi.Request(new JsonObject { ["op"] = "scan", ["timeout_ms"] = 100 });
            var devices = ((JsonArray)scan["devices"]).OfType<JsonObject>().ToList();
            Assert.Equal(3, devices.Count(d => (string)d["name"] == "DC-Monitor"));
            Assert.Contains(devices, d => (string)d["name"] == "ESP-BLE-MESH" && ((JsonArray)d["service_uuids"]).Count == 0);

            JsonObject connected = pi.Request(new JsonObject { ["op"] = "connect", ["address"] = "DC:4D:00:00:00:06" });
            Assert.Equal(23, (int)connected["mtu"]);
            JsonObject services = pi.Request(new JsonObject { ["op"] = "services" });
            Assert.Equal(CentralSession.ServiceUuid, (string)((JsonArray)services["services"])[0]["uuid"]);
            Assert.Equal("subscribed", (string)pi.Request(new JsonObject { ["op"] = "subscribe", ["char"] = CentralSession.SensorDataUuid })["op"]);

            Assert.Equal("written", (string)pi.Request(Write("1:READ"))["op"]);
            Assert.Equal("NODE1:DATA:", Reassemble(pi).Substring(0, 11));

            JsonObject tooLong = pi.Request(Write(new string('1', 21)));
            Assert.Equal("too_long", (string)tooLong["error"]);
            Assert.Equal("no_such_characteristic", (string)pi.Request(new JsonObject { ["op"] = "subscribe", ["char"] = CentralSession.CommandUuid })["error"]);
            Assert.Equal("disconnected", (string)pi.Request(new JsonObject { ["op"] = "disconnect" })["op"]);
        }

        [Fact]
        public void ARelayHasNoDcMonitorService()
        {
            using AirClient pi = AirClient.Connect(_hub.Port, "central", "pi5");
            pi.Request(new JsonObject { ["op"] = "connect", ["address"] = "DC:4D:00:00:00:08" });
            Assert.Equal("no_such_characteristic", (string)pi.Request(new JsonObject { ["op"] = "subscribe", ["char"] = CentralSession.SensorDataUuid })["error"]);
        }

        [Fact]
        public void TheControlRoleListsNodesCountsTrafficAndTypesOnConsoles()
        {
            using AirClient control = AirClient.Connect(_hub.Port, "control", "test");
            var nodes = ((JsonArray)control.Request(new JsonObject { ["op"] = "nodes" })["nodes"]).OfType<JsonObject>().ToList();
            Assert.Equal(4, nodes.Count);
            Assert.Contains(nodes, n => (string)n["name"] == "node-0" && (string)n["unicast"] == "0x0005" && (bool)n["powered"]);

            control.Request(new JsonObject { ["op"] = "attach", ["node"] = "node-2" });
            control.Request(new JsonObject { ["op"] = "console", ["node"] = "node-2", ["line"] = "duty:40" });
            string reply = null;
            while (reply == null && control.Events.TryTake(out JsonObject e, 10000))
            {
                string line = (string)e["line"];
                if ((string)e["op"] == "console_out" && line != null && line.StartsWith(">> ", StringComparison.Ordinal))
                {
                    reply = line;
                }
            }

            Assert.StartsWith(">> D:40%,", reply);
            using (AirClient pi = AirClient.Connect(_hub.Port, "central", "pi5"))
            {
                pi.Request(new JsonObject { ["op"] = "connect", ["address"] = "DC:4D:00:00:00:05" });
                pi.Request(new JsonObject { ["op"] = "subscribe", ["char"] = CentralSession.SensorDataUuid });
                pi.Request(Write("1:READ"));
                Assert.StartsWith("NODE1:DATA:", Reassemble(pi));
            }

            JsonObject stats = control.Request(new JsonObject { ["op"] = "stats" });
            Assert.True((long)stats["network_pdus"] > 0);
            Assert.True((long)stats["nodes"]["node-0"]["network_pdus"] > 0, "node-0 sent the READ");
            Assert.True((long)stats["nodes"]["node-1"]["network_pdus"] > 0, "node-1 sent the STATUS");
            Assert.True((long)stats["nodes"]["node-0"]["gatt_notifications"] > 0);
            Assert.True((long)stats["gatt_notifications"] >= (long)stats["nodes"]["node-0"]["gatt_notifications"]);
            Assert.Equal("bad_request", (string)control.Request(new JsonObject { ["op"] = "fly" })["error"]);
        }

        [Fact]
        public void AMalformedLineGetsBadRequestAndTheConnectionStays()
        {
            using var connection = JsonLineConnection.Connect("127.0.0.1", _hub.Port);
            var replies = new System.Collections.Concurrent.BlockingCollection<JsonObject>();
            connection.Received += replies.Add;
            connection.Start();
            connection.Send(new JsonObject { ["op"] = "hello", ["role"] = "control", ["name"] = "x" });
            Assert.True(replies.TryTake(out JsonObject hello, 5000));
            Assert.Equal(1, (int)hello["version"]);
            var raw = new System.Net.Sockets.TcpClient();
            // a second, raw connection: garbage first
            raw.Connect("127.0.0.1", _hub.Port);
            var writer = new StreamWriter(raw.GetStream()) { AutoFlush = true };
            var reader = new StreamReader(raw.GetStream());
            writer.WriteLine("this is not json");
            Assert.Contains("bad_request", reader.ReadLine());
            raw.Dispose();
        }

        [Fact]
        public void WhenTheGatewayNodeLosesPowerTheConsoleFailsOverAndAllReadWorksAgain()
        {
            using var gateway = new AirGatewayConsole(_hub.Port, TextWriter.Null, firstScanMilliseconds: 100);
            Assert.Equal("DC:4D:00:00:00:05", gateway.ConnectedTo);
            Assert.True(_hub.SetPower("node-0", false));

            Assert.True(gateway.WaitForConnectionOtherThan("DC:4D:00:00:00:05", 30000) != null, "the console did not fail over");

            Assert.True(gateway.Write("ALL:READ"));
            string first = Take(gateway);
            Assert.Contains(":DATA:", first);
            Assert.Equal("SENT:READ", Take(gateway));
            Assert.Contains(":DATA:D:", Take(gateway));

            Assert.True(_hub.SetPower("node-0", true));
            Assert.True(_hub.WaitUntilReady(60000));
            Assert.True(gateway.Write("0:READ"));
            Assert.StartsWith("SENT:READ", Take(gateway));
            Assert.StartsWith("NODE0:DATA:D:0%,", Take(gateway));
        }

        [Fact]
        public void ACentralThatGoesOutOfRangeLosesItsLink()
        {
            using AirClient pi = AirClient.Connect(_hub.Port, "central", "pi5");
            pi.Request(new JsonObject { ["op"] = "connect", ["address"] = "DC:4D:00:00:00:07" });
            using AirClient control = AirClient.Connect(_hub.Port, "control", "test");
            control.Request(new JsonObject { ["op"] = "link", ["a"] = "pi5", ["b"] = "node-2", ["in_range"] = false });
            Assert.True(pi.Events.TryTake(out JsonObject lost, 10000));
            Assert.Equal("disconnected", (string)lost["op"]);
            Assert.Equal("link_loss", (string)lost["reason"]);
            var devices = ((JsonArray)pi.Request(new JsonObject { ["op"] = "scan", ["timeout_ms"] = 100 })["devices"]).OfType<JsonObject>();
            Assert.DoesNotContain(devices, d => (string)d["address"] == "DC:4D:00:00:00:07");
        }

        [Fact]
        public void ANodeThatHearsOnlyTheRelayIsReachedThroughIt()
        {
            _hub.Air.SetLink("node-2", "node-0", inRange: false);
            _hub.Air.SetLink("node-2", "node-1", inRange: false);
            using var gateway = new AirGatewayConsole(_hub.Port, TextWriter.Null, firstScanMilliseconds: 100);
            Assert.True(gateway.Write("2:READ"));
            Assert.Equal("SENT:READ", Take(gateway));
            Assert.StartsWith("NODE2:DATA:D:0%,", Take(gateway));
            Assert.True(_hub.Air.PerRadio()["relay-0"].NetworkPdusRelayed > 0, "relay-0 relayed nothing");
        }

        private static string Take(AirGatewayConsole gateway)
        {
            Assert.True(gateway.Messages.TryTake(out string message, 15000), "no message");
            return message;
        }

        private static JsonObject Write(string command) => new JsonObject
        {
            ["op"] = "write", ["char"] = CentralSession.CommandUuid, ["data_hex"] = Convert.ToHexString(Encoding.ASCII.GetBytes(command)), ["response"] = true,
        };

        private static string Reassemble(AirClient pi)
        {
            var buffer = new StringBuilder();
            while (pi.Events.TryTake(out JsonObject e, 10000))
            {
                if ((string)e["op"] != "notify")
                {
                    continue;
                }

                string chunk = Encoding.UTF8.GetString(Convert.FromHexString((string)e["data_hex"])).Trim();
                if (chunk.StartsWith("+", StringComparison.Ordinal))
                {
                    buffer.Append(chunk.Substring(1));
                    continue;
                }

                string message = buffer + chunk;
                buffer.Clear();
                if (message.Contains(":DATA:", StringComparison.Ordinal))
                {
                    return message;
                }
            }

            return string.Empty;
        }
    }
}
