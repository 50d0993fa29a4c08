using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Peripherals;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// The emulator's air as a service (docs/emulator.md): a TCP endpoint on loopback that
    /// runs the <see cref="VirtualAir"/> (topology, loss, counters), starts each node as its own OS process
    /// (<see cref="NodeProcess"/>) and connects its radio — or, with <see cref="InProcess"/>, runs every node in this process with
    /// its radio on the air itself (large meshes) — and serves outside clients in the central role (scan,
    /// connect, GATT) and the control role (nodes, power, link, stats, console). A power cut kills the node's
    /// process; its central then gets <c>link_loss</c> after the supervision timeout; power-on restarts the image
    /// with its flash intact.
    /// </summary>
    public sealed class AirHub : IDisposable
    {
        /// <summary>Protocol version in the hello reply.</summary>
        public const int ProtocolVersion = 1;

        /// <summary>
        /// .NET runtime settings of the node processes, for a node that waits at near 0 CPU. An idle universal node wakes about ten
        /// times a second (the gateway tick every 100 ms, the 1 s uplink tick and reading sample, each a timer callback on the thread
        /// pool); measured on 6 idle node processes (demo --headless --nodes 6, /proc/PID/stat over 30 s): 10.5 ms of CPU per second
        /// each with the defaults, 6.1–6.4 without the thread pool's spinning before it sleeps, 3.7–5.0 also without tiered compilation
        /// (whose background worker kept recompiling methods the timers reach, a thread started again and again), with the same
        /// boot CPU (0.45 s per node). The workstation, non-concurrent GC: no background GC thread per process.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, string> NodeRuntimeSettings = new Dictionary<string, string>
        {
            ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
            ["DOTNET_TieredCompilation"] = "0",
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_gcConcurrent"] = "0",
        };

        private readonly TcpListener _listener;
        private readonly TextWriter _log;
        private readonly Dictionary<string, HubNode> _nodes = new Dictionary<string, HubNode>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new ConcurrentDictionary<int, TaskCompletionSource<JsonObject>>();
        private readonly List<ControlSession> _controls = new List<ControlSession>();
        private readonly List<CentralSession> _centrals = new List<CentralSession>();
        private int _nextRequest;
        private bool _disposed;

        /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/> (0 = any free port), with an air of <paramref name="model"/>.</summary>
        public AirHub(int port, int supervisionMilliseconds, TextWriter log, AirModel model = AirModel.Timed)
        {
            Air = new VirtualAir(1, model) { FollowsRealTime = true };
            _log = log;
            SupervisionMilliseconds = supervisionMilliseconds;
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            new Thread(AcceptLoop) { IsBackground = true, Name = "air hub" }.Start();
        }

        /// <summary>The listening port.</summary>
        public int Port { get; }

        /// <summary>Link supervision timeout, ms: how long after a node vanishes its central hears <c>link_loss</c>.</summary>
        public int SupervisionMilliseconds { get; }

        /// <summary>The air.</summary>
        public VirtualAir Air { get; }

        /// <summary>
        /// True to run the nodes in this process (<see cref="NodeSession"/> over a loopback connection, the radio on <see cref="Air"/>
        /// directly, no <c>rx</c> lines): no process start-up, no per-process runtime, one JIT; for large meshes. False (the default):
        /// each node is its own OS process. Set before the first node is powered.
        /// </summary>
        public bool InProcess { get; init; }

        /// <summary>The <c>rx</c> lines sent to node processes, one serialisation per transmission (<see cref="ReceptionLines.Serialisations"/>).</summary>
        public ReceptionLines ReceptionLines { get; } = new ReceptionLines();

        /// <summary>Every console line of every node, as "name: line".</summary>
        public event Action<string, string> ConsoleOutput;

        /// <summary>
        /// Declares a node (not started). Its Bluetooth address is fixed here by its board number (the order of declaration):
        /// board k is <c>DC:4D:00:00:hh:ll</c> with hhll = 0x0005 + k, so in the documented layout a node's address ends in the
        /// unicast address it boots with (node-0 DC:4D:00:00:00:05), and it stays the same in a <c>--fresh</c> mesh, where
        /// every node boots unprovisioned (unicast 0).
        /// </summary>
        public void AddNode(string name, string image, int unicast, string flashDirectory, int seed)
        {
            lock (_nodes)
            {
                int board = _nodes.ContainsKey(name) ? _nodes[name].Board : _nodes.Count;
                int number = 0x0005 + board;
                string address = "DC:4D:00:00:" + (number >> 8).ToString("X2") + ":" + (number & 0xFF).ToString("X2");
                _nodes[name] = new HubNode { Name = name, Image = image, Unicast = unicast, FlashDirectory = flashDirectory, Seed = seed, Board = board, Address = address };
            }
        }

        /// <summary>
        /// Puts a virtual BM6 battery monitor (<see cref="VirtualBatteryMonitor"/>, "BM6", 12.71 V, 87 %, 21 °C) beside the declared node
        /// <paramref name="nodeName"/> at <paramref name="address"/> (XX:XX:XX:XX:XX:XX), before the node is powered: only that node hears it.
        /// A node process places it on its own air (<c>node --bm6</c>); a node in this process finds it on the hub's air, out of the other nodes' range.
        /// </summary>
        /// <exception cref="ArgumentException">Unknown node or malformed address.</exception>
        public void PlaceBatteryMonitor(string nodeName, string address)
        {
            VirtualBatteryMonitor.ParseAddress(address);
            lock (_nodes)
            {
                if (!_nodes.TryGetValue(nodeName, out HubNode node))
                {
                    throw new ArgumentException("no node " + nodeName, nameof(nodeName));
                }

                node.BatteryMonitorAddress = address;
            }
        }

        /// <summary>Snapshot of the nodes.</summary>
        public List<HubNode> Nodes()
        {
            lock (_nodes)
            {
                return new List<HubNode>(_nodes.Values);
            }
        }

        /// <summary>The node called <paramref name="name"/>, or null.</summary>
        public HubNode Find(string name)
        {
            lock (_nodes)
            {
                return _nodes.TryGetValue(name, out HubNode node) ? node : null;
            }
        }

        /// <summary>Powers a node on (starts its process) or off (kills it: nothing is flushed). False for an unknown name.</summary>
        public bool SetPower(string name, bool on)
        {
            HubNode node = Find(name);
            if (node == null)
            {
                return false;
            }

            lock (node)
            {
                if (on && node.Process == null && node.Session == null)
                {
                    node.Powered = true;
                    if (InProcess)
                    {
                        PlaceInProcessBatteryMonitor(node);
                        node.Session = NodeSession.Start(JsonLineConnection.Connect("127.0.0.1", Port), Air, node.Name, node.Image, node.FlashDirectory, node.Unicast, node.Seed);
                    }
                    else
                    {
                        node.Process = StartProcess(node);
                    }
                }
                else if (!on && node.Session != null)
                {
                    node.Powered = false;
                    node.Session.Dispose();
                    node.Session = null;
                    NodeGone(node);
                }
                else if (!on && node.Process != null)
                {
                    node.Powered = false;
                    try
                    {
                        node.Process.Kill(entireProcessTree: true);
                        node.Process.WaitForExit(5000);
                    }
                    catch (InvalidOperationException)
                    {
                    }

                    node.Process = null;
                    NodeGone(node);
                }
            }

            return true;
        }

        /// <summary>
        /// Changes a link (air protocol <c>link</c>): radios or centrals by name. A central that goes out of range of
        /// the node it is connected to loses the link after the supervision timeout, as when the node loses power.
        /// </summary>
        public void SetLink(string a, string b, bool inRange, double loss)
        {
            Air.SetLink(a, b, inRange, loss);
            if (inRange)
            {
                return;
            }

            CentralSession[] centrals;
            lock (_centrals)
            {
                centrals = _centrals.ToArray();
            }

            foreach (CentralSession central in centrals)
            {
                HubNode node = central.ConnectedNode;
                if (node != null && ((central.Name == a && node.Name == b) || (central.Name == b && node.Name == a)))
                {
                    if (node.Central == central)
                    {
                        node.Central = null;
                    }

                    Request(node, new JsonObject { ["op"] = "gatt_disconnect" }, 2000);
                    central.LinkLost(node, SupervisionMilliseconds);
                }
            }
        }

        /// <summary>Waits until every powered node reported ready (or the timeout passes); true when all did.</summary>
        public bool WaitUntilReady(int timeoutMilliseconds)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
            while (DateTime.UtcNow < deadline)
            {
                bool all = true;
                foreach (HubNode node in Nodes())
                {
                    all &= !node.Powered || (node.Radio != null && (node.Advertising || node.Image != "universal")); // only a universal node advertises DC01
                }

                if (all)
                {
                    return true;
                }

                Thread.Sleep(20);
            }

            return false;
        }

        /// <summary>Sends a request to a node process and waits for its reply (null on timeout or when the node is down).</summary>
        internal JsonObject Request(HubNode node, JsonObject request, int timeoutMilliseconds = 5000)
        {
            JsonLineConnection radio = node.Radio;
            if (radio == null)
            {
                return null;
            }

            int id = Interlocked.Increment(ref _nextRequest);
            var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = completion;
            request["id"] = id;
            if (!radio.Send(request) || !completion.Task.Wait(timeoutMilliseconds))
            {
                _pending.TryRemove(id, out _);
                return null;
            }

            return completion.Task.Result;
        }

        /// <summary>Sends a line to a node's serial console; false when it is not running.</summary>
        internal bool TypeOnConsole(HubNode node, string line)
        {
            return node.Radio != null && node.Radio.Send(new JsonObject { ["op"] = "console_in", ["line"] = line });
        }

        internal void Attach(ControlSession control)
        {
            lock (_controls)
            {
                _controls.Add(control);
            }
        }

        internal void Detach(ControlSession control)
        {
            lock (_controls)
            {
                _controls.Remove(control);
            }
        }

        /// <summary>Stops every node process and the listener.</summary>
        public void Dispose()
        {
            _disposed = true;
            foreach (HubNode node in Nodes())
            {
                SetPower(node.Name, false);
            }

            _listener.Stop();
        }

        /// <summary>A node in this process: its BM6 on the hub's air, in range of that node only (placed once).</summary>
        private void PlaceInProcessBatteryMonitor(HubNode node)
        {
            if (node.BatteryMonitorAddress == null)
            {
                return;
            }

            var monitor = new VirtualBatteryMonitor(VirtualBatteryMonitor.ParseAddress(node.BatteryMonitorAddress), node.Name + "-bm6");
            if (System.Array.Exists(BatteryMonitorPlacement.On(Air), placed => placed.RadioName == monitor.RadioName))
            {
                return;
            }

            foreach (HubNode other in Nodes())
            {
                if (other.Name != node.Name)
                {
                    Air.SetLink(other.Name, monitor.RadioName, inRange: false);
                }
            }

            monitor.PlaceOn(Air);
        }

        private Process StartProcess(HubNode node)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
            {
                start.ArgumentList.Add(typeof(AirHub).Assembly.Location);
            }

            foreach (KeyValuePair<string, string> setting in NodeRuntimeSettings)
            {
                start.Environment[setting.Key] = setting.Value;
            }

            foreach (string argument in new[] { "node", "--hub", "127.0.0.1:" + Port, "--name", node.Name, "--image", node.Image, "--flash", node.FlashDirectory, "--unicast", node.Unicast.ToString(), "--seed", node.Seed.ToString() })
            {
                start.ArgumentList.Add(argument);
            }

            if (node.BatteryMonitorAddress != null)
            {
                start.ArgumentList.Add("--bm6");
                start.ArgumentList.Add(node.BatteryMonitorAddress);
            }

            Process process = Process.Start(start);
            process.OutputDataReceived += (sender, e) => { };
            process.ErrorDataReceived += (sender, e) =>
            {
                if (e.Data != null)
                {
                    _log.WriteLine(node.Name + ": " + e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        private void AcceptLoop()
        {
            while (!_disposed)
            {
                TcpClient client;
                try
                {
                    client = _listener.AcceptTcpClient();
                }
                catch (Exception exception) when (exception is SocketException || exception is ObjectDisposedException || exception is InvalidOperationException)
                {
                    return;
                }

                var connection = new JsonLineConnection(client);
                bool introduced = false;
                connection.Malformed += line => connection.Send(Error(null, "bad_request", "not a JSON object"));
                connection.Received += message =>
                {
                    if (introduced)
                    {
                        return;
                    }

                    introduced = true;
                    Introduce(connection, message);
                };
                connection.Start();
            }
        }

        private void Introduce(JsonLineConnection connection, JsonObject hello)
        {
            string role = (string)hello["role"];
            if ((string)hello["op"] != "hello")
            {
                connection.Send(Error(hello["id"], "bad_request", "the first line must be hello"));
                connection.Dispose();
                return;
            }

            switch (role)
            {
                case "radio":
                    AttachRadio(connection, (string)hello["name"]);
                    break;
                case "central":
                    connection.Send(new JsonObject { ["op"] = "hello", ["id"] = hello["id"]?.DeepClone(), ["version"] = ProtocolVersion });
                    var central = new CentralSession(this, connection, (string)hello["name"] ?? "central");
                    lock (_centrals)
                    {
                        _centrals.Add(central);
                    }

                    connection.Closed += () =>
                    {
                        lock (_centrals)
                        {
                            _centrals.Remove(central);
                        }
                    };
                    break;
                case "control":
                    connection.Send(new JsonObject { ["op"] = "hello", ["id"] = hello["id"]?.DeepClone(), ["version"] = ProtocolVersion });
                    new ControlSession(this, connection);
                    break;
                default:
                    connection.Send(Error(hello["id"], "bad_request", "role must be central or control"));
                    connection.Dispose();
                    break;
            }
        }

        private void AttachRadio(JsonLineConnection connection, string name)
        {
            HubNode node = Find(name);
            if (node == null)
            {
                connection.Dispose();
                return;
            }

            RadioProxy proxy = InProcess ? null : new RadioProxy(name, connection, ReceptionLines, hearsBeacons: node.Image == "provisioner"); // in process, the node's own radio is on the air
            connection.Received += message =>
            {
                string op = (string)message["op"];
                switch (op)
                {
                    case "tx" when proxy != null:
                        long at = message["at"] is JsonValue time && time.TryGetValue(out long stamp) ? stamp : 0;
                        Air.Transmit(proxy, PduJson.FromJson((JsonObject)message["pdu"]), (bool)message["relayed"], at);
                        break;
                    case "idle" when proxy != null:
                        if (!TryProcessIdle(proxy, message))
                        {
                            connection.Send(Error(null, "bad_request", "idle: rx must count the rx lines received, between the last idle's count and the lines sent"));
                        }

                        break;
                    case "ready":
                        node.Advertising = (bool)message["advertising"];
                        break;
                    case "segmented" when proxy != null:
                        Air.CountSegmented(proxy, (int)message["segments"]);
                        break;
                    case "notify":
                        if (proxy != null)
                        {
                            Air.CountNotification(name); // in process, the node's GATT server counted it on the air
                        }

                        node.Central?.Notify((string)message["data_hex"]);
                        break;
                    case "console_out":
                        string line = (string)message["line"];
                        ConsoleOutput?.Invoke(name, line);
                        lock (_controls)
                        {
                            foreach (ControlSession control in _controls)
                            {
                                control.ConsoleLine(name, line);
                            }
                        }

                        break;
                    default:
                        JsonNode id = message["id"];
                        if (id != null && _pending.TryRemove((int)id, out TaskCompletionSource<JsonObject> completion))
                        {
                            completion.TrySetResult(message);
                        }

                        break;
                }
            };
            connection.Closed += () =>
            {
                lock (node)
                {
                    if (node.Radio == connection)
                    {
                        NodeGone(node);
                    }
                }
            };
            lock (node)
            {
                node.Radio = connection;
                node.Proxy = proxy;
            }

            if (proxy != null)
            {
                Air.Join(proxy);
            }
        }

        /// <summary>Takes a node process's <c>idle</c> line (see <see cref="RadioProxy.ProcessIdle"/>) and lets the timed air go on; false when it is malformed.</summary>
        private bool TryProcessIdle(RadioProxy proxy, JsonObject message)
        {
            if (!(message["rx"] is JsonValue value) || !value.TryGetValue(out long received))
            {
                return false;
            }

            try
            {
                proxy.ProcessIdle(received);
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }

            Air.ReceptionProcessed();
            return true;
        }

        private void NodeGone(HubNode node)
        {
            if (node.Proxy != null)
            {
                Air.Leave(node.Proxy);
            }

            node.Radio = null;
            node.Proxy = null;
            node.Advertising = false;
            CentralSession central = node.Central;
            node.Central = null;
            central?.LinkLost(node, SupervisionMilliseconds);
        }

        internal static JsonObject Error(JsonNode id, string code, string message)
        {
            return new JsonObject { ["op"] = "error", ["id"] = id?.DeepClone(), ["error"] = code, ["message"] = message };
        }
    }
}
