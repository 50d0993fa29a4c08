namespace DcMonitor.Shared.Battery
{
    /// <summary>Called on the worker thread with each good reading (the reader's own instance: copy what you keep).</summary>
    public delegate void BatteryReadingHandler(BatteryReading reading);
}
