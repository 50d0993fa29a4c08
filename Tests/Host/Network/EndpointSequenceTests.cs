using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DcMonitor.Emulator.Air;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>The node processes of one 4-node + relay network, shared by the sequence tests below.</summary>
    [LongRunning(11)]
    public sealed class EndpointNetworkFixture : IDisposable
    {
        public HubNetwork Network { get; } = new HubNetwork(4);

        public void Dispose() => Network.Dispose();
    }

    /// <summary>
    /// The sequences of seed protocol §2.8 and the bad inputs of the issue, sent by a Pi-compatible console
    /// through the air endpoint only, to node processes.
    /// </summary>
    public sealed class EndpointSequenceTests : IClassFixture<EndpointNetworkFixture>, IDisposable
    {
        private readonly EndpointNetworkFixture _fixture;
        private readonly AirGatewayConsole _pi;

        public EndpointSequenceTests(EndpointNetworkFixture fixture)
        {
            _fixture = fixture;
            _pi = new AirGatewayConsole(fixture.Network.Hub.Port, TextWriter.Null, firstScanMilliseconds: 100);
            Assert.Equal("DC:4D:00:00:00:05", _pi.ConnectedTo);
        }

        public void Dispose() => _pi.Dispose();

        [Fact]
        public void Sequences()
        {
            Ask("0:READ", m => m.StartsWith("NODE0:DATA:D:", StringComparison.Ordinal));

            Ask("1:DUTY:50", m => m == "SENT:DUTY", m => m.StartsWith("NODE1:DATA:D:50%,", StringComparison.Ordinal));

            Assert.True(_pi.Write("ALL:READ"));
            Assert.StartsWith("NODE0:DATA:", Take());
            Assert.Equal("SENT:READ", Take());
            var others = new HashSet<string> { Take(), Take(), Take() }.Select(m => m.Substring(0, m.IndexOf(':'))).ToHashSet();
            Assert.Equal(new HashSet<string> { "NODE1", "NODE2", "NODE3" }, others);

            Ask("3:READ", m => m == "SENT:READ", m => m.StartsWith("NODE3:DATA:", StringComparison.Ordinal)); // through relay-0

            Ask("7:READ", m => m == "SENT:READ", m => m == "ERROR:MESH_TIMEOUT");

            Assert.True(_pi.Write("2:MONITOR"));
            Assert.Equal("SENT:MONITOR", Take());
            Assert.StartsWith("NODE2:DATA:", Take());
            Assert.StartsWith("NODE2:DATA:", Take());
            Assert.True(_pi.Write("0:RAMP"));
            string reply = Take();
            while (reply.StartsWith("NODE2:", StringComparison.Ordinal))
            {
                reply = Take(); // a monitor poll already in flight
            }

            Assert.StartsWith("NODE0:DATA:D:0%,", reply);
        }

        [Theory]
        [InlineData("", "ERROR:NO_NODE_ID")]
        [InlineData(":", "ERROR:NO_NODE_ID")]
        [InlineData("abc:READ", "ERROR:INVALID_NODE")]
        [InlineData("250:READ", "ERROR:INVALID_NODE")]
        [InlineData("1:DUTY:x", "ERROR:INVALID_VALUE:x")]
        public void BadInputGetsTheDocumentedError(string command, string error)
        {
            Ask(command, m => m == error);
            Ask("0:READ", m => m.StartsWith("NODE0:DATA:", StringComparison.Ordinal));
        }

        [Fact]
        public void OverLongAndNonTextWrites()
        {
            using AirClient raw = AirClient.Connect(_fixture.Network.Hub.Port, "central", "harness");
            raw.Request(new System.Text.Json.Nodes.JsonObject { ["op"] = "connect", ["address"] = "DC:4D:00:00:00:06", ["mtu"] = 185 });
            raw.Request(new System.Text.Json.Nodes.JsonObject { ["op"] = "subscribe", ["char"] = CentralSession.SensorDataUuid });
            var tooLong = raw.Request(new System.Text.Json.Nodes.JsonObject { ["op"] = "write", ["char"] = CentralSession.CommandUuid, ["data_hex"] = new string('3', 400) });
            Assert.Equal("too_long", (string)tooLong["error"]); // 200 bytes > MTU 185 - 3
            raw.Request(new System.Text.Json.Nodes.JsonObject { ["op"] = "write", ["char"] = CentralSession.CommandUuid, ["data_hex"] = "303aff28" });
            Assert.Equal("ERROR:INVALID_TEXT", NextMessage(raw));
            raw.Request(new System.Text.Json.Nodes.JsonObject { ["op"] = "write", ["char"] = CentralSession.CommandUuid, ["data_hex"] = new string('3', 200) });
            Assert.Equal("ERROR:COMMAND_TOO_LONG", NextMessage(raw));
        }

        private static string NextMessage(AirClient client)
        {
            var buffer = new System.Text.StringBuilder();
            while (client.Events.TryTake(out System.Text.Json.Nodes.JsonObject e, 10000))
            {
                if ((string)e["op"] != "notify")
                {
                    continue;
                }

                string chunk = System.Text.Encoding.UTF8.GetString(Convert.FromHexString((string)e["data_hex"])).Trim();
                if (chunk.StartsWith("+", StringComparison.Ordinal))
                {
                    buffer.Append(chunk.Substring(1));
                    continue;
                }

                return buffer + chunk;
            }

            return null;
        }

        private void Ask(string command, params Func<string, bool>[] expected)
        {
            Assert.True(_pi.Write(command), "write refused: " + command);
            foreach (Func<string, bool> match in expected)
            {
                string message = Take();
                Assert.True(match(message), command + " -> unexpected " + message);
            }
        }

        private string Take()
        {
            Assert.True(_pi.Messages.TryTake(out string message, 15000), "no message within 15 s");
            return message;
        }
    }
}
