using System;
using MQTTnet;
using MQTTnet.Protocol;
using nanoFramework.M2Mqtt.Messages;

namespace DcMonitor.Emulator.Mqtt
{
    /// <summary>
    /// Translation between MQTTnet's codes and nanoFramework.M2Mqtt's for the emulated client: QoS levels both ways, the CONNACK
    /// result and the SUBACK grants back to the MQTT 3.1.1 values M2Mqtt reports (MQTTnet reports MQTT 5 reason codes for both
    /// protocol versions; MQTT 3.1.1 §3.2.2.3 and §3.9.3, MQTT 5 §3.2.2.2 and §3.9.3 give the two tables).
    /// </summary>
    internal static class MqttnetCodes
    {
        /// <summary>M2Mqtt's QoS level as MQTTnet's.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Not 0, 1 or 2 (GrantedFailure is only a SUBACK answer).</exception>
        public static MqttQualityOfServiceLevel ToMqttnet(MqttQoSLevel level) => level switch
        {
            MqttQoSLevel.AtMostOnce => MqttQualityOfServiceLevel.AtMostOnce,
            MqttQoSLevel.AtLeastOnce => MqttQualityOfServiceLevel.AtLeastOnce,
            MqttQoSLevel.ExactlyOnce => MqttQualityOfServiceLevel.ExactlyOnce,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "QoS must be 0, 1 or 2"),
        };

        /// <summary>MQTTnet's QoS level of a received message as M2Mqtt's.</summary>
        public static MqttQoSLevel FromMqttnet(MqttQualityOfServiceLevel level) => (MqttQoSLevel)(byte)level;

        /// <summary>The MQTT 3.1.1 CONNACK return code behind MQTTnet's connect result.</summary>
        public static MqttReasonCode ConnectCode(MqttClientConnectResultCode result) => result switch
        {
            MqttClientConnectResultCode.Success => MqttReasonCode.Success,
            MqttClientConnectResultCode.UnsupportedProtocolVersion => MqttReasonCode.ConnectionRefusedUnacceptableProtocolVersion,
            MqttClientConnectResultCode.ClientIdentifierNotValid => MqttReasonCode.ConnectionRefusedIdentifierRejected,
            MqttClientConnectResultCode.ServerUnavailable => MqttReasonCode.ConnectionRefusedServerUnavailable,
            MqttClientConnectResultCode.BadUserNameOrPassword => MqttReasonCode.ConnectionRefusedBadUserNameOrPassword,
            MqttClientConnectResultCode.NotAuthorized => MqttReasonCode.ConnectionRefusedNotAuthorized,
            _ => MqttReasonCode.UnspecifiedError,
        };

        /// <summary>The QoS a SUBACK granted, or <see cref="MqttQoSLevel.GrantedFailure"/> (0x80) when the subscription was refused.</summary>
        public static MqttQoSLevel Granted(MqttClientSubscribeResultCode result) => result switch
        {
            MqttClientSubscribeResultCode.GrantedQoS0 => MqttQoSLevel.AtMostOnce,
            MqttClientSubscribeResultCode.GrantedQoS1 => MqttQoSLevel.AtLeastOnce,
            MqttClientSubscribeResultCode.GrantedQoS2 => MqttQoSLevel.ExactlyOnce,
            _ => MqttQoSLevel.GrantedFailure,
        };
    }
}
