using DcMonitor.Shared.Commands;

namespace DcMonitor.UniversalNode.Commands
{
    /// <summary>
    /// Receives the reply to one node command (its text is a sensor payload or an <c>ERR:</c> text, seed protocol
    /// §2.5). Called exactly once per accepted command, on the node's worker thread: must not block.
    /// </summary>
    public delegate void CommandReplyHandler(NodeReply reply);
}
