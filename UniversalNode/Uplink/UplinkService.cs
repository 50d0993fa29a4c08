using DcMonitor.MeshInterop;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Provisioning;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Terminal;
using DcMonitor.Shared.Uplink;
using DcMonitor.UniversalNode.Commands;
using DcMonitor.UniversalNode.Load;
using DcMonitor.UniversalNode.Sensing;

namespace DcMonitor.UniversalNode.Uplink
{
    /// <summary>
    /// The MQTT uplink of a universal node, wired: settings and files (<see cref="UplinkStore"/>), the node's own reports
    /// (<see cref="ReadingReporter"/>, on every node), the bridge role (<see cref="UplinkBridge"/>, on nodes with Wi-Fi and a broker
    /// configured) and its MQTT connection (<see cref="MqttSession"/>), and the console's <c>uplink</c> lines
    /// (<see cref="UplinkConsole"/>). Sampling and the bridge tick run on the worker every second; mesh messages and MQTT commands
    /// are handed to the worker too, so the reporter and the bridge have one owner.
    /// </summary>
    public sealed class UplinkService
    {
        /// <summary>Flash folder of the uplink's files.</summary>
        public const string Folder = "I:\\uplink";

        /// <summary>Period of the bridge's tick, ms.</summary>
        public const int TickMilliseconds = 1000;

        private readonly object _gate = new object();
        private readonly MeshNode _mesh;
        private readonly WorkQueue _queue;
        private readonly UplinkStore _store;
        private readonly ReadingQueue _readings;
        private readonly MqttSession _session;
        private readonly UplinkBridge _bridge;
        private readonly NodeLog _log;
        private readonly DiagnosticsSchedule _diagnostics = new DiagnosticsSchedule();
        private readonly UplinkStateLine _state = new UplinkStateLine();
        private readonly PeriodicWork _sampling;
        private readonly PeriodicWork _ticking;
        private UplinkSettings _settings;
        private bool _wasBridging;
        private int _ownAddress;

        /// <summary>Wires the uplink of a node (nothing runs before <see cref="Start"/>).</summary>
        public UplinkService(MeshNode mesh, WorkQueue queue, CommandExecutor executor, SensorService sensor, LoadController load, NodeLog log, string softwareVersion)
        {
            _mesh = mesh;
            _queue = queue;
            _log = log;
            _store = new UplinkStore(Folder, log);
            _settings = _store.LoadSettings();
            _readings = _store.LoadQueue(_settings.QueueCapacity);
            if (_readings.Count > 0)
            {
                log.Write("uplink", _readings.Count.ToString() + " readings waiting for the broker since before the reboot");
            }

            Reporter = new ReadingReporter(mesh, sensor, load, executor, _store, log);
            _session = new MqttSession(_readings, _store, log, softwareVersion);
            _bridge = new UplinkBridge(mesh, _readings, _session, _store, Reporter, log);
            Reporter.LocalDelivery = delegate(int opcode, byte[] payload, int length) { _bridge.OnOwnMessage(opcode, payload, length, System.Environment.TickCount64); };
            _session.CommandReceived += OnCommandReceived;
            _sampling = queue.CreatePeriodic(Sample);
            _ticking = queue.CreatePeriodic(Tick);
        }

        /// <summary>The node's reporter.</summary>
        public ReadingReporter Reporter { get; }

        /// <summary>The bridge role.</summary>
        public UplinkBridge Bridge => _bridge;

        /// <summary>The MQTT session.</summary>
        public MqttSession Session => _session;

        /// <summary>The settings in force (thread-safe; do not modify: <see cref="Apply"/> a copy).</summary>
        public UplinkSettings Settings
        {
            get
            {
                lock (_gate)
                {
                    return _settings;
                }
            }
        }

        /// <summary>Console lines of this uplink, printed through <paramref name="print"/>.</summary>
        public UplinkConsole CreateConsole(ConsoleLineHandler print)
        {
            return new UplinkConsole(this, print);
        }

        /// <summary>Restores the meter, reads the own address and starts the session, the sampling and the tick (on the worker).</summary>
        public void Start()
        {
            long now = System.Environment.TickCount64;
            Reporter.Restore(now);
            MeshStateChanged();
            _session.Configure(Settings);
            _session.Start();
            _sampling.Start(ReadingReporter.SamplePeriodMilliseconds);
            _ticking.Start(TickMilliseconds);
        }

        /// <summary>Stops the session thread (power down).</summary>
        public void Stop()
        {
            _session.Stop();
        }

        /// <summary>Saves and applies new settings (any thread); false when the flash refused them (nothing changes then).</summary>
        public bool Apply(UplinkSettings settings)
        {
            if (!_store.SaveSettings(settings))
            {
                return false;
            }

            lock (_gate)
            {
                _settings = settings;
            }

            _session.Configure(settings);
            _queue.Post(delegate { Configure(System.Environment.TickCount64); });
            return true;
        }

