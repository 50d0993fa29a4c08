using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// A Pi-compatible gateway console (seed protocol §3, §8): picks a node advertising the DC-Monitor service,
    /// connects, subscribes to DC02, writes the Pi's commands to DC03, reassembles chunks exactly as the Pi does
    /// and queues each complete message. Every 2 s it checks the link; when the link is lost it rescans and
    /// tries every candidate, the dead node last, until one accepts (the Pi's failover loop, §8.2). Status lines
    /// go to <paramref name="log"/>; messages are only queued, never decorated.
    /// </summary>
    public sealed class GatewayConsole : IDisposable
    {
        /// <summary>Link check period, ms (seed §8.2).</summary>
        public const int LinkCheckMilliseconds = 2000;

        private readonly DemoNetwork _network;
        private readonly TextWriter _log;
        private readonly object _gate = new object();
        private readonly StringBuilder _buffer = new StringBuilder();
        private readonly Timer _watchdog;
        private GattCentralLink _link;
        private string _connectedTo;

        /// <summary>Connects to the first advertising node.</summary>
        public GatewayConsole(DemoNetwork network, TextWriter log)
        {
            _network = network;
            _log = log;
            Connect(null);
            _watchdog = new Timer(_ => CheckLink(), null, LinkCheckMilliseconds, LinkCheckMilliseconds);
        }

        /// <summary>Complete messages in arrival order.</summary>
        public BlockingCollection<string> Messages { get; } = new BlockingCollection<string>();

        /// <summary>The node the console is connected to, or null.</summary>
        public string ConnectedTo
        {
            get
            {
                lock (_gate)
                {
                    return _connectedTo;
                }
            }
        }

        /// <summary>Writes a command (UTF-8); false when not connected or refused.</summary>
        public bool Write(string command)
        {
            GattCentralLink link;
            lock (_gate)
            {
                link = _link;
            }

            try
            {
                return link != null && link.IsOpen && link.Write(Encoding.UTF8.GetBytes(command));
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        /// <summary>Stops the link watchdog and disconnects.</summary>
        public void Dispose()
        {
            _watchdog.Dispose();
            lock (_gate)
            {
                _link?.Disconnect();
                _link = null;
            }
        }

        private void CheckLink()
        {
            string dead;
            lock (_gate)
            {
                if (_link != null && _link.IsOpen)
                {
                    return;
                }

                dead = _connectedTo;
                _link = null;
                _connectedTo = null;
            }

            _log.WriteLine("gateway: link to " + (dead ?? "no node") + " lost; scanning for another DC-Monitor node");
            Connect(dead);
        }

        private void Connect(string deadLast)
        {
            List<KeyValuePair<string, EmulatedMeshStack>> candidates = _network.Advertising().OrderBy(entry => entry.Key == deadLast ? 1 : 0).ThenBy(entry => entry.Key, StringComparer.Ordinal).ToList();
            foreach (KeyValuePair<string, EmulatedMeshStack> candidate in candidates)
            {
                try
                {
                    GattCentralLink link = candidate.Value.Gatt.Connect(OnNotification);
                    link.NegotiateMtu(517);
                    link.Subscribe();
                    lock (_gate)
                    {
                        _link = link;
                        _connectedTo = candidate.Key;
                    }

                    _log.WriteLine("gateway: connected to " + candidate.Key + " (MTU " + link.Mtu + ")");
                    return;
                }
                catch (InvalidOperationException)
                {
                    // busy or gone: next candidate
                }
            }

            _log.WriteLine("gateway: no DC-Monitor node found; retrying in " + (LinkCheckMilliseconds / 1000) + " s");
        }

        private void OnNotification(byte[] value)
        {
            string chunk = Encoding.UTF8.GetString(value).Trim();
            lock (_buffer)
            {
                if (chunk.StartsWith("+", StringComparison.Ordinal))
                {
                    _buffer.Append(chunk.Substring(1));
                    return;
                }

                string message = _buffer + chunk;
                _buffer.Clear();
                Messages.Add(message);
            }
        }
    }
}
