using System;
using System.Collections.Concurrent;
using System.Text;
using DcMonitor.Emulator.Broker;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Xunit;

namespace DcMonitor.Tests.Mqtt
{
    /// <summary>
    /// The embedded broker of <c>demo --mqtt local</c> and the tests, beyond what every MQTT test already relies on: user name and
    /// password when asked for, a killed broker that comes back on the same port without what it held, and a paused broker that
    /// holds everything back until it resumes.
    /// </summary>
    public sealed class EmbeddedBrokerTests
    {
        private const int AnswerMilliseconds = 10000;

        [Fact]
        public void WithCredentialsOnlyTheRightPasswordIsAccepted()
        {
            using var broker = new EmbeddedBroker("home-assistant", "correct-horse");
            using var stranger = new MqttClient("127.0.0.1", broker.Port, false, null, null, MqttSslProtocols.None);
            Assert.Equal(MqttReasonCode.ConnectionRefusedBadUserNameOrPassword, stranger.Connect("stranger"));
            Assert.False(stranger.IsConnected);
            Assert.Equal(MqttReasonCode.ConnectionRefusedBadUserNameOrPassword, stranger.Connect("guesser", "home-assistant", "wrong"));
            Assert.False(stranger.IsConnected);

            using var member = new MqttClient("127.0.0.1", broker.Port, false, null, null, MqttSslProtocols.None);
            Assert.Equal(MqttReasonCode.Success, member.Connect("member", "home-assistant", "correct-horse"));
            Assert.True(member.IsConnected);
            Assert.Throws<ArgumentException>(() => new EmbeddedBroker(null, "a password alone"));
        }

        [Fact]
        public void AKilledBrokerComesBackOnTheSamePortWithoutItsRetainedMessages()
        {
            using var broker = new EmbeddedBroker();
            int port = broker.Port;
            using (var publisher = new MqttClient("127.0.0.1", port, false, null, null, MqttSslProtocols.None))
            {
                var acknowledged = new BlockingCollection<MqttMsgPublishedEventArgs>();
                publisher.MqttMsgPublished += (sender, e) => acknowledged.Add(e);
                publisher.Connect("publisher");
                publisher.Publish("dcm/retained", Encoding.UTF8.GetBytes("before the outage"), null, null, MqttQoSLevel.AtLeastOnce, true);
                Assert.True(acknowledged.TryTake(out _, AnswerMilliseconds));
            }

            broker.Kill();
            Assert.False(broker.IsRunning);
            broker.Start();
            Assert.Equal(port, broker.Port);

            using var subscriber = new MqttClient("127.0.0.1", port, false, null, null, MqttSslProtocols.None);
            var received = new BlockingCollection<string>();
            var subscribed = new BlockingCollection<bool>();
            subscriber.MqttMsgPublishReceived += (sender, e) => received.Add(e.Topic);
            subscriber.MqttMsgSubscribed += (sender, e) => subscribed.Add(true);
            Assert.Equal(MqttReasonCode.Success, subscriber.Connect("subscriber"));
            subscriber.Subscribe(new[] { "dcm/#" }, new[] { MqttQoSLevel.AtLeastOnce });
            Assert.True(subscribed.TryTake(out _, AnswerMilliseconds));
            subscriber.Publish("dcm/after", Encoding.UTF8.GetBytes("marker"));
            Assert.True(received.TryTake(out string first, AnswerMilliseconds));
            Assert.Equal("dcm/after", first); // the retained message died with the broker: the marker is the first message
        }

        [Fact]
        public void APausedBrokerHoldsEverythingBackUntilItResumes()
        {
            using var broker = new EmbeddedBroker();
            using var client = new MqttClient("127.0.0.1", broker.Port, false, null, null, MqttSslProtocols.None);
            var acknowledged = new BlockingCollection<MqttMsgPublishedEventArgs>();
            client.MqttMsgPublished += (sender, e) => acknowledged.Add(e);
            client.Connect("patient");

            broker.Pause();
            ushort id = client.Publish("dcm/test", new byte[] { 1 }, null, null, MqttQoSLevel.AtLeastOnce, false);
            Assert.False(acknowledged.TryTake(out _, 500), "a paused broker acknowledges nothing");
            Assert.True(client.IsConnected, "the connection stays open while the broker is paused");
            broker.Resume();

            Assert.True(acknowledged.TryTake(out MqttMsgPublishedEventArgs e, AnswerMilliseconds), "the acknowledgement comes once the broker resumes");
            Assert.Equal(id, e.MessageId);
            Assert.True(e.IsPublished);
        }
    }
}
