using System.Collections.Concurrent;
using System.Text;
using DcMonitor.Tests.Support;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Xunit;
using Xunit.Abstractions;

namespace DcMonitor.Tests.Mqtt
{
    /// <summary>
    /// The emulated nanoFramework.M2Mqtt client against a real Eclipse Mosquitto, the broker most Home Assistant installations run:
    /// every other MQTT test uses the embedded broker, this one shows the client does not lean on anything peculiar to it. Skipped,
    /// with the reason printed, where /usr/sbin/mosquitto is not installed (nothing installs it: <c>apt-get install mosquitto</c>).
    /// </summary>
    public sealed class MosquittoInteropTests
    {
        private const int AnswerMilliseconds = 10000;
        private readonly ITestOutputHelper _output;

        public MosquittoInteropTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public void ARetainedAndALiveMessageMakeTheRoundTripThroughMosquitto()
        {
            string missing = MosquittoBroker.MissingReason;
            if (missing != null)
            {
                _output.WriteLine("skipped: " + missing);
            }

            Skip.If(missing != null, missing);
            using var broker = new MosquittoBroker();
            using var publisher = new MqttClient("127.0.0.1", broker.Port, false, null, null, MqttSslProtocols.None);
            var acknowledged = new BlockingCollection<MqttMsgPublishedEventArgs>();
            publisher.MqttMsgPublished += (sender, e) => acknowledged.Add(e);
            Assert.Equal(MqttReasonCode.Success, publisher.Connect("interop-publisher"));
            ushort retainedId = publisher.Publish("dcm/interop/retained", Encoding.UTF8.GetBytes("kept"), null, null, MqttQoSLevel.AtLeastOnce, true);
            Assert.True(acknowledged.TryTake(out MqttMsgPublishedEventArgs acknowledgement, AnswerMilliseconds), "Mosquitto acknowledged the retained message");
            Assert.Equal(retainedId, acknowledgement.MessageId);
            Assert.True(acknowledgement.IsPublished);

            using var subscriber = new MqttClient("127.0.0.1", broker.Port, false, null, null, MqttSslProtocols.None);
            var received = new BlockingCollection<MqttMsgPublishEventArgs>();
            var subscribed = new BlockingCollection<MqttMsgSubscribedEventArgs>();
            subscriber.MqttMsgPublishReceived += (sender, e) => received.Add(e);
            subscriber.MqttMsgSubscribed += (sender, e) => subscribed.Add(e);
            Assert.Equal(MqttReasonCode.Success, subscriber.Connect("interop-subscriber"));
            ushort subscriptionId = subscriber.Subscribe(new[] { "dcm/interop/#" }, new[] { MqttQoSLevel.AtLeastOnce });
            Assert.True(subscribed.TryTake(out MqttMsgSubscribedEventArgs grant, AnswerMilliseconds), "Mosquitto acknowledged the subscription");
            Assert.Equal(subscriptionId, grant.MessageId);
            Assert.Equal(new[] { MqttQoSLevel.AtLeastOnce }, grant.GrantedQoSLevels);

            Assert.True(received.TryTake(out MqttMsgPublishEventArgs retained, AnswerMilliseconds), "the retained message reached the later subscriber");
            Assert.Equal("dcm/interop/retained", retained.Topic);
            Assert.Equal("kept", Encoding.UTF8.GetString(retained.Message));
            Assert.True(retained.Retain);

            publisher.Publish("dcm/interop/live", Encoding.UTF8.GetBytes("now"));
            Assert.True(received.TryTake(out MqttMsgPublishEventArgs live, AnswerMilliseconds), "the live message reached the subscriber");
            Assert.Equal("dcm/interop/live", live.Topic);
            Assert.Equal("now", Encoding.UTF8.GetString(live.Message));
            Assert.False(live.Retain);
            Assert.Equal(MqttQoSLevel.AtMostOnce, live.QosLevel);
        }
    }
}
