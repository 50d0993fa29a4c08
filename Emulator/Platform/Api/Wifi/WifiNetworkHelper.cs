using System;
using System.Device.Wifi;
using System.Threading;
using DcMonitor.Emulator.Board;

namespace nanoFramework.Networking
{
    /// <summary>
    /// Emulation of nanoFramework's <c>WifiNetworkHelper</c> (System.Device.Wifi 1.5; docs/reference/nanoframework-api.md §7.4) on the
    /// board's <see cref="VirtualWifiStation"/>: <see cref="ConnectDhcp"/> blocks until the named <see cref="VirtualAccessPoint"/> is up
    /// (and serving: <see cref="VirtualAccessPoint.LinkAvailable"/>) and the password matches (true, <see cref="Status"/> NetworkIsReady) or the token is cancelled (false, TokenExpiredWaitingIPAddress),
    /// as the real helper waits for an IP address. With automatic reconnection the station keeps its access point across outages.
    /// State is per board (the real helper's statics, one per device).
    /// </summary>
    public static class WifiNetworkHelper
    {
        private const int PollMilliseconds = 50;

        /// <summary>The outcome of the calling board's last connection attempt.</summary>
        public static NetworkHelperStatus Status => StatusOf(VirtualBoard.Current);

        /// <summary>The exception behind <see cref="NetworkHelperStatus.ExceptionOccurred"/> (never set by the emulation).</summary>
        public static Exception HelperException => null;

        /// <summary>Connects the board to <paramref name="ssid"/> and waits for its address; see the class summary.</summary>
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false,
            int wifiAdapterId = 0, CancellationToken token = default)
        {
            VirtualBoard board = VirtualBoard.Current;
            SetStatus(board, NetworkHelperStatus.Started);
            while (true)
            {
                VirtualAccessPoint accessPoint = VirtualAccessPoint.Find(ssid);
                if (accessPoint != null && accessPoint.LinkAvailable && accessPoint.Password == (password ?? string.Empty) && !board.PoweredOff)
                {
                    board.Wifi.Join(accessPoint);
                    SetStatus(board, NetworkHelperStatus.NetworkIsReady);
                    return true;
                }

                if (token.IsCancellationRequested || board.PoweredOff)
                {
                    SetStatus(board, NetworkHelperStatus.TokenExpiredWaitingIPAddress);
                    return false;
                }

                Thread.Sleep(PollMilliseconds);
            }
        }

        /// <summary>Leaves the network.</summary>
        public static void Disconnect()
        {
            VirtualBoard board = VirtualBoard.Current;
            board.Wifi.Leave();
            SetStatus(board, NetworkHelperStatus.None);
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<VirtualBoard, StatusBox> s_status = new System.Runtime.CompilerServices.ConditionalWeakTable<VirtualBoard, StatusBox>();

        private static NetworkHelperStatus StatusOf(VirtualBoard board) => s_status.GetOrCreateValue(board).Value;

        private static void SetStatus(VirtualBoard board, NetworkHelperStatus status) => s_status.GetOrCreateValue(board).Value = status;

        private sealed class StatusBox
        {
            public volatile NetworkHelperStatus Value;
        }
    }
}
