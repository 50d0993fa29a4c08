namespace DcMonitor.UniversalNode.Commands
{
    /// <summary>
    /// Receives the reply text to one node command (a sensor payload or an <c>ERR:</c> text, seed protocol
    /// §2.5). Called exactly once per accepted command, on the node's worker thread: must not block.
    /// </summary>
    public delegate void CommandReplyHandler(string reply);
}
