using System.Threading;

namespace DcMonitor.Provisioner
{
    /// <summary>
    /// Entry point of the Provisioner image. Placeholder until the Provisioner and RelayNode issue
    /// (seed protocol §6): provisioning needs the mesh interop.
    /// </summary>
    public static class Program
    {
        /// <summary>Keeps the image alive; it does nothing yet.</summary>
        public static void Main()
        {
            System.Diagnostics.Debug.WriteLine("DC-Monitor provisioner: provisioning not implemented yet");
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
