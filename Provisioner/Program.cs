using System.Threading;

namespace DcMonitor.Provisioner
{
    /// <summary>Entry point of the Provisioner image (seed §6): starts <see cref="ProvisionerApp"/> and keeps the image alive.</summary>
    public static class Program
    {
        /// <summary>Boots the provisioner.</summary>
        public static void Main()
        {
            new ProvisionerApp().Start();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
