using DcMonitor.Shared.Commands;

namespace DcMonitor.UniversalNode.Commands
{
    /// <summary>
    /// A command handed to the <see cref="CommandExecutor"/> that awaits its reply, kept in its owner's fixed pool with its reply
    /// handler created once, so handing a command over allocates no closure (issue 16). The owner takes a free one, submits
    /// <see cref="Reply"/> and releases it when the executor refuses; the reply frees it before <see cref="Answer"/> runs.
    /// Worker thread only.
    /// </summary>
    internal abstract class PooledCommandRequest
    {
        /// <summary>Creates a free request.</summary>
        protected PooledCommandRequest()
        {
            Reply = OnReply;
        }

        /// <summary>True from <see cref="Take"/> until its reply arrives or <see cref="Release"/>.</summary>
        public bool InUse { get; private set; }

        /// <summary>The handler given to the executor (the same delegate every time).</summary>
        public CommandReplyHandler Reply { get; }

        /// <summary>Frees the request without an answer (the executor refused the command).</summary>
        public void Release()
        {
            InUse = false;
        }

        /// <summary>Marks the request taken (its subclass has stored what the answer needs).</summary>
        protected void Take()
        {
            InUse = true;
        }

        /// <summary>Answers the requester with the executor's <paramref name="reply"/> (the request is already free).</summary>
        protected abstract void Answer(NodeReply reply);

        private void OnReply(NodeReply reply)
        {
            InUse = false;
            Answer(reply);
        }
    }
}
