namespace DcMonitor.Shared.Battery
{
    /// <summary>Handler of <see cref="IBatteryMonitorLink.LinkEvent"/>; the event instance is reused after the handler returns.</summary>
    public delegate void BatteryMonitorLinkEventHandler(BatteryMonitorLinkEvent linkEvent);
}
