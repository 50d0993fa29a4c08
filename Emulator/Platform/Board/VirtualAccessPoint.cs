using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// A Wi-Fi access point (a router) the emulated boards of this process can join by SSID and password: tests and the demo
    /// switch it off and on (<see cref="IsUp"/>) to stage router outages. While it is down every joined station loses its link
    /// (its TCP connections drop at once, as when a router reboots); when it is back, stations that joined with automatic
    /// reconnection regain the link after <see cref="ReconnectMilliseconds"/> (the ESP32 driver's reconnect). Thread-safe.
    /// </summary>
    public sealed class VirtualAccessPoint
    {
        /// <summary>Time from the access point coming back to a station's link returning, ms.</summary>
        public const int ReconnectMilliseconds = 1000;

        private static readonly Dictionary<string, VirtualAccessPoint> s_byName = new Dictionary<string, VirtualAccessPoint>(StringComparer.Ordinal);
        private readonly Stopwatch _upSince = Stopwatch.StartNew();
        private bool _up = true;
        private bool _wasDown;

        private VirtualAccessPoint(string ssid, string password)
        {
            Ssid = ssid;
            Password = password ?? string.Empty;
        }

        /// <summary>Raised (on the switching thread) when the access point goes down.</summary>
        public event Action WentDown;

        /// <summary>The network name.</summary>
        public string Ssid { get; }

        /// <summary>The network password ("" = open).</summary>
        public string Password { get; }

        /// <summary>True while the access point is powered and routing; setting false drops every station's link.</summary>
        public bool IsUp
        {
            get
            {
                lock (_upSince)
                {
                    return _up;
                }
            }

            set
            {
                bool wentDown;
                lock (_upSince)
                {
                    wentDown = _up && !value;
                    _wasDown |= wentDown;
                    if (!_up && value)
                    {
                        _upSince.Restart();
                    }

                    _up = value;
                }

                if (wentDown)
                {
                    WentDown?.Invoke();
                }
            }
        }

        /// <summary>True when a station that joined earlier has its link now: up, and (after an outage) up for <see cref="ReconnectMilliseconds"/>.</summary>
        public bool LinkAvailable
        {
            get
            {
                lock (_upSince)
                {
                    return _up && (!_wasDown || _upSince.ElapsedMilliseconds >= ReconnectMilliseconds);
                }
            }
        }

        /// <summary>Creates (or replaces) the access point named <paramref name="ssid"/>, up.</summary>
        public static VirtualAccessPoint Create(string ssid, string password)
        {
            var accessPoint = new VirtualAccessPoint(ssid, password);
            lock (s_byName)
            {
                s_byName[ssid] = accessPoint;
            }

            return accessPoint;
        }

        /// <summary>The access point named <paramref name="ssid"/>, or null.</summary>
        public static VirtualAccessPoint Find(string ssid)
        {
            lock (s_byName)
            {
                return ssid != null && s_byName.TryGetValue(ssid, out VirtualAccessPoint accessPoint) ? accessPoint : null;
            }
        }
    }
}
