using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// (c) A binary READ arriving at a node's vendor server and its binary STATUS reply, through the Shared/ steps that
    /// VendorServer.OnSend and CommandExecutor take: the SEND decoded to text (<see cref="BinaryCommandCodec.TryDecodeToText"/>),
    /// handed to the worker (the executor posts its one RunPending delegate to the <see cref="WorkQueue"/>; here the queue is
    /// stepped on this thread with <see cref="WorkQueue.RunNext"/>), parsed (<see cref="NodeCommandParser"/>), the INA260's three registers decoded (<see cref="Ina260Units"/>; the bytes an
    /// I2C read returns), the executor's reused reading reply refilled (<see cref="NodeReply.SetReading"/>; its text is
    /// never formatted for a binary READ) and encoded into the reused 8-byte STATUS (<see cref="NodeReply.EncodeBinary"/>)
    /// that goes to MeshNode.ReplyVendor.
    /// </summary>
    public sealed class SensorReadPath : WholePath
    {
        private readonly byte[] _send = new byte[BinaryCommandCodec.Length];
        private readonly byte[] _registers = { 0x00, 0xC8, 0x25, 0x82, 0x01, 0x2C }; // 250 mA, 12.0025 V, 3 W (big-endian registers)
        private readonly byte[] _status = new byte[BinaryStatusCodec.Length];
        private readonly SensorReading _reading = new SensorReading();
        private readonly NodeReply _reply = NodeReply.ForReusedReading(new SensorPayloadFormatter());
        private readonly WorkQueue _queue = new WorkQueue(128);
        private readonly WorkItem _execute;
        private string _pendingText;
        private int _replies;

        /// <summary>Prepares the binary READ a gateway sends.</summary>
        public SensorReadPath()
        {
            BinaryCommandCodec.TryEncode(NodeCommandParser.Parse("read"), _send);
            _execute = Execute;
        }

        /// <inheritdoc/>
        public override string Name => "sensor READ and its reply";

        /// <inheritdoc/>
        public override int Handed => _replies;

        /// <inheritdoc/>
        public override void Run()
        {
            _pendingText = BinaryCommandCodec.TryDecodeToText(_send, 0, _send.Length);
            if (_queue.Post(_execute))
            {
                _queue.RunNext();
            }
        }

        private void Execute()
        {
            NodeCommand command = NodeCommandParser.Parse(_pendingText);
            if (command.Kind != NodeCommandKind.Read)
            {
                return;
            }

            _reading.Set(Ina260Units.FromBigEndian(_registers, 0), Ina260Units.FromBigEndian(_registers, 2), Ina260Units.FromBigEndian(_registers, 4));
            const int duty = 50;
            _reply.SetReading(duty, _reading);
            if (_reply.EncodeBinary(_status))
            {
                _replies++;
            }
        }
    }
}
