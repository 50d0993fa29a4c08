using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using DcMonitor.Emulator.Air;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Air;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// The hub's timed air waits for node processes as it waits for radios in its own process (issue 15 part 4, docs/emulator.md
    /// "The node link"): an <c>rx</c> line counts as pending until the process's <c>idle</c> line covers it, so the answer of a process
    /// that is slow to handle a reception is still stamped from that reception, not from when it reached the hub.
    /// </summary>
    public class RemoteRadioTimingTests
    {
        /// <summary>How long the slow process takes to answer, real ms: far beyond a reception's air time, within the air's 500 ms limit.</summary>
        private const int SlowAnswerMilliseconds = 200;

        [Fact]
        public void ASlowProcessesAnswerIsStampedFromItsReceptionNotFromItsArrival()
        {
            using var hub = new AirHub(0, 1000, TextWriter.Null, AirModel.Timed);
            long heardAt = -1;
            long answerHeardAt = -1;
            var answered = new ManualResetEventSlim();
            var connections = new ConcurrentDictionary<string, JsonLineConnection>();
            string[] listeners = { "listener-0", "listener-1", "listener-2" }; // a scanner changing channel in mid-event can miss one
            foreach (string name in new[] { "sender", "slow" }.Concat(listeners))
            {
                hub.AddNode(name, "universal", 0, Path.GetTempPath(), 0); // declared, not powered: the test is the node process
                var connection = JsonLineConnection.Connect("127.0.0.1", hub.Port);
                long received = 0;
                connection.Received += message =>
                {
                    if ((string)message["op"] != "rx")
                    {
                        return;
                    }

                    received++; // one reader thread per connection
                    int source = (int)message["pdu"]["src"];
                    if (name == "slow" && source == Sender && Interlocked.CompareExchange(ref heardAt, hub.Air.NowMicroseconds, -1) == -1)
                    {
                        // heardAt: the air holds its clock at this reception while the process is busy
                        Thread.Sleep(SlowAnswerMilliseconds); // a process the cores leave waiting
                        connection.Send(new JsonObject { ["op"] = "tx", ["relayed"] = false, ["pdu"] = PduJson.ToJson(Pdu(Slow, 1)) });
                    }
                    else if (name != "slow" && source == Slow && Interlocked.CompareExchange(ref answerHeardAt, hub.Air.NowMicroseconds, -1) == -1)
                    {
                        answered.Set();
                    }

                    connection.Send(new JsonObject { ["op"] = "idle", ["rx"] = received });
                };
                connection.Start();
                connection.Send(new JsonObject { ["op"] = "hello", ["role"] = "radio", ["name"] = name });
                connections[name] = connection;
            }

            Assert.True(SpinWait.SpinUntil(() => hub.Nodes().All(node => node.Proxy != null), 10000), "the radios did not join the air");
            for (int sequence = 1; sequence <= 3; sequence++)
            {
                connections["sender"].Send(new JsonObject { ["op"] = "tx", ["relayed"] = false, ["pdu"] = PduJson.ToJson(Pdu(Sender, sequence)) });
            }

            Assert.True(answered.Wait(10000), "nobody heard the slow process's answer");
            Assert.True(Interlocked.Read(ref heardAt) > 0, "the slow process heard nothing");
            long stampedAfter = Interlocked.Read(ref answerHeardAt) - Interlocked.Read(ref heardAt);

            // Reaction delay, the longest advDelay and the event itself, plus the reaction window of the batch the answer is decided in.
            long latest = (2 * AdvertisingTiming.ReactionMicroseconds) + AdvertisingTiming.MaximumAdvertisingDelayMicroseconds
                + AdvertisingTiming.EventDuration(AdvertisingTiming.NetworkPduLength(Pdu(Slow, 1)));
            Assert.True(stampedAfter > 0 && stampedAfter <= latest, "the answer was heard " + stampedAfter + " µs of air time after the reception it answers (0–" + latest
                + " µs expected; the slow process took " + SlowAnswerMilliseconds + " ms of real time)");
            foreach (JsonLineConnection connection in connections.Values)
            {
                connection.Dispose();
            }
        }

        [Fact]
        public void AnIdleLineThatCountsMoreThanWasSentGetsBadRequest()
        {
            using var hub = new AirHub(0, 1000, TextWriter.Null, AirModel.Timed);
            hub.AddNode("node-0", "universal", 0, Path.GetTempPath(), 0);
            using var connection = JsonLineConnection.Connect("127.0.0.1", hub.Port);
            var replies = new BlockingCollection<JsonObject>();
            connection.Received += replies.Add;
            connection.Start();
            connection.Send(new JsonObject { ["op"] = "hello", ["role"] = "radio", ["name"] = "node-0" });
            Assert.True(SpinWait.SpinUntil(() => hub.Find("node-0").Proxy != null, 10000), "the radio did not join the air");

            connection.Send(new JsonObject { ["op"] = "idle", ["rx"] = 1 });

            Assert.True(replies.TryTake(out JsonObject reply, 10000), "no reply to a wrong idle line");
            Assert.Equal("bad_request", (string)reply["error"]);
            Assert.Equal(0, ((RadioProxy)hub.Find("node-0").Proxy).PendingReceptions);
        }

        private const int Sender = 0x0005;

        private const int Slow = 0x0006;

        private static NetworkPdu Pdu(int source, int sequence) => new NetworkPdu
        {
            Source = source, Destination = 0xC000, Ttl = 0, Sequence = sequence, SegmentCount = 1, Opcode = 0xC202E5, Parameters = new byte[] { 1, 0 },
        };
    }
}
