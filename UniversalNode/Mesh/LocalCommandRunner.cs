using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.UniversalNode.Commands;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>The gateway's way to run a command on this node: the node's own command executor.</summary>
    public sealed class LocalCommandRunner : ILocalCommandRunner
    {
        private readonly CommandExecutor _executor;
        private readonly ReplyWriter _reply = new ReplyWriter(GatewayReplies.MaximumMessageBytes);

        /// <summary>Creates the runner.</summary>
        public LocalCommandRunner(CommandExecutor executor)
        {
            _executor = executor;
        }

        /// <inheritdoc/>
        public bool Run(string nodeCommandText, GatewayReplyHandler reply)
        {
            return _executor.Submit(nodeCommandText, delegate(NodeReply nodeReply)
            {
                _reply.Clear();
                _reply.Append(nodeReply.Text); // a text that does not fit is too long to forward anyway (ERROR:REPLY_TOO_LONG)
                reply(_reply.Buffer, _reply.Length);
            });
        }
    }
}
