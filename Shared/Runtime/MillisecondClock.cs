namespace DcMonitor.Shared.Runtime
{
    /// <summary>Milliseconds of a monotonic clock (Environment.TickCount64 on the device; a test's own clock in tests).</summary>
    public delegate long MillisecondClock();
}
