namespace DcMonitor.UniversalNode.Uplink
{
    /// <summary>An MQTT message for the bridge's command topics: <paramref name="topic"/>, raw <paramref name="payload"/>, and whether the broker delivered it as retained.</summary>
    public delegate void UplinkMessageHandler(string topic, byte[] payload, bool retained);
}
