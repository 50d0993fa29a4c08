using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.UniversalNode.Commands;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// One command that the gateway runs on its own node and that awaits the executor's reply: the gateway's handler to
    /// answer. <see cref="LocalCommandRunner"/> keeps a few of these, each with its executor reply handler created once, so
    /// a local run allocates no closure (issue 16). Worker thread only.
    /// </summary>
    internal sealed class LocalRequest
    {
        private readonly LocalCommandRunner _runner;
        private GatewayReplyHandler _gatewayReply;

        /// <summary>Creates a free request that answers through <paramref name="runner"/>.</summary>
        public LocalRequest(LocalCommandRunner runner)
        {
            _runner = runner;
            Reply = OnReply;
        }

        /// <summary>True from <see cref="Start"/> until its reply arrives or <see cref="Release"/>.</summary>
        public bool InUse { get; private set; }

        /// <summary>The handler given to the executor (the same delegate every time).</summary>
        public CommandReplyHandler Reply { get; }

        /// <summary>Takes the request for one run whose reply goes to <paramref name="gatewayReply"/>.</summary>
        public void Start(GatewayReplyHandler gatewayReply)
        {
            _gatewayReply = gatewayReply;
            InUse = true;
        }

        /// <summary>Frees the request without an answer (the executor refused the command).</summary>
        public void Release()
        {
            _gatewayReply = null;
            InUse = false;
        }

        private void OnReply(NodeReply reply)
        {
            GatewayReplyHandler gatewayReply = _gatewayReply;
            Release(); // free before answering: the gateway may run its next local command from inside the handler
            _runner.Answer(gatewayReply, reply);
        }
    }
}
