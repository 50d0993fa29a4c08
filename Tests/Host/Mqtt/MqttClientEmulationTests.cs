using DcMonitor.Emulator.Broker;
using System;
using System.Collections.Concurrent;
using System.Text;
using DcMonitor.Tests.Support;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;
using Xunit;

namespace DcMonitor.Tests.Mqtt
{
    /// <summary>
    /// The emulated nanoFramework.M2Mqtt client against the embedded broker: the semantics the MQTT uplink relies on
    /// (docs/reference/nanoframework-api.md §5): CONNACK codes, message ids, MqttMsgPublished only for QoS 1/2 and only on PUBACK,
    /// in-flight messages reported unpublished when the connection is lost, retained messages, wills, exceptions.
    /// </summary>
    public sealed class MqttClientEmulationTests : IDisposable
    {
        private readonly EmbeddedBroker _broker = new EmbeddedBroker();

        public void Dispose() => _broker.Dispose();

        [Fact]
        public void AQos1PublishIsReportedOnceTheBrokerAcknowledgesItAndQos0IsNot()
        {
            using var client = new MqttClient("127.0.0.1", _broker.Port, false, null, null, MqttSslProtocols.None);
            var published = new BlockingCollection<MqttMsgPublishedEventArgs>();
            client.MqttMsgPublished += (sender, e) => published.Add(e);
            Assert.Equal(MqttReasonCode.Success, client.Connect("acknowledged"));
            Assert.True(client.IsConnected);

            client.Publish("dcm/test", Encoding.UTF8.GetBytes("zero"));
            ushort id = client.Publish("dcm/test", Encoding.UTF8.GetBytes("one"), null, null, MqttQoSLevel.AtLeastOnce, false);

            Assert.True(published.TryTake(out MqttMsgPublishedEventArgs e, 10000));
            Assert.Equal(id, e.MessageId);
            Assert.True(e.IsPublished);
            Assert.False(published.TryTake(out _, 500), "QoS 0 publishes raise no MqttMsgPublished");
        }

        [Fact]
        public void ARetainedMessageReachesALaterSubscriber()
        {
            using var publisher = new MqttClient("127.0.0.1", _broker.Port, false, null, null, MqttSslProtocols.None);
            publisher.Connect("publisher");
            var acknowledged = new BlockingCollection<ushort>();
            publisher.MqttMsgPublished += (sender, e) => acknowledged.Add(e.MessageId);
            publisher.Publish("dcm/retained", Encoding.UTF8.GetBytes("kept"), null, null, MqttQoSLevel.AtLeastOnce, true);
            Assert.True(acknowledged.TryTake(out _, 10000));

            using var subscriber = new MqttClient("127.0.0.1", _broker.Port, false, null, null, MqttSslProtocols.None);
            var received = new BlockingCollection<MqttMsgPublishEventArgs>();
            subscriber.MqttMsgPublishReceived += (sender, e) => received.Add(e);
            subscriber.Connect("subscriber");
            subscriber.Subscribe(new[] { "dcm/#" }, new[] { MqttQoSLevel.AtLeastOnce });

            Assert.True(received.TryTake(out MqttMsgPublishEventArgs message, 10000));
            Assert.Equal("dcm/retained", message.Topic);
            Assert.Equal("kept", Encoding.UTF8.GetString(message.Message));
            Assert.True(message.Retain);
        }

        [Fact]
        public void AClientThatVanishesLeavesItsWillAndOneThatDisconnectsDoesNot()
        {
            using var watcher = new MqttClient("127.0.0.1", _broker.Port, false, null, null, MqttSslProtocols.None);
            var received = new BlockingCollection<string>();
            watcher.MqttMsgPublishReceived += (sender, e) => received.Add(Encoding.UTF8.GetString(e.Message));
            var subscribed = new BlockingCollection<bool>();
            watcher.MqttMsgSubscribed += (sender, e) => subscribed.Add(true);
            watcher.Connect("watcher");
            watcher.Subscribe(new[] { "dcm/availability/#" }, new[] { MqttQoSLevel.AtLeastOnce });
            Assert.True(subscribed.TryTake(out _, 10000), "the broker acknowledged the subscription");

            var polite = new MqttClient("127.0.0.1", _broker.Port, false, null, null, MqttSslProtocols.None);
            polite.Connect("polite", null, null, false, MqttQoSLevel.AtLeastOnce, true, "dcm/availability/polite", "offline", true, 60);
            polite.Disconnect();
            var vanishing = new MqttClient("127.0.0.1", _broker.Port, false, null, null, MqttSslProtocols.None);
            vanishing.Connect("vanishing", null, null, false, MqttQoSLevel.AtLeastOnce, true, "dcm/availability/vanishing", "gone", true, 60);
            vanishing.Close();

            Assert.True(received.TryTake(out string will, 10000));
            Assert.Equal("gone", will);
            Assert.False(received.TryTake(out _, 500), "a clean disconnect sends no will");
        }

