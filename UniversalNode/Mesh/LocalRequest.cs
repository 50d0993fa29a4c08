using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.UniversalNode.Commands;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// One command that the gateway runs on its own node and that awaits the executor's reply: the gateway's handler to
    /// answer. <see cref="LocalCommandRunner"/> keeps a few of these (<see cref="PooledCommandRequest"/>), so a local run
    /// allocates no closure (issue 16). Worker thread only.
    /// </summary>
    internal sealed class LocalRequest : PooledCommandRequest
    {
        private readonly LocalCommandRunner _runner;
        private GatewayReplyHandler _gatewayReply;

        /// <summary>Creates a free request that answers through <paramref name="runner"/>.</summary>
        public LocalRequest(LocalCommandRunner runner)
        {
            _runner = runner;
        }

        /// <summary>Takes the request for one run whose reply goes to <paramref name="gatewayReply"/>.</summary>
        public void Start(GatewayReplyHandler gatewayReply)
        {
            _gatewayReply = gatewayReply;
            Take();
        }

        /// <inheritdoc/>
        protected override void Answer(NodeReply reply)
        {
            GatewayReplyHandler gatewayReply = _gatewayReply; // the gateway may take this request again from inside its handler
            _runner.Answer(gatewayReply, reply);
        }
    }
}
