using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// The gateway's own node answering at once, as the UniversalNode's CommandExecutor does for READ with a present sensor:
    /// the reply text formatted by <see cref="SensorPayloadFormatter.Write"/> into a reused buffer from a fixed reading (12.003 V, 250 mA).
    /// </summary>
    public sealed class AnsweringLocalRunner : ILocalCommandRunner
    {
        private readonly SensorPayloadFormatter _formatter = new SensorPayloadFormatter();
        private readonly ReplyWriter _reply = new ReplyWriter(GatewayReplies.MaximumMessageBytes);

        /// <summary>Commands run since creation.</summary>
        public int Runs { get; private set; }

        /// <inheritdoc/>
        public bool Run(string nodeCommandText, GatewayReplyHandler reply)
        {
            Runs++;
            _reply.Clear();
            _formatter.Write(50, 12003000, 250000, _reply);
            reply(_reply.Buffer, _reply.Length);
            return true;
        }
    }
}
