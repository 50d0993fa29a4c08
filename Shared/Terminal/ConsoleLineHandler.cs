namespace DcMonitor.Shared.Terminal
{
    /// <summary>Receives one console line.</summary>
    public delegate void ConsoleLineHandler(string line);
}
