using System;
using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DcMonitor.Emulator.Broker;
using DcMonitor.Tests.Support;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;
using Xunit;

namespace DcMonitor.Tests.Mqtt
{
    /// <summary>
    /// The emulated M2Mqtt client over TLS (issue 17 part 4) against the embedded broker configured as an Internet-facing one: a TLS-only
    /// endpoint with a server certificate from a test CA made here, and a user name and password. The CA reaches the client as the
    /// firmware gives it, a <see cref="X509Certificate"/> made from the PEM text the owner pasted. Right CA and password: connected, and a
    /// QoS 1 message goes through the TLS broker to a TLS subscriber; wrong password: CONNACK 4; a broker whose certificate another CA
    /// signed: refused before any MQTT is spoken, with the reason.
    /// </summary>
    public sealed class MqttTlsTests : IDisposable
    {
        private const string User = "dcmonitor";
        private const string Password = "tls-test-secret";
        private readonly TestCertificates _authority = new TestCertificates("DcMonitor test CA");
        private readonly TestCertificates _stranger = new TestCertificates("Someone else's CA");
        private readonly EmbeddedBroker _broker;

        public MqttTlsTests()
        {
            _broker = new EmbeddedBroker(User, Password, _authority.IssueServer());
        }

        public void Dispose()
        {
            _broker.Dispose();
            _authority.Dispose();
            _stranger.Dispose();
        }

        [Fact]
        public void TheRightCaAndPasswordConnectAndAMessageCrossesTheTlsBroker()
        {
            using var subscriber = Client(_authority);
            var received = new BlockingCollection<MqttMsgPublishEventArgs>();
            var subscribed = new BlockingCollection<MqttMsgSubscribedEventArgs>();
            subscriber.MqttMsgPublishReceived += (sender, e) => received.Add(e);
            subscriber.MqttMsgSubscribed += (sender, e) => subscribed.Add(e);
            Assert.Equal(MqttReasonCode.Success, subscriber.Connect("tls-subscriber", User, Password));
            subscriber.Subscribe(new[] { "dcm/#" }, new[] { MqttQoSLevel.AtLeastOnce });
            Assert.True(subscribed.TryTake(out _, 10000), "the TLS broker acknowledged the subscription");

            using var publisher = Client(_authority);
            var published = new BlockingCollection<MqttMsgPublishedEventArgs>();
            publisher.MqttMsgPublished += (sender, e) => published.Add(e);
            Assert.Equal(MqttReasonCode.Success, publisher.Connect("tls-publisher", User, Password));
            ushort id = publisher.Publish("dcm/tls", Encoding.UTF8.GetBytes("over TLS"), null, null, MqttQoSLevel.AtLeastOnce, false);

            Assert.True(published.TryTake(out MqttMsgPublishedEventArgs acknowledged, 10000), "PUBACK over TLS");
            Assert.Equal(id, acknowledged.MessageId);
            Assert.True(acknowledged.IsPublished);
            Assert.True(received.TryTake(out MqttMsgPublishEventArgs message, 10000), "the message reached the TLS subscriber");
            Assert.Equal("dcm/tls", message.Topic);
            Assert.Equal("over TLS", Encoding.UTF8.GetString(message.Message));
        }

        [Fact]
        public void AWrongPasswordIsRefusedByTheBroker()
        {
            using var client = Client(_authority);
            Assert.Equal(MqttReasonCode.ConnectionRefusedBadUserNameOrPassword, client.Connect("tls-wrong-password", User, "not-the-password"));
            Assert.False(client.IsConnected);
            Assert.Equal(MqttReasonCode.ConnectionRefusedBadUserNameOrPassword, client.Connect("tls-no-credentials"));
        }

        [Fact]
        public void ABrokerWhoseCertificateAnotherCaSignedIsRefused()
        {
            using var client = Client(_stranger);
            var refusal = Assert.Throws<MqttConnectionException>(() => client.Connect("tls-wrong-ca", User, Password));
            Assert.Contains("not signed by the configured CA", refusal.Message);
            Assert.Contains("Someone else's CA", refusal.Message);
            Assert.False(client.IsConnected);
        }

        [Fact]
        public void ABrokerReachedByANameItsCertificateDoesNotHoldIsRefused()
        {
            using var elsewhere = new EmbeddedBroker(User, Password, _authority.IssueServer("broker.example", loopbackAddress: false));
            using var client = new MqttClient("127.0.0.1", elsewhere.Port, true, _authority.Pasted(), null, MqttSslProtocols.TLSv1_2);
            var refusal = Assert.Throws<MqttConnectionException>(() => client.Connect("tls-wrong-name", User, Password));
            Assert.Contains("does not name the host", refusal.Message);
            Assert.Contains("TLS refused", refusal.Message);
        }

        [Fact]
        public void AClientCertificateIsNotEmulatedAndSaysSo()
        {
            Assert.Throws<NotSupportedException>(() => new MqttClient("127.0.0.1", _broker.Port, true, _authority.Pasted(), _authority.Pasted(), MqttSslProtocols.TLSv1_2));
        }

        /// <summary>A client as the firmware makes it (MqttSession.Connect): the CA from the pasted PEM, TLS 1.2.</summary>
        private MqttClient Client(TestCertificates authority) => new MqttClient("127.0.0.1", _broker.Port, true, authority.Pasted(), null, MqttSslProtocols.TLSv1_2);
    }
}
