using System;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// A board's Wi-Fi station interface: which <see cref="VirtualAccessPoint"/> it joined and whether it has a link now. Emulated
    /// network clients (the M2Mqtt client) ask <see cref="HasLink"/> before connecting and subscribe to <see cref="LinkLost"/> so their
    /// connections drop when the router goes down or the board loses power. Thread-safe.
    /// </summary>
    public sealed class VirtualWifiStation
    {
        private readonly VirtualBoard _board;
        private readonly object _gate = new object();
        private VirtualAccessPoint _joined;

        internal VirtualWifiStation(VirtualBoard board)
        {
            _board = board;
        }

        /// <summary>Raised when the link drops (access point down, board powered off).</summary>
        public event Action LinkLost;

        /// <summary>The access point joined, or null.</summary>
        public VirtualAccessPoint AccessPoint
        {
            get
            {
                lock (_gate)
                {
                    return _joined;
                }
            }
        }

        /// <summary>True when joined, the access point is up (and reconnected after an outage) and the board has power.</summary>
        public bool HasLink
        {
            get
            {
                VirtualAccessPoint accessPoint = AccessPoint;
                return accessPoint != null && accessPoint.LinkAvailable && !_board.PoweredOff;
            }
        }

        /// <summary>Joins <paramref name="accessPoint"/> (leaving any other).</summary>
        public void Join(VirtualAccessPoint accessPoint)
        {
            lock (_gate)
            {
                if (_joined == accessPoint)
                {
                    return;
                }

                if (_joined != null)
                {
                    _joined.WentDown -= RaiseLinkLost;
                }

                _joined = accessPoint;
                _joined.WentDown += RaiseLinkLost;
            }
        }

        /// <summary>Leaves the access point (WifiNetworkHelper.Disconnect); the link drops.</summary>
        public void Leave()
        {
            lock (_gate)
            {
                if (_joined == null)
                {
                    return;
                }

                _joined.WentDown -= RaiseLinkLost;
                _joined = null;
            }

            RaiseLinkLost();
        }

        internal void RaiseLinkLost() => LinkLost?.Invoke();
    }
}
