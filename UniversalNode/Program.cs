using System.Threading;

namespace DcMonitor.UniversalNode
{
    /// <summary>Entry point of the UniversalNode image.</summary>
    public static class Program
    {
        /// <summary>Boots the node and keeps the main thread alive; the node runs on its own threads.</summary>
        public static void Main()
        {
            new UniversalNodeApp().Start();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
