namespace DcMonitor.UniversalNode.Uplink
{
    /// <summary>
    /// A message the MQTT session keeps until the broker acknowledged it (availability, discovery, replies, diagnostics): topic,
    /// text payload, retain flag, and the MQTT message id of its last send on the current connection (-1: not sent on it yet).
    /// </summary>
    internal sealed class ControlMessage
    {
        /// <summary>A message not sent yet.</summary>
        public ControlMessage(string topic, string payload, bool retain)
        {
            Topic = topic;
            Payload = payload;
            Retain = retain;
            MessageId = -1;
        }

        /// <summary>Where it goes.</summary>
        public string Topic { get; private set; }

        /// <summary>What it says (UTF-8 on the wire).</summary>
        public string Payload { get; private set; }

        /// <summary>True for a retained message (a newer one on the same topic replaces it while waiting).</summary>
        public bool Retain { get; private set; }

        /// <summary>MQTT message id of its send on this connection, -1 before.</summary>
        public int MessageId { get; set; }
    }
}
