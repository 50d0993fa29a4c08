using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.UniversalNode.Commands;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// The gateway's way to run a command on this node: the node's own command executor. A run takes a
    /// <see cref="LocalRequest"/> from a small fixed pool and the reply text is written into one reused buffer
    /// (<see cref="NodeReply.WriteText"/>), so a local READ (<c>0:READ</c>, the local part of <c>ALL:READ</c>) allocates
    /// nothing in steady state (issue 16). Worker thread only.
    /// </summary>
    public sealed class LocalCommandRunner : ILocalCommandRunner
    {
        /// <summary>
        /// Runs awaiting their reply that the pool serves: the gateway holds at most one command at a time, plus a ramp
        /// running in the background and a monitoring poll of this node. A run beyond these gets a request of its own
        /// (allocated, still answered).
        /// </summary>
        private const int RequestPoolSize = 4;

        private readonly CommandExecutor _executor;
        private readonly LocalRequest[] _requests = new LocalRequest[RequestPoolSize];
        private readonly ReplyWriter _reply = new ReplyWriter(GatewayReplies.MaximumMessageBytes);

        /// <summary>Creates the runner.</summary>
        public LocalCommandRunner(CommandExecutor executor)
        {
            _executor = executor;
            for (int i = 0; i < _requests.Length; i++)
            {
                _requests[i] = new LocalRequest(this);
            }
        }

        /// <inheritdoc/>
        public bool Run(string nodeCommandText, GatewayReplyHandler reply)
        {
            LocalRequest request = FreeRequest();
            request.Start(reply);
            if (!_executor.Submit(nodeCommandText, request.Reply))
            {
                request.Release();
                return false;
            }

            return true;
        }

        /// <summary>Hands <paramref name="nodeReply"/>'s text to <paramref name="gatewayReply"/> as bytes in the reused buffer.</summary>
        internal void Answer(GatewayReplyHandler gatewayReply, NodeReply nodeReply)
        {
            _reply.Clear();
            nodeReply.WriteText(_reply); // a text that does not fit is too long to forward anyway (ERROR:REPLY_TOO_LONG)
            gatewayReply(_reply.Buffer, _reply.Length);
        }

        /// <summary>A request not awaiting a reply; a new one when every pooled request is.</summary>
        private LocalRequest FreeRequest()
        {
            for (int i = 0; i < _requests.Length; i++)
            {
                if (!_requests[i].InUse)
                {
                    return _requests[i];
                }
            }

            return new LocalRequest(this);
        }
    }
}
