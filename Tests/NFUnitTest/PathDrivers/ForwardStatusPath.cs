using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// (a) A binary STATUS from node 1 (0x0006) arriving at the gateway, as MeshCoordinator.OnStatus handles it: the 8 bytes
    /// turned into the node's reply text (<see cref="BinaryStatusCodec.WriteReplyText"/>, into a reused buffer), handed to the gateway role
    /// (<see cref="GatewayProcessor.OnVendorStatus"/>) and forwarded to the Pi as DC02 chunks (<see cref="ChunkingNotifier"/>).
    /// The gateway monitors node 1 (the Pi wrote <c>1:MONITOR</c> first), so every STATUS is forwarded.
    /// </summary>
    public sealed class ForwardStatusPath : WholePath
    {
        private const int Source = 0x0006;
        private readonly byte[] _status = new byte[BinaryStatusCodec.Length];
        private readonly SensorReading _reading = new SensorReading();
        private readonly SensorPayloadFormatter _formatter = new SensorPayloadFormatter();
        private readonly ReplyWriter _text = new ReplyWriter(GatewayReplies.MaximumMessageBytes);
        private readonly ChunkingNotifier _notifier = new ChunkingNotifier();
        private readonly GatewayProcessor _gateway;
        private long _now = 1000;

        /// <summary>Builds the gateway, starts monitoring node 1 and prepares the STATUS (50 %, 12.003 V, 250 mA).</summary>
        public ForwardStatusPath()
        {
            _gateway = new GatewayProcessor(new EncodingMesh(), _notifier, new AnsweringLocalRunner());
            byte[] monitor = System.Text.Encoding.UTF8.GetBytes("1:MONITOR");
            _gateway.OnCommandWritten(monitor, monitor.Length, _now);
            SensorReading registers = new SensorReading();
            registers.Set(200, 9602, 300); // 250 mA, 12.0025 V, 3 W in INA260 register units
            BinaryStatusCodec.Encode(BinaryStatusKind.Reading, 50, registers, _status);
        }

        /// <inheritdoc/>
        public override string Name => "forward STATUS to the Pi";

        /// <inheritdoc/>
        public override int Handed => _notifier.Messages;

        /// <inheritdoc/>
        public override void Run()
        {
            _now += 10;
            _text.Clear();
            BinaryStatusCodec.WriteReplyText(_status, 0, _status.Length, _reading, _formatter, _text);
            _gateway.OnVendorStatus(Source, _text.Buffer, _text.Length, _now);
        }
    }
}
