using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// The gateway's own node answering at once, as the UniversalNode's CommandExecutor does for READ with a present sensor:
    /// the reply text formatted by <see cref="SensorPayloadFormatter"/> from a fixed reading (12.003 V, 250 mA).
    /// </summary>
    public sealed class AnsweringLocalRunner : ILocalCommandRunner
    {
        private readonly SensorPayloadFormatter _formatter = new SensorPayloadFormatter();

        /// <summary>Commands run since creation.</summary>
        public int Runs { get; private set; }

        /// <inheritdoc/>
        public bool Run(string nodeCommandText, GatewayReplyHandler reply)
        {
            Runs++;
            reply(_formatter.Format(50, 12003000, 250000));
            return true;
        }
    }
}