        /// <summary>The node's provisioning changed (worker): the own address may be new.</summary>
        public void MeshStateChanged()
        {
            MeshState state = new MeshState();
            bool read = _mesh.ReadState(state);
            _ownAddress = read && state.IsProvisioned ? state.UnicastAddress : 0;
            if (read)
            {
                _session.ClientId = "dcmonitor-" + NodeRegistry.Hex(state.BluetoothAddress); // one stable id per board
                _session.BridgeUuid = UplinkMessages.UuidOf(state.BluetoothAddress, state.BluetoothAddress.Length); // the device UUID, as its nodes name it
            }

            Configure(System.Environment.TickCount64);
        }

        /// <summary>An uplink message from the mesh (worker).</summary>
        public void OnMeshMessage(ReceivedMeshEvent e, long nowMilliseconds)
        {
            if (e.Opcode == MeshProtocol.UplinkCommandOpcode)
            {
                Reporter.OnCommand(e.Source, e.Payload, e.Payload.Length);
            }
            else
            {
                _bridge.OnMeshMessage(e.Opcode, e.Source, e.Payload, nowMilliseconds);
            }
        }

        /// <summary>One line on the uplink's state for the console, as of the last tick (thread-safe: the worker writes it).</summary>
        public string Describe()
        {
            return _state.Text;
        }

        /// <summary>The console's state line from today's figures (worker); its text is rebuilt only when one changed.</summary>
        private void UpdateState(long nowMilliseconds)
        {
            int waiting;
            int dropped;
            lock (_readings)
            {
                waiting = _readings.Count;
                dropped = _readings.Dropped;
            }

            _state.Update(_bridge.IsBridging, _bridge.CurrentBridge(nowMilliseconds), _session.IsConnected, waiting, dropped,
                _bridge.ReadingsMissed, _session.ReadingsPublished, _bridge.KnownNodes, Reporter.EnergyMilliwattHours);
        }

        private void Configure(long nowMilliseconds)
        {
            UplinkSettings settings = Settings;
            Reporter.PeriodMilliseconds = settings.PeriodSeconds * 1000;
            lock (_readings)
            {
                if (_readings.Capacity != settings.QueueCapacity)
                {
                    _readings.Resize(settings.QueueCapacity);
                }
            }

            _bridge.Configure(settings, _ownAddress, nowMilliseconds);
        }

        /// <summary>On the MQTT client's thread: hands the message to the worker; never throws (it would end the client's thread).</summary>
        private void OnCommandReceived(string topic, byte[] payload, bool retained)
        {
            try
            {
                if (!_queue.Post(delegate { _bridge.OnMqttMessage(topic, payload, retained, System.Environment.TickCount64); }))
                {
                    int end = topic.IndexOf("/duty/set");
                    end = end < 0 ? topic.LastIndexOf('/') : end;
                    if (end > 0)
                    {
                        _session.Publish(topic.Substring(0, end) + "/reply", MqttCommandParser.ErrorPrefix + "BUSY", false);
                    }

                    _log.Write("uplink", "worker busy: MQTT command on " + topic + " refused");
                }
            }
            catch (System.Exception exception)
            {
                _log.Write("uplink", "MQTT message on " + topic + " not handled: " + exception.Message);
            }
        }

        /// <summary>While bridging: the bridge device's diagnostic state when due (<see cref="DiagnosticsSchedule"/>), retained.</summary>
        private void PublishDiagnostics(long nowMilliseconds)
        {
            bool bridging = _bridge.IsBridging;
            if (bridging && !_wasBridging)
            {
                _diagnostics.Restart();
            }

            _wasBridging = bridging;
            byte[] uuid = _session.BridgeUuid;
            if (!bridging || uuid == null)
            {
                return;
            }

            int waiting;
            int dropped;
            lock (_readings)
            {
                waiting = _readings.Count;
                dropped = _readings.DroppedSinceStart;
            }

            string state = _diagnostics.Next(nowMilliseconds, waiting, dropped, _bridge.ReadingsMissed, _bridge.NodesSeen);
            if (state != null)
            {
                _session.Publish(BridgeDiscovery.DiagnosticsTopic(Settings.TopicPrefix, uuid), state, true);
            }
        }

        /// <summary>A <see cref="ReadingReporter.SamplePeriodMilliseconds"/> after the previous one ended, on the worker: one sample of the sensor.</summary>
        private void Sample()
        {
            Reporter.Sample(System.Environment.TickCount64);
            _sampling.Start(ReadingReporter.SamplePeriodMilliseconds); // next one a full period after this run, as the re-post did (see Tick)
        }

        /// <summary><see cref="TickMilliseconds"/> after the previous one ended, on the worker: the bridge's tick, its diagnostics when due, the state line.</summary>
        private void Tick()
        {
            long now = System.Environment.TickCount64;
            _bridge.Tick(now);
            Reporter.BridgeHeard = _bridge.CurrentBridge(now) != 0;
            PublishDiagnostics(now);
            UpdateState(now);

            // Restarted after each run (Timer.Change allocates nothing): the next tick comes a full period after this one, as with
            // the re-posting it replaces. A fixed rate would let timer jitter put two samples less than a report period apart.
            _ticking.Start(TickMilliseconds);
        }
    }
}
