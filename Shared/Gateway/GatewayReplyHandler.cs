namespace DcMonitor.Shared.Gateway
{
    /// <summary>Receives a node's reply text (a sensor payload or an <c>ERR:</c> text).</summary>
    public delegate void GatewayReplyHandler(string reply);
}
