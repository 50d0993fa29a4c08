namespace DcMonitor.Shared.Diagnostics
{
    /// <summary>Receives formatted log lines (the serial console is one).</summary>
    public delegate void LogSink(string line);
}
