using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DcMonitor.Emulator.Broker
{
    /// <summary>
    /// Puts the SUBACK return codes of MQTTnet.Server 5.2 back in the order of the SUBSCRIBE's topic filters, as MQTT requires
    /// (3.1.1 §3.9.3, 5.0 §3.9.3): the server handles a SUBSCRIBE's filters from the highest QoS down (stable order otherwise) and
    /// answers in that handling order, so a client subscribing to "a" at QoS 0 and "b" at QoS 1 would read a's grant as b's.
    /// The SUBSCRIBE's QoS levels are kept in the session's items (a concurrent dictionary: no lock needed) until its SUBACK leaves,
    /// then the codes are permuted back.
    /// </summary>
    internal static class SubscribeAcknowledgementOrder
    {
        private const string KeyPrefix = "dcmonitor.subscribe-qos.";

        /// <summary>Hooks the reordering into <paramref name="server"/> (before it starts).</summary>
        public static void Attach(MqttServer server)
        {
            server.InterceptingInboundPacketAsync += Remember;
            server.InterceptingOutboundPacketAsync += Restore;
        }

        private static Task Remember(InterceptingPacketEventArgs incoming)
        {
            if (incoming.Packet is MqttSubscribePacket subscribe && subscribe.TopicFilters.Count > 1)
            {
                incoming.SessionItems[KeyPrefix + subscribe.PacketIdentifier] = subscribe.TopicFilters.Select(filter => filter.QualityOfServiceLevel).ToArray();
            }

            return Task.CompletedTask;
        }

        private static Task Restore(InterceptingPacketEventArgs outgoing)
        {
            if (outgoing.Packet is MqttSubAckPacket acknowledgement)
            {
                string key = KeyPrefix + acknowledgement.PacketIdentifier;
                var requested = outgoing.SessionItems[key] as MqttQualityOfServiceLevel[];
                outgoing.SessionItems.Remove(key);

                if (requested != null && requested.Length == acknowledgement.ReasonCodes.Count)
                {
                    // The server's handling order: filter indices sorted by QoS, highest first (a stable sort, as the server's).
                    int[] handled = Enumerable.Range(0, requested.Length).OrderByDescending(index => requested[index]).ToArray();
                    var codes = new MqttSubscribeReasonCode[requested.Length];
                    for (int position = 0; position < handled.Length; position++)
                    {
                        codes[handled[position]] = acknowledgement.ReasonCodes[position];
                    }

                    acknowledgement.ReasonCodes = new List<MqttSubscribeReasonCode>(codes);
                }
            }

            return Task.CompletedTask;
        }
    }
}
