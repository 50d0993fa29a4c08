namespace DcMonitor.Shared.Gateway
{
    /// <summary>Runs node command text on this node itself (the node's command executor).</summary>
    public interface ILocalCommandRunner
    {
        /// <summary>
        /// Runs <paramref name="nodeCommandText"/>; <paramref name="reply"/> is called once with the reply's bytes, later (or before
        /// this returns), on the worker thread. False (and no call) when the node is too busy to accept it. The gateway passes the
        /// same handler to every run that is not a ramp, so a runner must not assume a new one per call.
        /// </summary>
        bool Run(string nodeCommandText, GatewayReplyHandler reply);
    }
}
