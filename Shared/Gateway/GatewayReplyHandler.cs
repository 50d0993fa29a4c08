namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// Receives a node's reply text (a sensor payload or an <c>ERR:</c> text): the first <paramref name="length"/> ASCII bytes of
    /// <paramref name="reply"/>, valid only during the call (the caller reuses its buffer, so replies allocate nothing).
    /// </summary>
    public delegate void GatewayReplyHandler(byte[] reply, int length);
}
