using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using DcMonitor.Emulator.Air;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// The hub at scale (issue 15 part 4): a transmission is serialised once and written only to the node processes in range of
    /// the sender, and the in-process mode for large meshes serves the same air endpoint with the nodes in the hub's process.
    /// </summary>
    public class HubScaleTests
    {
        [Fact]
        public void ATransmissionIsSerialisedOnceAndWrittenOnlyToTheReceiversInRange()
        {
            using var hub = new AirHub(0, 1000, TextWriter.Null, AirModel.Instantaneous); // the hub's routing, not the air's timing
            var radios = new List<(JsonLineConnection Connection, BlockingCollection<JsonObject> Received)>();
            for (int i = 0; i < 4; i++)
            {
                hub.AddNode("node-" + i, "universal", 0x0005 + i, Path.GetTempPath(), i); // declared, not powered: the test is the radio
                var connection = JsonLineConnection.Connect("127.0.0.1", hub.Port);
                var received = new BlockingCollection<JsonObject>();
                connection.Received += received.Add;
                connection.Start();
                connection.Send(new JsonObject { ["op"] = "hello", ["role"] = "radio", ["name"] = "node-" + i });
                radios.Add((connection, received));
            }

            hub.Air.SetLink("node-0", "node-3", inRange: false);
            Assert.True(SpinUntil(() => hub.Nodes().All(node => node.Proxy != null)), "the radios did not join the air");

            var pdu = new NetworkPdu { Source = 0x0005, Destination = 0xC000, Ttl = 7, Sequence = 1, Opcode = 0xC002E5, Parameters = new byte[] { 1, 2 } };
            radios[0].Connection.Send(new JsonObject { ["op"] = "tx", ["relayed"] = false, ["pdu"] = PduJson.ToJson(pdu) });
            JsonObject first = Take(radios[1].Received);
            JsonObject second = Take(radios[2].Received);
            Assert.Equal("rx", (string)first["op"]);
            Assert.Equal(first.ToJsonString(), second.ToJsonString());
            Assert.Equal(0x0005, (int)first["pdu"]["src"]);
            Assert.Equal("0102", (string)first["pdu"]["params_hex"]);
            Assert.Equal(1, hub.ReceptionLines.Serialisations);

            var relayed = new NetworkPdu { Source = 0x0005, Destination = 0xC000, Ttl = 6, Sequence = 2, Opcode = 0xC002E5, Parameters = new byte[] { 1, 2 } };
            radios[1].Connection.Send(new JsonObject { ["op"] = "tx", ["relayed"] = true, ["pdu"] = PduJson.ToJson(relayed) });
            Assert.Equal(2, (int)Take(radios[3].Received)["pdu"]["seq"]);
            Assert.Equal(2, (int)Take(radios[0].Received)["pdu"]["seq"]);
            Assert.Equal(2, (int)Take(radios[2].Received)["pdu"]["seq"]);
            Assert.Equal(2, hub.ReceptionLines.Serialisations);
            Assert.Equal(5, hub.ReceptionLines.Receptions);
            Assert.False(radios[3].Received.TryTake(out JsonObject stray, 300), "node-3 is out of range of node-0: " + stray?.ToJsonString());
            Assert.Equal(1, hub.Air.PerLink().Single(link => link.Sender == "node-0" && link.Receiver == "node-3").OutOfRange);
            foreach (var radio in radios)
            {
                radio.Connection.Dispose();
            }
        }

        [Fact]
        public void AnUnprovisionedBeaconIsWrittenOnlyToTheProvisionerProcess()
        {
            using var hub = new AirHub(0, 1000, TextWriter.Null);
            var received = new Dictionary<string, BlockingCollection<JsonObject>>();
            var connections = new List<JsonLineConnection>();
            foreach (string image in new[] { "universal", "relay", "provisioner" })
            {
                hub.AddNode(image, image, 0, Path.GetTempPath(), 0);
                var connection = JsonLineConnection.Connect("127.0.0.1", hub.Port);
                received[image] = new BlockingCollection<JsonObject>();
                connection.Received += received[image].Add;
                connection.Start();
                connection.Send(new JsonObject { ["op"] = "hello", ["role"] = "radio", ["name"] = image });
                connections.Add(connection);
            }

            Assert.True(SpinUntil(() => hub.Nodes().All(node => node.Proxy != null)), "the radios did not join the air");
            var beacon = new NetworkPdu { Kind = NetworkPdu.BeaconKind, Uuid = new byte[16], Parameters = new byte[0], SegmentCount = 1 };
            connections[0].Send(new JsonObject { ["op"] = "tx", ["relayed"] = false, ["pdu"] = PduJson.ToJson(beacon) });
            Assert.Equal(NetworkPdu.BeaconKind, (int)Take(received["provisioner"])["pdu"]["kind"]);
            var data = new NetworkPdu { Source = 0x0005, Destination = 0xC000, Ttl = 7, Sequence = 1, Opcode = 0xC002E5, Parameters = new byte[] { 1 } };
            connections[0].Send(new JsonObject { ["op"] = "tx", ["relayed"] = false, ["pdu"] = PduJson.ToJson(data) });
            Assert.Equal(NetworkPdu.NetworkKind, (int)Take(received["relay"])["pdu"]["kind"]); // the network PDU, not the beacon before it
            Assert.Equal(NetworkPdu.NetworkKind, (int)Take(received["provisioner"])["pdu"]["kind"]);
            Assert.Equal(3, hub.ReceptionLines.Receptions);
            foreach (JsonLineConnection connection in connections)
            {
                connection.Dispose();
            }
        }

        [Fact]
        public void InProcessNodesAnswerEveryCommandThroughTheAirEndpoint()
        {
            using var flash = new TemporaryFlash();
            using var hub = new AirHub(0, 1000, TextWriter.Null) { InProcess = true };
            for (int i = 0; i < 3; i++)
            {
                hub.AddNode("node-" + i, "universal", 0x0005 + i, Path.Combine(flash.Path, "node-" + i), 100 + i);
            }

            foreach (HubNode node in hub.Nodes())
            {
                hub.SetPower(node.Name, true);
            }

            Assert.True(hub.WaitUntilReady(60000), "in-process nodes did not start");
            Assert.All(hub.Nodes(), node => Assert.Null(node.Process));
            using var pi = new AirGatewayConsole(hub.Port, TextWriter.Null, firstScanMilliseconds: 100);
            Assert.True(pi.Write("ALL:READ"));
            Assert.StartsWith("NODE0:DATA:", EndpointScaleTests.Take(pi));
            Assert.Equal("SENT:READ", EndpointScaleTests.Take(pi));
            var answered = new HashSet<string> { EndpointScaleTests.Take(pi).Split(':')[0], EndpointScaleTests.Take(pi).Split(':')[0] };
            Assert.Equal(new HashSet<string> { "NODE1", "NODE2" }, answered);
            Assert.Equal(0, hub.ReceptionLines.Serialisations); // the nodes' radios are on the air itself: no rx lines
            Assert.True(hub.Air.Statistics.NetworkPdusTransmitted > 0);

            Assert.True(hub.SetPower("node-2", false));
            Assert.True(pi.Write("2:READ"));
            Assert.Equal("SENT:READ", EndpointScaleTests.Take(pi));
            Assert.Equal("ERROR:MESH_TIMEOUT", EndpointScaleTests.Take(pi));
        }

        private static JsonObject Take(BlockingCollection<JsonObject> received)
        {
            Assert.True(received.TryTake(out JsonObject message, 10000), "no line within 10 s");
            return message;
        }

        private static bool SpinUntil(Func<bool> condition) => System.Threading.SpinWait.SpinUntil(condition, 10000);
    }
}
