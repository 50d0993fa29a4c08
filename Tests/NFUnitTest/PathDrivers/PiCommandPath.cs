using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// (b) One Pi command written to DC03 and its round trip through the gateway role: parsed
    /// (<see cref="GatewayProcessor.OnCommandWritten"/>), run locally and/or sent over the mesh as the binary SEND
    /// (<see cref="EncodingMesh"/>), the SENT / error reply notified (<see cref="ChunkingNotifier"/>), then — for a command
    /// that went to the mesh — node 1's binary STATUS answer forwarded, so the gateway is idle again for the next operation.
    /// </summary>
    public sealed class PiCommandPath : WholePath
    {
        private readonly string _command;
        private readonly byte[] _written;
        private readonly byte[] _status = new byte[BinaryStatusCodec.Length];
        private readonly SensorReading _reading = new SensorReading();
        private readonly SensorPayloadFormatter _formatter = new SensorPayloadFormatter();
        private readonly ReplyWriter _text = new ReplyWriter(GatewayReplies.MaximumMessageBytes);
        private readonly EncodingMesh _mesh = new EncodingMesh();
        private readonly ChunkingNotifier _notifier = new ChunkingNotifier();
        private readonly GatewayProcessor _gateway;
        private long _now = 1000;

        /// <summary>The path of <paramref name="command"/> as the Pi writes it (for example <c>1:READ</c>, <c>ALL:READ</c>).</summary>
        public PiCommandPath(string command)
        {
            _command = command;
            _written = System.Text.Encoding.UTF8.GetBytes(command);
            _gateway = new GatewayProcessor(_mesh, _notifier, new AnsweringLocalRunner());
            SensorReading registers = new SensorReading();
            registers.Set(200, 9602, 300);
            BinaryStatusCodec.Encode(BinaryStatusKind.Reading, 50, registers, _status);
        }

        /// <inheritdoc/>
        public override string Name => "Pi command " + _command;

        /// <inheritdoc/>
        public override int Handed => _notifier.Messages + _mesh.Sends;

        /// <inheritdoc/>
        public override void Run()
        {
            _now += 10;
            int sends = _mesh.Sends;
            _gateway.OnCommandWritten(_written, _written.Length, _now);
            if (_mesh.Sends != sends)
            {
                int source = _mesh.LastDestination >= 0xC000 ? NodeAddressing.UnicastOf(1) : _mesh.LastDestination;
                _text.Clear();
                BinaryStatusCodec.WriteReplyText(_status, 0, _status.Length, _reading, _formatter, _text);
                _gateway.OnVendorStatus(source, _text.Buffer, _text.Length, _now);
            }
        }
    }
}
