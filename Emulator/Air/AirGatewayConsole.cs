using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// The Pi-compatible gateway console over the air endpoint only (central role), as the Pi behaves (seed
    /// protocol §3, §8): scan, take candidates whose name contains <c>DC-Monitor</c> or that advertise 0xDC01,
    /// connect, subscribe to DC02 (a failed subscribe disconnects and tries the next), write commands to DC03,
    /// reassemble 20-byte chunks exactly as the Pi does; every 2 s check the link and on loss scan 5 s and try
    /// every candidate, the dead one last, until one works. Status lines go to the log; messages are queued.
    /// Pairing as <c>bluetoothctl</c> (docs/security.md): at start-up it pairs with every DC-Monitor node once (Just Works);
    /// <see cref="Pair"/> pairs with one node later, asking <see cref="PasskeyAgent"/> for the passkey a node in passkey mode shows.
    /// </summary>
    public sealed class AirGatewayConsole : IDisposable
    {
        /// <summary>Link check period, ms (seed §8.2).</summary>
        public const int LinkCheckMilliseconds = 2000;

        /// <summary>Scan window during failover, ms (seed §8.1).</summary>
        public const int FailoverScanMilliseconds = 5000;

        private readonly AirClient _client;
        private readonly TextWriter _log;
        private readonly StringBuilder _buffer = new StringBuilder();
        private readonly Thread _events;
        private readonly Timer _watchdog;
        private readonly object _gate = new object();
        private readonly object _radioUse = new object(); // one central connection: a pairing and a write do not interleave
        private readonly int _scanMilliseconds;
        private string _address;
        private bool _linkLost;
        private int _checking;

        /// <summary>Connects to the endpoint and to the first node found (scanning <paramref name="firstScanMilliseconds"/>).</summary>
        public AirGatewayConsole(int port, TextWriter log, int firstScanMilliseconds = 1000)
        {
            _client = AirClient.Connect(port, "central", "pi5");
            _log = log;
            _scanMilliseconds = firstScanMilliseconds;
            _events = new Thread(PumpEvents) { IsBackground = true };
            _events.Start();
            PairWithEveryNode(firstScanMilliseconds);
            ConnectToAny(null, firstScanMilliseconds);
            _watchdog = new Timer(_ => CheckLink(), null, LinkCheckMilliseconds, LinkCheckMilliseconds);
        }

        /// <summary>
        /// The pairing agent, as <c>bluetoothctl agent KeyboardDisplay</c>: asked, with the node's address, for the passkey a node in
        /// passkey mode displays on its console; returns the line the user typed (6 digits), or null to cancel. Null (the default):
        /// no agent, Just Works only, and a node in passkey mode refuses the pairing.
        /// </summary>
        public Func<string, string> PasskeyAgent { get; set; }

        /// <summary>Complete messages as the Pi receives them.</summary>
        public BlockingCollection<string> Messages { get; } = new BlockingCollection<string>();

        /// <summary>Address of the node the console is connected to, or null.</summary>
        public string ConnectedTo
        {
            get
            {
                lock (_gate)
                {
                    return _linkLost ? null : _address;
                }
            }
        }

        /// <summary>
        /// Waits until the console is connected to a node other than <paramref name="address"/> (after a failover), woken by the
        /// connection itself rather than by polling.
        /// </summary>
        /// <param name="address">The address to move away from (null: any connection will do).</param>
        /// <param name="timeoutMilliseconds">Longest wait, ms (0 or more).</param>
        /// <returns>The new address, or null when the timeout passed first.</returns>
        public string WaitForConnectionOtherThan(string address, int timeoutMilliseconds)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
            lock (_gate)
            {
                while (_linkLost || _address == null || _address == address)
                {
                    int left = (int)(deadline - DateTime.UtcNow).TotalMilliseconds;
                    if (left <= 0 || !Monitor.Wait(_gate, left))
                    {
                        return null;
                    }
                }

                return _address;
            }
        }

        /// <summary>Why the last <see cref="Write"/> failed (the endpoint's error code and message, e.g. <c>att_error</c> when the node's
        /// event queue was full); null after a successful write.</summary>
        public string LastWriteError { get; private set; }

        /// <summary>Writes a command to DC03 (with response); false when not connected or refused (<see cref="LastWriteError"/> says why).</summary>
        public bool Write(string command)
        {
            JsonObject reply;
            lock (_radioUse)
            {
                reply = _client.Request(new JsonObject { ["op"] = "write", ["char"] = CentralSession.CommandUuid, ["data_hex"] = Convert.ToHexString(Encoding.UTF8.GetBytes(command)), ["response"] = true });
            }

            bool written = reply != null && (string)reply["op"] == "written";
            LastWriteError = written ? null : reply == null ? "no reply from the endpoint" : (string)reply["error"] + ": " + (string)reply["message"];
            return written;
        }

        /// <summary>
        /// Pairs with the node at <paramref name="address"/> as <c>bluetoothctl pair</c> does: leaves the current node, connects, pairs
        /// (Just Works, or passkey entry through <see cref="PasskeyAgent"/> when the node asks for it: a wrong or cancelled passkey
        /// fails the pairing), disconnects and connects to a DC-Monitor node again. <paramref name="outcome"/> is the status line
        /// (also logged); true when the node now keeps a bond for this central.
        /// </summary>
        public bool Pair(string address, out string outcome)
        {
            bool bonded;
            lock (_radioUse)
            {
                _client.Request(new JsonObject { ["op"] = "disconnect" });
                JsonObject connected = _client.Request(new JsonObject { ["op"] = "connect", ["address"] = address });
                if (connected == null || (string)connected["op"] != "connected")
                {
                    outcome = "gateway: pairing with " + address + ": cannot connect (" + ((string)connected?["message"] ?? "no answer") + ")";
                    bonded = false;
                }
                else
                {
                    bonded = PairConnected(address, out outcome);
                    _client.Request(new JsonObject { ["op"] = "disconnect" });
                }

                ConnectToAny(null, _scanMilliseconds);
            }

            _log.WriteLine(outcome);
            return bonded;
        }

        /// <summary>Stops watching and disconnects.</summary>
        public void Dispose()
        {
            _watchdog.Dispose();
            _client.Request(new JsonObject { ["op"] = "disconnect" }, 2000);
            _client.Dispose();
        }

        private void PumpEvents()
        {
            foreach (JsonObject e in _client.Events.GetConsumingEnumerable())
            {
                string op = (string)e["op"];
                if (op == "notify")
                {
                    OnChunk(Encoding.UTF8.GetString(Convert.FromHexString((string)e["data_hex"])));
                }
                else if (op == "disconnected" || op == "closed")
                {
                    lock (_gate)
                    {
                        _linkLost = true;
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }

        private void OnChunk(string chunk)
        {
            string text = chunk.Trim();
            lock (_buffer)
            {
                if (text.StartsWith("+", StringComparison.Ordinal))
                {
                    _buffer.Append(text.Substring(1));
                    return;
                }

                string message = _buffer + text;
                _buffer.Clear(); // like the Pi, the buffer is not cleared on failover (seed §3)
                Messages.Add(message);
            }
        }

        private void CheckLink()
        {
            if (Interlocked.Exchange(ref _checking, 1) == 1)
            {
                return;
            }

            try
            {
                string dead;
                lock (_gate)
                {
                    if (!_linkLost && _address != null)
                    {
                        return;
                    }

                    dead = _address;
                }

                _log.WriteLine("gateway: link to " + (dead ?? "no node") + " lost; scanning " + (FailoverScanMilliseconds / 1000) + " s for another DC-Monitor node");
                lock (_radioUse)
                {
                    ConnectToAny(dead, FailoverScanMilliseconds);
                }
            }
            finally
            {
                Interlocked.Exchange(ref _checking, 0);
            }
        }

        /// <summary>
        /// What the Pi's owner does once per node in bonded mode (docs/security.md): connect and pair (Just Works, inside the node's
        /// pairing window), so a later failover to any node finds a bond there. A node that refuses is reported and skipped.
        /// </summary>
        private void PairWithEveryNode(int scanMilliseconds)
        {
            foreach (JsonObject candidate in Candidates(null, scanMilliseconds).Where(d => (string)d["name"] == "DC-Monitor"))
            {
                string address = (string)candidate["address"];
                JsonObject connected = _client.Request(new JsonObject { ["op"] = "connect", ["address"] = address });
                if (connected == null || (string)connected["op"] != "connected")
                {
                    continue;
                }

                PairConnected(address, out string outcome);
                _log.WriteLine(outcome);
                _client.Request(new JsonObject { ["op"] = "disconnect" });
            }
        }

        /// <summary>
        /// Pairs on the current connection to <paramref name="address"/>; when the node asks for a passkey (air protocol error
        /// <c>passkey_required</c>) the agent is asked and the pairing repeated with the typed digits. True when bonded.
        /// </summary>
        private bool PairConnected(string address, out string outcome)
        {
            Func<string, string> agent = PasskeyAgent;
            JsonObject paired = _client.Request(new JsonObject { ["op"] = "pair", ["agent"] = agent != null });
            if ((string)paired?["error"] == "passkey_required")
            {
                string typed = agent(address)?.Trim();
                if (typed == null || typed.Length != 6 || !typed.All(char.IsAsciiDigit))
                {
                    outcome = "gateway: pairing with " + address + ": cancelled (" + (typed == null ? "no passkey typed" : "a passkey is 6 digits, not '" + typed + "'") + ")";
                    return false;
                }

                paired = _client.Request(new JsonObject { ["op"] = "pair", ["passkey"] = int.Parse(typed, System.Globalization.CultureInfo.InvariantCulture) });
            }

            bool bonded = (string)paired?["op"] == "paired" && (bool)paired["bonded"];
            outcome = "gateway: pairing with " + address + ": " + ((string)paired?["op"] == "paired"
                ? (bonded ? "bonded" : "not bonded (its pairing window is closed: 'gatt pair' on its console)")
                : (string)paired?["message"] ?? "no answer");
            return bonded;
        }

        private List<JsonObject> Candidates(string deadLast, int scanMilliseconds)
        {
            JsonObject scan = _client.Request(new JsonObject { ["op"] = "scan", ["timeout_ms"] = scanMilliseconds }, scanMilliseconds + 5000);
            return ((JsonArray)scan?["devices"] ?? new JsonArray())
                .OfType<JsonObject>()
                .Where(d => ((string)d["name"]).Contains("DC-Monitor", StringComparison.Ordinal) || ((string)d["name"]).Contains("ESP-BLE-MESH", StringComparison.Ordinal)
                    || ((JsonArray)d["service_uuids"]).Any(u => (string)u == CentralSession.ServiceUuid))
                .OrderBy(d => (string)d["address"] == deadLast ? 1 : 0)
                .ThenBy(d => (string)d["name"] == "DC-Monitor" ? 0 : 1)
                .ThenBy(d => (string)d["address"], StringComparer.Ordinal)
                .ToList();
        }

        private void ConnectToAny(string deadLast, int scanMilliseconds)
        {
            foreach (JsonObject candidate in Candidates(deadLast, scanMilliseconds))
            {
                string address = (string)candidate["address"];
                JsonObject connected = _client.Request(new JsonObject { ["op"] = "connect", ["address"] = address, ["mtu"] = 517 });
                if (connected == null || (string)connected["op"] != "connected")
                {
                    continue;
                }

                JsonObject subscribed = _client.Request(new JsonObject { ["op"] = "subscribe", ["char"] = CentralSession.SensorDataUuid });
                if (subscribed == null || (string)subscribed["op"] != "subscribed")
                {
                    _client.Request(new JsonObject { ["op"] = "disconnect" });
                    continue;
                }

                lock (_gate)
                {
                    _address = address;
                    _linkLost = false;
                    Monitor.PulseAll(_gate);
                }

                _log.WriteLine("gateway: connected to " + address + " (MTU " + (int)connected["mtu"] + ")");
                return;
            }

            _log.WriteLine("gateway: no DC-Monitor node found; retrying");
            lock (_gate)
            {
                _linkLost = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
