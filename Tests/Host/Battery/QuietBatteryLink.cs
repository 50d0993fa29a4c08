using DcMonitor.Shared.Battery;

namespace DcMonitor.Tests.Battery
{
    /// <summary>A battery monitor link that accepts every call, raises nothing and allocates nothing (allocation and heap counts).</summary>
    internal sealed class QuietBatteryLink : IBatteryMonitorLink
    {
        public event BatteryMonitorLinkEventHandler LinkEvent { add { } remove { } }

        public bool StartScan(int durationMilliseconds) => true;

        public bool Connect(byte[] address, int addressType, int timeoutMilliseconds) => true;

        public bool Write(byte[] block) => true;

        public void Disconnect()
        {
        }
    }
}
