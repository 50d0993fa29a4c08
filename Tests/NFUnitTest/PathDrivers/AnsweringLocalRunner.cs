using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// The gateway's own node answering at once, through the Shared/ steps that UniversalNode's LocalCommandRunner and
    /// CommandExecutor take for a READ with a present sensor: the executor's reused reading reply refilled
    /// (<see cref="NodeReply.SetReading"/>) from a fixed reading (12.0025 V, 250 mA: "D:50%,V:12.003V,I:250.00mA,P:3000.6mW") and its text written into the runner's reused
    /// buffer (<see cref="NodeReply.WriteText"/>), never formatted as a string.
    /// </summary>
    public sealed class AnsweringLocalRunner : ILocalCommandRunner
    {
        private readonly SensorReading _reading = new SensorReading();
        private readonly NodeReply _readingReply = NodeReply.ForReusedReading(new SensorPayloadFormatter());
        private readonly ReplyWriter _reply = new ReplyWriter(GatewayReplies.MaximumMessageBytes);

        /// <summary>Prepares the fixed reading.</summary>
        public AnsweringLocalRunner()
        {
            _reading.Set(0x00C8, 0x2582, 0x012C); // 250 mA, 12.0025 V, 3 W (INA260 registers)
        }

        /// <summary>Commands run since creation.</summary>
        public int Runs { get; private set; }

        /// <inheritdoc/>
        public bool Run(string nodeCommandText, GatewayReplyHandler reply)
        {
            Runs++;
            _readingReply.SetReading(50, _reading);
            _reply.Clear();
            _readingReply.WriteText(_reply);
            reply(_reply.Buffer, _reply.Length);
            return true;
        }
    }
}
