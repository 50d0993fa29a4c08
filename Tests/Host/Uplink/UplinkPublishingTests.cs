using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using DcMonitor.Shared.Uplink;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>Three universal nodes configured over their consoles, all uplink candidates, publishing every 2 s through the elected bridge.</summary>
    [LongRunning(25)]
    public sealed class ThreeNodeUplink : IDisposable
    {
        public ThreeNodeUplink()
        {
            Mesh = new UplinkMesh(nodes: 3, periodSeconds: 2);
        }

        public UplinkMesh Mesh { get; }

        public void Dispose() => Mesh.Dispose();
    }

    /// <summary>
    /// The demo mesh in MQTT, against the embedded broker (issue "MQTT uplink", Tests): every UniversalNode appears as a Home Assistant
    /// device whose discovery follows HA's rules, with the bridge's and its own availability, one reading per node per period,
    /// duty set from MQTT reaching the node (and its new reading published), malformed commands answered with an error that
    /// changes nothing, retained commands run once, discovery sent again when Home Assistant comes online.
    /// </summary>
    public sealed class UplinkPublishingTests : IClassFixture<ThreeNodeUplink>
    {
        private const int SetupMilliseconds = 40000;
        private readonly UplinkMesh _mesh;

        public UplinkPublishingTests(ThreeNodeUplink fixture)
        {
            _mesh = fixture.Mesh;
            for (int i = 0; i < 3; i++)
            {
                string id = _mesh.ObjectId(i);
                _mesh.Recorder.WaitFor(m => m.Topic == "homeassistant/device/" + id + "/config", SetupMilliseconds);
            }
        }

        [Fact]
        public void EveryNodeIsAHomeAssistantDeviceWithAvailabilityFromTheLowestCandidate()
        {
            Assert.Equal(0x0005, _mesh.Bridge());
            for (int i = 0; i < 3; i++)
            {
                string id = _mesh.ObjectId(i);
                MqttRecorder.Message discovery = _mesh.Recorder.On(t => t == "homeassistant/device/" + id + "/config").Last();
                Assert.Equal(id, HomeAssistantRules.AssertDeviceTopic(discovery.Topic));
                HomeAssistantRules.AssertDevicePayload(discovery.Text);
                using JsonDocument document = JsonDocument.Parse(discovery.Text);
                Assert.Equal("dcmonitor/" + id + "/state", document.RootElement.GetProperty("state_topic").GetString());
                _mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/availability" && m.Text == "online", 10000);
            }

            _mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/bridge/availability" && m.Text == "online", 10000);
        }

        [Fact]
        public void EachNodeHasAReadingPublishedPerPeriod()
        {
            const int windowSeconds = 12;
            int start = _mesh.Recorder.Count;
            DateTime end = DateTime.UtcNow.AddSeconds(windowSeconds);
            _mesh.Recorder.WaitUntil(messages => DateTime.UtcNow >= end, (windowSeconds + 5) * 1000, "the window to pass");
            var window = _mesh.Recorder.All().Skip(start).ToList();
            for (int i = 0; i < 3; i++)
            {
                string topic = "dcmonitor/" + _mesh.ObjectId(i) + "/state";
                int[] sequences = window.Where(m => m.Topic == topic).Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("sequence").GetInt32()).ToArray();
                // 2 s period over 12 s: 6 periodic reports, give or take the batch boundaries at both ends.
                Assert.InRange(sequences.Length, windowSeconds / 2 - 2, windowSeconds / 2 + 2);
                Assert.Equal(sequences.OrderBy(s => s), sequences);
                Assert.Equal(sequences.Length, sequences.Distinct().Count());
                JsonElement state = JsonDocument.Parse(window.Last(m => m.Topic == topic).Payload).RootElement;
                Assert.InRange(state.GetProperty("voltage").GetDecimal(), 11.5m, 12.5m); // the virtual supply is 12 V
                Assert.True(state.TryGetProperty("energy", out _), "energy is published");
            }
        }

        [Fact]
        public void DutySetFromMqttReachesTheNodeAndItsNewReadingIsPublished()
        {
            foreach (int node in new[] { 1, 0 }) // over the mesh, then the bridge's own node (no mesh: self-addressing)
            {
                string id = _mesh.ObjectId(node);
                int duty = 40 + (node * 20);
                int from = _mesh.Recorder.Count;
                _mesh.Recorder.Publish("dcmonitor/" + id + "/duty/set", duty + ".0");
                MqttRecorder.Message reply = _mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/reply", 15000, from);
                Assert.Equal("OK:duty:" + duty, reply.Text);
                MqttRecorder.Message state = _mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/state"
                    && JsonDocument.Parse(m.Payload).RootElement.GetProperty("duty").GetInt32() == duty, 15000, from);
                JsonElement current = JsonDocument.Parse(state.Payload).RootElement.GetProperty("current");
                decimal milliamps = current.GetDecimal();
                Assert.InRange(milliamps, 250 * duty / 100 - 20, 250 * duty / 100 + 20); // 12 V over 48 Ω at that duty
                Assert.Matches(@"^-?\d+\.\d\d$", current.GetRawText()); // mA with two decimals, end to end from the node's INA260
                Assert.Equal(0m, milliamps % 1.25m); // the sensor's own steps (1.25 mA LSB) reach MQTT unrounded
                Assert.StartsWith("D:" + duty + "%", _mesh.Consoles[node].Ask("read"));
            }
        }

        [Fact]
        public void MalformedCommandsAreAnsweredWithAnErrorAndChangeNothing()
        {
            string id = _mesh.ObjectId(2);
            string before = _mesh.Consoles[2].Ask("read");
            var cases = new (string Topic, byte[] Payload, string Error)[]
            {
                ("command", Encoding.ASCII.GetBytes("bogus"), "ERROR:UNKNOWN_COMMAND:bogus"),
                ("command", Encoding.ASCII.GetBytes("duty:abc"), "ERROR:INVALID_DUTY:duty:abc"),
                ("command", Encoding.ASCII.GetBytes("duty:150"), "ERROR:DUTY_OUT_OF_RANGE:150"),
                ("duty/set", Encoding.ASCII.GetBytes("-5"), "ERROR:DUTY_OUT_OF_RANGE:-5"),
                ("duty/set", Encoding.ASCII.GetBytes("50.5"), "ERROR:INVALID_DUTY:50.5"),
                ("command", new byte[] { 0x64, 0xFF, 0x00 }, "ERROR:MALFORMED"),
                ("command", Encoding.ASCII.GetBytes(new string('7', 5000)), "ERROR:PAYLOAD_TOO_LARGE:5000"),
            };
            foreach ((string topic, byte[] payload, string error) in cases)
            {
                int from = _mesh.Recorder.Count;
                _mesh.Recorder.Publish("dcmonitor/" + id + "/" + topic, payload);
                Assert.Equal(error, _mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/reply", 10000, from).Text);
            }

            int unknown = _mesh.Recorder.Count;
            string stranger = HomeAssistantDiscovery.ObjectId(new byte[] { 0xDD, 0xDD, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0 });
            _mesh.Recorder.Publish("dcmonitor/" + stranger + "/command", "read");
            Assert.Equal("ERROR:UNKNOWN_NODE:" + stranger, _mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + stranger + "/reply", 10000, unknown).Text);

            Assert.Equal(before.Substring(0, before.IndexOf(',')), _mesh.Consoles[2].Ask("read").Substring(0, before.IndexOf(',')));
            Assert.All(_mesh.Recorder.On(t => t == "dcmonitor/" + id + "/state").TakeLast(3),
                m => Assert.Equal(0, JsonDocument.Parse(m.Payload).RootElement.GetProperty("duty").GetInt32()));
        }

        [Fact]
        public void ARetainedCommandRunsOnceAndIsClearedOnTheBroker()
        {
            string id = _mesh.ObjectId(2);
            string topic = "dcmonitor/" + id + "/command";
            int from = _mesh.Recorder.Count;
            _mesh.Recorder.Publish(topic, "read", retain: true);
            Assert.Equal("OK:read", _mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + id + "/reply", 15000, from).Text);
            _mesh.Recorder.WaitFor(m => m.Topic == topic && m.Payload.Length == 0, 10000, from); // the bridge cleared it

            using var late = new MqttRecorder(_mesh.Broker.Port);
            late.Publish("dcmonitor/probe", "x"); // the retained messages come before this one
            late.WaitFor(m => m.Topic == "dcmonitor/probe", 10000);
            Assert.DoesNotContain(late.All(), m => m.Topic == topic);
        }

        [Fact]
        public void DiscoveryIsSentAgainWhenHomeAssistantComesOnline()
        {
            int from = _mesh.Recorder.Count;
            _mesh.Recorder.Publish(HomeAssistantDiscovery.StatusTopic(HomeAssistantDiscovery.DefaultDiscoveryPrefix), "online");
            for (int i = 0; i < 3; i++)
            {
                string id = _mesh.ObjectId(i);
                _mesh.Recorder.WaitFor(m => m.Topic == "homeassistant/device/" + id + "/config", 10000, from);
            }
        }
    }
}