        [Fact]
        public void InFlightMessagesAreReportedUnpublishedWhenTheBrokerGoes()
        {
            using var client = new MqttClient("127.0.0.1", _broker.Port, false, null, null, MqttSslProtocols.None);
            var published = new BlockingCollection<MqttMsgPublishedEventArgs>();
            var closed = new BlockingCollection<bool>();
            client.MqttMsgPublished += (sender, e) => published.Add(e);
            client.ConnectionClosed += (sender, e) => closed.Add(true);
            client.Connect("outage", null, null, true, 60);

            _broker.Pause();
            ushort id = client.Publish("dcm/test", new byte[] { 1 }, null, null, MqttQoSLevel.AtLeastOnce, false);
            _broker.Kill();

            Assert.True(closed.TryTake(out _, 15000), "the lost connection is reported");
            Assert.True(published.TryTake(out MqttMsgPublishedEventArgs e, 5000));
            Assert.Equal(id, e.MessageId);
            Assert.False(e.IsPublished);
            Assert.False(client.IsConnected);
            Assert.Throws<MqttCommunicationException>(() => client.Publish("dcm/test", new byte[] { 2 }, null, null, MqttQoSLevel.AtLeastOnce, false));
        }

        [Fact]
        public void EventsComeOnABackgroundThreadAndOneSubscribeCoversEveryTopic()
        {
            int testThread = Environment.CurrentManagedThreadId;
            using var client = new MqttClient("127.0.0.1", _broker.Port, false, null, null, MqttSslProtocols.None);
            var subscribed = new BlockingCollection<(MqttMsgSubscribedEventArgs Grant, int Thread)>();
            var closed = new BlockingCollection<int>();
            client.MqttMsgSubscribed += (sender, e) => subscribed.Add((e, Environment.CurrentManagedThreadId));
            client.ConnectionClosed += (sender, e) => closed.Add(Environment.CurrentManagedThreadId);
            client.Connect("threads");

            ushort id = client.Subscribe(new[] { "dcm/one", "dcm/two/#" }, new[] { MqttQoSLevel.AtMostOnce, MqttQoSLevel.AtLeastOnce });
            Assert.True(subscribed.TryTake(out var subscription, 10000));
            Assert.Equal(id, subscription.Grant.MessageId);
            Assert.Equal(new[] { MqttQoSLevel.AtMostOnce, MqttQoSLevel.AtLeastOnce }, subscription.Grant.GrantedQoSLevels);
            Assert.NotEqual(testThread, subscription.Thread);
            Assert.NotEqual(id, client.Publish("dcm/one", new byte[] { 1 }));

            client.Close();
            Assert.True(closed.TryTake(out int closedThread, 10000), "Close reports the closed connection");
            Assert.NotEqual(testThread, closedThread);
            Assert.Throws<ArgumentException>(() => client.Subscribe(new[] { "dcm/one" }, new MqttQoSLevel[0]));
        }

        [Fact]
        public void AnUnreachableBrokerThrowsAndMqtt5PropertiesAreRefused()
        {
            _broker.Kill();
            var client = new MqttClient("127.0.0.1", _broker.Port, false, null, null, MqttSslProtocols.None);
            Assert.Throws<MqttConnectionException>(() => client.Connect("nobody"));
            Assert.Throws<NotSupportedException>(() => client.Publish("dcm/test", new byte[] { 1 }, "text/plain"));
            // TLS itself is emulated now (MqttTlsTests); what is not, says so: SSL 3 / TLS 1.0-1.1 and client certificates.
            Assert.Throws<NotSupportedException>(() => new MqttClient("127.0.0.1", 8883, true, null, null, MqttSslProtocols.SSLv3));
            Assert.Throws<NotSupportedException>(() => new MqttClient("127.0.0.1", 8883, true, null, null, MqttSslProtocols.TLSv1_1));
        }
    }
}
