using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>
    /// Emulation of nanoFramework.M2Mqtt.Core's <c>IMqttClient</c>: the client contract and the delegates of its events
    /// (the real <c>MqttClient</c>'s events are typed with these). Only the members <see cref="MqttClient"/> emulates;
    /// the real interface also has <c>Init</c> and <c>MqttMsgUnsubscribed</c>.
    /// </summary>
    public interface IMqttClient
    {
        /// <summary>Delegate of <see cref="MqttMsgPublishReceived"/>.</summary>
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        /// <summary>Delegate of <see cref="MqttMsgPublished"/>.</summary>
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        /// <summary>Delegate of <see cref="MqttMsgSubscribed"/>.</summary>
        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        /// <summary>Delegate of <see cref="ConnectionClosed"/>.</summary>
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        /// <summary>A message arrived on a subscription.</summary>
        event MqttMsgPublishEventHandler MqttMsgPublishReceived;

        /// <summary>A QoS 1/2 publish was acknowledged, or given up.</summary>
        event MqttMsgPublishedEventHandler MqttMsgPublished;

        /// <summary>A subscription was acknowledged.</summary>
        event MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        /// <summary>The connection closed.</summary>
        event ConnectionClosedEventHandler ConnectionClosed;

        /// <summary>True while connected.</summary>
        bool IsConnected { get; }

        /// <summary>Connects (full form) and returns the CONNACK code.</summary>
        MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag,
            string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod);

        /// <summary>Publishes at QoS 0; returns the message id.</summary>
        ushort Publish(string topic, byte[] message);

        /// <summary>Publishes at QoS 0 with a content type; returns the message id.</summary>
        ushort Publish(string topic, byte[] message, string contentType);

        /// <summary>Publishes (full form); returns the message id.</summary>
        ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);

        /// <summary>Subscribes; returns the message id.</summary>
        ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);

        /// <summary>Unsubscribes; returns the message id.</summary>
        ushort Unsubscribe(string[] topics);

        /// <summary>Disconnects cleanly.</summary>
        void Disconnect();

        /// <summary>Closes the connection without DISCONNECT.</summary>
        void Close();
    }
}
