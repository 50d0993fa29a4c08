using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>nanoFramework.M2Mqtt's QoS levels.</summary>
    public enum MqttQoSLevel : byte
    {
        /// <summary>QoS 0.</summary>
        AtMostOnce = 0x00,

        /// <summary>QoS 1.</summary>
        AtLeastOnce = 0x01,

        /// <summary>QoS 2.</summary>
        ExactlyOnce = 0x02,

        /// <summary>Subscription refused.</summary>
        GrantedFailure = 0x80,
    }

    /// <summary>nanoFramework.M2Mqtt's reason codes (the MQTT 3.1.1 CONNACK return codes share the low values).</summary>
    public enum MqttReasonCode : byte
    {
        /// <summary>Success (CONNACK 0).</summary>
        Success = 0x00,

        /// <summary>3.1.1: unacceptable protocol version.</summary>
        ConnectionRefusedUnacceptableProtocolVersion = 0x01,

        /// <summary>3.1.1: identifier rejected.</summary>
        ConnectionRefusedIdentifierRejected = 0x02,

        /// <summary>3.1.1: server unavailable.</summary>
        ConnectionRefusedServerUnavailable = 0x03,

        /// <summary>3.1.1: bad user name or password.</summary>
        ConnectionRefusedBadUserNameOrPassword = 0x04,

        /// <summary>3.1.1: not authorized.</summary>
        ConnectionRefusedNotAuthorized = 0x05,

        /// <summary>Unspecified error.</summary>
        UnspecifiedError = 0x80,
    }

    /// <summary>A message received on a subscription.</summary>
    public class MqttMsgPublishEventArgs : EventArgs
    {
        /// <summary>Creates the event arguments.</summary>
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain)
        {
            Topic = topic;
            Message = message;
            DupFlag = dupFlag;
            QosLevel = qosLevel;
            Retain = retain;
        }

        /// <summary>Topic.</summary>
        public string Topic { get; internal set; }

        /// <summary>Payload.</summary>
        public byte[] Message { get; internal set; }

        /// <summary>Duplicate flag.</summary>
        public bool DupFlag { get; internal set; }

        /// <summary>QoS of the delivery.</summary>
        public MqttQoSLevel QosLevel { get; internal set; }

        /// <summary>Retained message.</summary>
        public bool Retain { get; internal set; }
    }

    /// <summary>A QoS 1 or 2 publish completed (acknowledged) or gave up.</summary>
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        /// <summary>Creates the event arguments.</summary>
        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished)
        {
            MessageId = messageId;
            IsPublished = isPublished;
        }

        /// <summary>The id Publish returned.</summary>
        public ushort MessageId { get; set; }

        /// <summary>True on PUBACK (QoS 1) / PUBCOMP (QoS 2); false when the message was not delivered.</summary>
        public bool IsPublished { get; set; }
    }

    /// <summary>A subscription was acknowledged.</summary>
    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        /// <summary>Creates the event arguments.</summary>
        public MqttMsgSubscribedEventArgs(ushort messageId, MqttQoSLevel[] grantedQoSLevels)
        {
            MessageId = messageId;
            GrantedQoSLevels = grantedQoSLevels;
        }

        /// <summary>The id Subscribe returned.</summary>
        public ushort MessageId { get; internal set; }

        /// <summary>Granted QoS per topic.</summary>
        public MqttQoSLevel[] GrantedQoSLevels { get; internal set; }
    }
}

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>The broker could not be reached (socket failure).</summary>
    public class MqttConnectionException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public MqttConnectionException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }

    /// <summary>The connection failed while sending.</summary>
    public class MqttCommunicationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public MqttCommunicationException()
        {
        }

        /// <summary>Creates the exception with its cause.</summary>
        public MqttCommunicationException(Exception exception)
            : base(exception.Message, exception)
        {
        }
    }
}
