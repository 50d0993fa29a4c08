using System;
using System.Security.Cryptography.X509Certificates;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Xunit;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// What Home Assistant or any MQTT consumer sees: a client on the host network (the emulated M2Mqtt client outside any
    /// board) subscribed to everything on a broker, recording every message with its arrival time. It also publishes, as
    /// Home Assistant would (duty commands, birth message).
    /// </summary>
    public sealed class MqttRecorder : IDisposable
    {
        private readonly object _gate = new object();
        private readonly List<Message> _messages = new List<Message>();
        private readonly int _port;
        private readonly X509Certificate _authority;
        private readonly string _user;
        private readonly string _password;
        private MqttClient _client;

        public MqttRecorder(int port)
            : this(port, null, null, null)
        {
        }

        /// <summary>A recorder over TLS verified against <paramref name="authority"/> (null: plain TCP), with a user name and password when given.</summary>
        public MqttRecorder(int port, X509Certificate authority, string user, string password)
        {
            _port = port;
            _authority = authority;
            _user = user;
            _password = password;
            Connect();
        }

        /// <summary>One received message.</summary>
        public sealed record Message(string Topic, byte[] Payload, bool Retain, DateTime At)
        {
            public string Text => Encoding.UTF8.GetString(Payload);
        }

        /// <summary>Connects (again, after a broker restart) and subscribes to every topic; returns once the broker granted the subscription.</summary>
        public void Connect()
        {
            _client?.Close();
            _client = new MqttClient("127.0.0.1", _port, _authority != null, _authority, null, _authority != null ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            _client.MqttMsgPublishReceived += (sender, e) =>
            {
                lock (_gate)
                {
                    _messages.Add(new Message(e.Topic, e.Message, e.Retain, DateTime.UtcNow));
                    Monitor.PulseAll(_gate);
                }
            };
            using var subscribed = new ManualResetEventSlim();
            _client.MqttMsgSubscribed += (sender, e) => subscribed.Set();
            Assert.Equal(MqttReasonCode.Success, _client.Connect("recorder-" + Guid.NewGuid().ToString("N"), _user, _password));
            _client.Subscribe(new[] { "#" }, new[] { MqttQoSLevel.AtLeastOnce });
            Assert.True(subscribed.Wait(10000), "the broker did not acknowledge the recorder's subscription");
        }

        /// <summary>Every message so far.</summary>
        public List<Message> All()
        {
            lock (_gate)
            {
                return _messages.ToList();
            }
        }

        /// <summary>Messages whose topic satisfies <paramref name="topic"/>, in arrival order.</summary>
        public List<Message> On(Func<string, bool> topic) => All().Where(m => topic(m.Topic)).ToList();

        /// <summary>Waits until a message after index <paramref name="from"/> satisfies <paramref name="match"/>; fails with the recording on timeout.</summary>
        public Message WaitFor(Func<Message, bool> match, int timeoutMilliseconds, int from = 0)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
            lock (_gate)
            {
                while (true)
                {
                    Message found = _messages.Skip(from).FirstOrDefault(match);
                    if (found != null)
                    {
                        return found;
                    }

                    int left = (int)(deadline - DateTime.UtcNow).TotalMilliseconds;
                    Assert.True(left > 0, "no matching MQTT message in time; recorded topics:\n" + string.Join("\n", _messages.TakeLast(40).Select(m => m.Topic + " " + m.Text)));
                    Monitor.Wait(_gate, left);
                }
            }
        }

        /// <summary>Waits until <paramref name="condition"/> holds for the recording (checked at each new message).</summary>
        public void WaitUntil(Func<List<Message>, bool> condition, int timeoutMilliseconds, string what)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
            lock (_gate)
            {
                while (!condition(_messages))
                {
                    int left = (int)(deadline - DateTime.UtcNow).TotalMilliseconds;
                    Assert.True(left > 0, "timed out waiting for " + what + "; last messages:\n" + string.Join("\n", _messages.TakeLast(30).Select(m => m.Topic + " " + m.Text)));
                    Monitor.Wait(_gate, Math.Min(left, 500));
                }
            }
        }

        /// <summary>Number of messages so far (an index for <see cref="WaitFor"/>).</summary>
        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _messages.Count;
                }
            }
        }

        /// <summary>Publishes as another client would; waits for the broker's PUBACK.</summary>
        public void Publish(string topic, byte[] payload, bool retain = false)
        {
            using var acknowledged = new ManualResetEventSlim();
            IMqttClient.MqttMsgPublishedEventHandler handler = (sender, e) => acknowledged.Set();
            _client.MqttMsgPublished += handler;
            _client.Publish(topic, payload, null, null, MqttQoSLevel.AtLeastOnce, retain);
            Assert.True(acknowledged.Wait(10000), "the broker did not acknowledge " + topic);
            _client.MqttMsgPublished -= handler;
        }

        public void Publish(string topic, string text, bool retain = false) => Publish(topic, Encoding.UTF8.GetBytes(text), retain);

        /// <summary>The state readings of the node with object id <paramref name="objectId"/>: (sequence, duty, JSON).</summary>
        public List<(int Sequence, int Duty, JsonElement State)> States(string objectId)
        {
            return On(t => t == "dcmonitor/" + objectId + "/state")
                .Select(m => JsonDocument.Parse(m.Payload).RootElement)
                .Select(s => (s.GetProperty("sequence").GetInt32(), s.GetProperty("duty").GetInt32(), s))
                .ToList();
        }

        public void Dispose() => _client?.Close();
    }
}
