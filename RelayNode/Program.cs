using System.Threading;

namespace DcMonitor.RelayNode
{
    /// <summary>Entry point of the RelayNode image.</summary>
    public static class Program
    {
        /// <summary>Starts the relay and keeps the main thread alive.</summary>
        public static void Main()
        {
            new RelayNodeApp().Start();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
