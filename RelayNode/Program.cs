using System.Threading;

namespace DcMonitor.RelayNode
{
    /// <summary>
    /// Entry point of the RelayNode image. Placeholder until the Provisioner and RelayNode issue: the relay
    /// role (relay on, default TTL 7, LED heartbeat on GPIO8, seed protocol §7) needs the mesh interop.
    /// </summary>
    public static class Program
    {
        /// <summary>Keeps the image alive; it does nothing yet.</summary>
        public static void Main()
        {
            System.Diagnostics.Debug.WriteLine("DC-Monitor relay node: relay role not implemented yet");
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
