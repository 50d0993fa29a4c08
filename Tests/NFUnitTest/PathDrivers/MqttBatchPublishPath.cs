using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Uplink;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// (h) The bridge's publish of one batch, the Shared/ steps of MqttSession.Flush up to the bytes handed to the MQTT client:
    /// <see cref="BatchSize"/> readings of <see cref="Nodes"/> named nodes wait in the queue (the same reading objects every time:
    /// making them is the MQTT reading report's (e)); the batch is taken into the reused array (<see cref="ReadingQueue.TakeBatch(UplinkReading[])"/>),
    /// each reading's state topic comes from the <see cref="StateTopicCache"/> (built once per node) and its state JSON is written
    /// into an array of <see cref="StatePayloadBuffers"/>; topic and bytes are handed to the client (a counter standing for
    /// MqttClient.Publish, which gives the packet id) and the id kept in the reused int array; the client's PUBACKs are recorded
    /// in <see cref="AcknowledgedPacketIds"/> and the batch's ids checked in order; the arrays go back to the pool, the readings
    /// leave the queue (<see cref="ReadingQueue.Acknowledge"/>) and the queue is serialised for its save
    /// (<see cref="ReadingQueue.SerializeIntoReused"/>; the flash write is the platform's). The MQTT client itself (nanoFramework.M2Mqtt)
    /// is not in it.
    /// </summary>
    public sealed class MqttBatchPublishPath : WholePath
    {
        /// <summary>Readings per batch.</summary>
        public const int BatchSize = 8;

        /// <summary>Nodes the readings come from (node ids 0 to 3).</summary>
        public const int Nodes = 4;

        private const string TopicPrefix = UplinkSettings.DefaultTopicPrefix;
        private const int MaximumBatch = 32; // MqttSession.MaximumBatch
        private const int MaximumControlMessages = 64; // MqttSession.MaximumControlMessages
        private readonly ReadingQueue _queue = new ReadingQueue(UplinkSettings.DefaultQueueCapacity);
        private readonly UplinkReading[] _waiting = new UplinkReading[BatchSize];
        private readonly byte[][] _uuids = new byte[Nodes][];
        private readonly UplinkReading[] _batch = new UplinkReading[MaximumBatch];
        private readonly int[] _ids = new int[MaximumBatch];
        private readonly StateTopicCache _topics = new StateTopicCache();
        private readonly StatePayloadWriter _state = new StatePayloadWriter();
        private readonly StatePayloadBuffers _payloads = new StatePayloadBuffers(MaximumBatch);
        private readonly AcknowledgedPacketIds _acknowledged = new AcknowledgedPacketIds(MaximumBatch + MaximumControlMessages + 1);
        private int _nextPacketId;
        private int _batches;
        private int _handedBytes;

        /// <summary>Names the nodes and makes their readings (about 12 V, 250 mA, duty 50 %, energy known).</summary>
        public MqttBatchPublishPath()
        {
            for (int node = 0; node < Nodes; node++)
            {
                byte[] uuid = new byte[16];
                uuid[0] = 0xDD;
                uuid[1] = 0xDD;
                uuid[7] = (byte)(node + 1);
                _uuids[node] = uuid;
            }

            for (int i = 0; i < BatchSize; i++)
            {
                _waiting[i] = new UplinkReading(NodeAddressing.UnicastOf(i % Nodes), i, 12002, 250000, 50, (uint)(1000 + i), true);
            }
        }

        /// <inheritdoc/>
        public override string Name => "MQTT batch publish (8 readings of 4 nodes)";

        /// <inheritdoc/>
        public override int Handed => _batches;

        /// <summary>Topic characters and payload bytes handed to the client so far.</summary>
        public int HandedBytes => _handedBytes;

        /// <inheritdoc/>
        public override void Run()
        {
            for (int i = 0; i < BatchSize; i++)
            {
                _queue.Enqueue(_waiting[i]);
            }

            int count = _queue.TakeBatch(_batch);
            _acknowledged.Clear();
            for (int sent = 0; sent < count; sent++)
            {
                UplinkReading reading = _batch[sent];
                string topic = StateTopic(reading.Address);
                byte[] payload = _state.Encode(reading, _payloads);
                _ids[sent] = Publish(topic, payload);
            }

            int acknowledged = 0;
            while (acknowledged < count && _acknowledged.Contains(_ids[acknowledged]))
            {
                acknowledged++;
            }

            _payloads.ReturnAll();
            for (int i = 0; i < _batch.Length; i++)
            {
                _batch[i] = null;
            }

            _queue.Acknowledge(acknowledged);
            byte[] saved = _queue.SerializeIntoReused();
            if (acknowledged == count && count == BatchSize && saved.Length > 0)
            {
                _batches++;
            }
        }

        private string StateTopic(int address)
        {
            string topic = _topics.Lookup(TopicPrefix, address);
            if (topic == null)
            {
                topic = HomeAssistantDiscovery.StateTopic(TopicPrefix, _uuids[NodeAddressing.NodeIdOf(address)]);
                _topics.Store(TopicPrefix, address, topic);
            }

            return topic;
        }

        /// <summary>The client's Publish: takes the message, gives its packet id; the broker's PUBACK comes back at once.</summary>
        private int Publish(string topic, byte[] payload)
        {
            _handedBytes += topic.Length + payload.Length;
            _nextPacketId = _nextPacketId >= 65535 ? 1 : _nextPacketId + 1;
            _acknowledged.Add(_nextPacketId);
            return _nextPacketId;
        }
    }
}
