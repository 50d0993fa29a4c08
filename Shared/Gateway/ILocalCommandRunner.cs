namespace DcMonitor.Shared.Gateway
{
    /// <summary>Runs node command text on this node itself (the node's command executor).</summary>
    public interface ILocalCommandRunner
    {
        /// <summary>
        /// Runs <paramref name="nodeCommandText"/>; <paramref name="reply"/> is called once, later, on the worker
        /// thread. False (and no call) when the node is too busy to accept it.
        /// </summary>
        bool Run(string nodeCommandText, GatewayReplyHandler reply);
    }
}
