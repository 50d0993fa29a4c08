using System.Device.Wifi;
using System.Threading;
using DcMonitor.Shared.Uplink;
using nanoFramework.Networking;

namespace DcMonitor.UniversalNode.Uplink
{
    /// <summary>
    /// The node's Wi-Fi station for the uplink (nanoFramework.System.Device.Wifi): joins the configured network once, with the
    /// driver's automatic reconnection, so later outages heal without the application (a failed MQTT connection simply retries);
    /// joins again only when the network settings change or the last attempt failed. Blocks up to
    /// <see cref="JoinTimeoutMilliseconds"/>; used by the MQTT session thread only.
    /// </summary>
    public sealed class WifiLink
    {
        /// <summary>Longest wait for an address when joining, ms.</summary>
        public const int JoinTimeoutMilliseconds = 15000;

        private string _ssid;
        private string _password;

        /// <summary>True when joined to the network of <paramref name="settings"/> (joining now if needed). TLS asks for the
        /// network time too (certificate dates).</summary>
        public bool EnsureJoined(UplinkSettings settings)
        {
            if (_ssid != null && _ssid == settings.WifiSsid && _password == settings.WifiPassword)
            {
                return true;
            }

            bool joined = WifiNetworkHelper.ConnectDhcp(settings.WifiSsid, settings.WifiPassword, WifiReconnectionKind.Automatic, settings.TlsEnabled, 0,
                new CancellationTokenSource(JoinTimeoutMilliseconds).Token);
            _ssid = joined ? settings.WifiSsid : null;
            _password = joined ? settings.WifiPassword : null;
            return joined;
        }
    }
}
