using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Uplink;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// (e) One MQTT reading report, through the Shared/ steps of its whole trip: the node's <see cref="ReadingReport"/> set and
    /// encoded into its reused 8 bytes (ReadingReporter), the bridge decoding it into an <see cref="UplinkReading"/> and
    /// queueing it (UplinkBridge.OnReading), then taking it into the reused batch array, writing its state JSON
    /// (<see cref="StatePayloadWriter"/>) into an array of <see cref="StatePayloadBuffers"/>, acknowledging it and freeing the
    /// array (MqttSession's publish, without the MQTT client and the topic text).
    /// </summary>
    public sealed class MqttReadingReportPath : WholePath
    {
        private const int Source = 0x0006;
        private readonly ReadingReport _nodeReport = new ReadingReport();
        private readonly byte[] _reportBytes = new byte[ReadingReport.EncodedLength];
        private readonly ReadingReport _bridgeReport = new ReadingReport();
        private readonly ReadingQueue _queue = new ReadingQueue(32);
        private readonly StatePayloadWriter _state = new StatePayloadWriter();
        private readonly StatePayloadBuffers _payloads = new StatePayloadBuffers(32);
        private readonly UplinkReading[] _batch = new UplinkReading[1];
        private readonly SensorReading _reading = new SensorReading();
        private int _sequence;
        private int _published;

        /// <summary>Prepares the node's reading (12.0025 V, 250 mA).</summary>
        public MqttReadingReportPath()
        {
            _reading.Set(200, 9602, 300);
        }

        /// <inheritdoc/>
        public override string Name => "MQTT reading report";

        /// <inheritdoc/>
        public override int Handed => _published;

        /// <inheritdoc/>
        public override void Run()
        {
            _sequence = (_sequence + 1) & 0x7FFF;
            _nodeReport.Set(_sequence, _reading, 50, 0, false);
            _nodeReport.Encode(_reportBytes);
            if (!_bridgeReport.TryDecode(_reportBytes, _reportBytes.Length))
            {
                return;
            }

            _queue.Enqueue(new UplinkReading(Source, _bridgeReport.Sequence, _bridgeReport.BusMillivolts, _bridgeReport.CurrentMicroamps,
                _bridgeReport.DutyPercent, 1234u, true));
            int count = _queue.TakeBatch(_batch);
            for (int i = 0; i < count; i++)
            {
                if (_state.Encode(_batch[i], _payloads).Length > 0)
                {
                    _published++;
                }
            }

            _queue.Acknowledge(count);
            _payloads.ReturnAll();
        }
    }
}
