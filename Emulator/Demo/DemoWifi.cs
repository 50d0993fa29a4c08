namespace DcMonitor.Emulator.Demo
{
    /// <summary>The demo's Wi-Fi router: every node process of the demo has this access point (up) for the MQTT uplink.</summary>
    public static class DemoWifi
    {
        /// <summary>Network name.</summary>
        public const string Ssid = "dcmonitor-demo";

        /// <summary>Network password.</summary>
        public const string Password = "demo-router-1";
    }
}
