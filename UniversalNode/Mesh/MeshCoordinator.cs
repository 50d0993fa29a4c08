using System;
using System.Threading;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Provisioning;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Sensing;
using DcMonitor.UniversalNode.Commands;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.UniversalNode.Load;
using DcMonitor.UniversalNode.Uplink;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// Connects the mesh stack and GATT bridge to the node: every <see cref="MeshEvent"/> is copied into a fixed ring
    /// (<see cref="MeshEventRing"/>, <see cref="EventRingCapacity"/> events) and handed to the worker thread by one delegate made once,
    /// so receiving an event allocates nothing (issue 16; nothing runs in the interop's event thread, seed protocol §9 B6), then dispatched to
    /// the vendor server, the OnOff server, the MQTT uplink (its report, heartbeat and command opcodes) or the gateway role (<see cref="GatewayProcessor"/>), which also gets a
    /// tick every <see cref="TickMilliseconds"/> (a <see cref="PeriodicWork"/> created once: an idle tick allocates nothing, issue 16). Events that find the ring or the worker queue full are counted and logged, except
    /// the Pi's commands: an acknowledged DC03 write that cannot be handled (refused by the native ring, or finding the event ring or the worker
    /// queue full) is answered with ERROR:BUSY, by a <see cref="OneShotWork"/> that retries while the queue is full (native-mesh-interop/README.md "Queue sizes and backpressure").
    /// </summary>
    public sealed class MeshCoordinator
    {
        /// <summary>Gateway tick period, ms.</summary>
        public const int TickMilliseconds = 100;

        /// <summary>
        /// Received events waiting for the worker, at most (then refused: see the class summary). A burst of answers to an ALL command
        /// arrives over its response window (seed §4.3: 20–500 ms), one every few milliseconds with many nodes; the native ring
        /// (4 096 B) holds more behind it.
        /// </summary>
        public const int EventRingCapacity = 32;

        /// <summary>Payload bytes each ring slot holds (the longest DC03 command the gateway accepts); a longer payload gets an array of its own.</summary>
        public const int EventPayloadCapacity = GatewayCommandParser.MaximumCommandBytes;

        private const string Component = "mesh";

        private readonly MeshNode _mesh;
        private readonly WorkQueue _queue;
        private readonly NodeLog _log;
        private readonly MeshGatewayAdapter _adapter;
        private readonly VendorServer _vendorServer;
        private readonly OnOffServer _onOffServer;
        private readonly OrphanWatch _orphanWatch = new OrphanWatch();
        private readonly SensorReading _statusReading = new SensorReading();
        private readonly SensorPayloadFormatter _statusFormatter = new SensorPayloadFormatter();
        private readonly ReplyWriter _statusText = new ReplyWriter(GatewayReplies.MaximumMessageBytes);
        private readonly UplinkService _uplink;
        private readonly PeriodicWork _tick;
        private readonly MeshEventRing _events = new MeshEventRing(EventRingCapacity, EventPayloadCapacity);
        private readonly WorkItem _handleOldestEvent;
        private readonly OneShotWork _answerRefusedCommands;
        private int _refusedCommandsToAnswer;
        private int _droppedEvents;
        private int _ringRefusedCommands;
        private int _workerRefusedCommands;

        /// <summary>Wires the node's mesh roles; <paramref name="uplink"/> gets the uplink's messages.</summary>
        public MeshCoordinator(MeshNode mesh, WorkQueue queue, CommandExecutor executor, LoadController load, NodeLog log, UplinkService uplink)
        {
            _uplink = uplink;
            _mesh = mesh;
            _queue = queue;
            _log = log;
            _adapter = new MeshGatewayAdapter(mesh);
            Gateway = new GatewayProcessor(_adapter, new GattNotifier(mesh), new LocalCommandRunner(executor));
            _vendorServer = new VendorServer(mesh, queue, _adapter, executor);
            _onOffServer = new OnOffServer(mesh, executor, load);
            _tick = queue.CreatePeriodic(Tick);
            _handleOldestEvent = HandleOldestEvent;
            _answerRefusedCommands = queue.CreateOneShot(AnswerRefusedCommands);
            mesh.EventReceived += OnEvent;
        }

        /// <summary>Logs the GATT pairings (set by the app; null: not logged).</summary>
        public Gatt.GattAccess Gatt { get; set; }

        /// <summary>Describes a failed provisioning on the console (set by the app; null: a generic line).</summary>
        public StaticOobSetting StaticOob { get; set; }

        /// <summary>The gateway role.</summary>
        public GatewayProcessor Gateway { get; }

        /// <summary>The vendor server (its response delay diagnostics).</summary>
        public VendorServer VendorServer => _vendorServer;

        /// <summary>DC03 commands the native event ring had no room for (<see cref="MeshEventKind.GattCommandRefused"/>), each answered with one ERROR:BUSY (diagnostics).</summary>
        public int RingRefusedCommands => _ringRefusedCommands;

        /// <summary>DC03 commands (<see cref="MeshEventKind.GattCommandWritten"/>) that found the worker queue full, each answered with one ERROR:BUSY (diagnostics).</summary>
        public int WorkerRefusedCommands => _workerRefusedCommands;

        /// <summary>Delivers the events queued during start and starts the gateway tick.</summary>
        public void Start()
        {
            MeshState state = _adapter.State;
            _log.Write(Component, state.IsProvisioned
                ? "provisioned, unicast 0x" + state.UnicastAddress.ToString("X4") + (_adapter.VendorClientBound ? ", vendor client bound" : ", vendor client not bound")
                : "not provisioned; waiting for the provisioner");
            _mesh.DrainEvents();
            _tick.Start(TickMilliseconds);
        }

        /// <summary>Gateway ticks skipped because the previous one had not run yet or the worker queue was full (diagnostics).</summary>
        public int SkippedTicks => _tick.SkippedTicks;

        private void Tick()
        {
            Gateway.Tick(Environment.TickCount64);
        }

        /// <summary>Resets a node that was provisioned but never configured (an admission the provisioner lost; <see cref="OrphanWatch"/>).</summary>
        private void WatchForOrphan(MeshEventKind kind, long now)
        {
            if (kind != MeshEventKind.Provisioned)
            {
                _orphanWatch.Configured();
                return;
            }

            _orphanWatch.Provisioned(now);
            _queue.PostDelayed(OrphanWatch.TimeoutMilliseconds, delegate
            {
                if (_orphanWatch.IsOrphan(Environment.TickCount64))
                {
                    _log.Write(Component, "provisioned but never configured: the provisioner lost this node; resetting to be admitted again");
                    _orphanWatch.Configured();
                    _mesh.ResetNode();
                }
            });
        }

        private void OnEvent(MeshEvent meshEvent)
        {
            MeshEventKind kind = meshEvent.Kind;
            if (BatteryMonitorCentral.IsCentralEvent(kind))
            {
                return; // the battery monitor link's (Battery/NativeBatteryMonitorLink), handled on the event thread, not the worker's
            }

            if (kind == MeshEventKind.GattCommandRefused)
            {
                Interlocked.Increment(ref _ringRefusedCommands);
            }

            if (_events.TryAdd(meshEvent) != null)
            {
                if (_queue.Post(_handleOldestEvent))
                {
                    return;
                }

                _events.RemoveNewest();
            }

            if (kind == MeshEventKind.GattCommandWritten || kind == MeshEventKind.GattCommandRefused)
            {
                // The Pi's write was acknowledged: it must be answered. The one-shot retries while the queue is full (it is never
                // lost), so the command is refused out loud instead of dropped.
                if (kind == MeshEventKind.GattCommandWritten)
                {
                    Interlocked.Increment(ref _workerRefusedCommands);
                }

                Interlocked.Increment(ref _refusedCommandsToAnswer);
                _answerRefusedCommands.Schedule(0);
                return;
            }

            _droppedEvents++;
            _log.Write(Component, "worker busy: mesh event dropped (" + _droppedEvents.ToString() + " so far)");
        }

        /// <summary>Handles the oldest received event (one run is posted per event added to the ring) and frees its slot.</summary>
        private void HandleOldestEvent()
        {
            try
            {
                Handle(_events.Oldest);
            }
            finally
            {
                _events.RemoveOldest();
            }
        }

        /// <summary>Answers each DC03 command refused since the last run with one ERROR:BUSY.</summary>
        private void AnswerRefusedCommands()
        {
            int refused = Interlocked.Exchange(ref _refusedCommandsToAnswer, 0);
            for (int i = 0; i < refused; i++)
            {
                Gateway.OnCommandRefused(Environment.TickCount64);
            }
        }

        private void Handle(ReceivedMeshEvent e)
        {
            long now = Environment.TickCount64;
            switch (e.Kind)
            {
                case MeshEventKind.VendorMessageReceived:
                    if (IsUplinkOpcode(e.Opcode) || (e.Opcode == MeshProtocol.BinaryStatusOpcode && e.Destination == NodeAddressing.UplinkGroupAddress))
                    {
                        Gateway.OnNodeHeard(e.Source, now); // a member of the mesh: its answer to an ALL can be re-asked
                        _uplink.OnMeshMessage(e.ExactCopy(), now); // the uplink reads the payload array's length: an exact copy (not on issue 16's paths)
                    }
                    else if (e.Opcode == MeshProtocol.VendorSendOpcode || e.Opcode == MeshProtocol.BinarySendOpcode)
                    {
                        _vendorServer.OnSend(e, now);
                    }
                    else
                    {
                        OnStatus(e, now);
                    }

                    break;
                case MeshEventKind.VendorSendCompleted:
                    if (e.Value != 0)
                    {
                        Gateway.OnVendorSendFailed(e.Destination, now);
                    }

                    break;
                case MeshEventKind.VendorSendTimedOut:
                    _adapter.TimedOut(e.Destination, e.Opcode);
                    Gateway.OnVendorTimeout(e.Destination, now);
                    break;
                case MeshEventKind.OnOffServerMessage:
                    _onOffServer.OnMessage(e);
                    break;
                case MeshEventKind.OnOffStatusReceived:
                    Gateway.OnOnOffStatus(e.Source, e.Value != 0, now);
                    break;
                case MeshEventKind.OnOffTimedOut:
                    Gateway.OnOnOffTimeout(e.Destination, now);
                    break;
                case MeshEventKind.GattCommandWritten:
                    Gateway.OnCommandWritten(e.Payload, e.PayloadLength, now);
                    break;
                case MeshEventKind.GattCommandRefused:
                    Gateway.OnCommandRefused(now);
                    break;
                case MeshEventKind.Provisioned:
                case MeshEventKind.ConfigurationChanged:
                case MeshEventKind.NodeReset:
                    WatchForOrphan(e.Kind, now);
                    bool wasBound = _adapter.VendorClientBound;
                    _adapter.Refresh();
                    _uplink.MeshStateChanged();
                    if (!wasBound && _adapter.VendorClientBound)
                    {
                        Gateway.OnVendorClientBound();
                    }

                    break;
                case MeshEventKind.ProvisioningFailed:
                    StaticOobSetting staticOob = StaticOob;
                    _log.Write(Component, staticOob != null ? staticOob.DescribeFailedProvisioning() : "provisioning failed: the link closed before it completed");
                    break;
                case MeshEventKind.EventsLost:
                    _log.Write(Component, e.Value.ToString() + " mesh events lost in the native queue");
                    break;
                case MeshEventKind.GattConnected:
                    _log.Write(Component, "central connected");
                    break;
                case MeshEventKind.GattDisconnected:
                    _log.Write(Component, "central disconnected");
                    break;
                case MeshEventKind.GattPaired:
                case MeshEventKind.GattPairingFailed:
                    if (Gatt != null)
                    {
                        Gatt.OnPairing(e);
                    }

                    break;
                default:
                    break;
            }
        }

        private static bool IsUplinkOpcode(int opcode)
        {
            return opcode == MeshProtocol.ReadingReportOpcode || opcode == MeshProtocol.EnergyReportOpcode || opcode == MeshProtocol.NodeIdentityOpcode
                || opcode == MeshProtocol.BridgeHeartbeatOpcode || opcode == MeshProtocol.UplinkCommandOpcode;
        }

        private void OnStatus(ReceivedMeshEvent e, long now)
        {
            bool binary = e.Opcode == MeshProtocol.BinaryStatusOpcode;
            if (!binary)
            {
                _adapter.HeardFrom(e.Source, false);
                Gateway.OnVendorStatus(e.Source, e.PayloadText(), now); // a seed node's text: rare, so its string is fine
                return;
            }

            _statusText.Clear();
            if (!BinaryStatusCodec.WriteReplyText(e.Payload, 0, e.PayloadLength, _statusReading, _statusFormatter, _statusText))
            {
                _log.Write(Component, "malformed binary status from 0x" + e.Source.ToString("X4"));
                return;
            }

            _adapter.HeardFrom(e.Source, true);
            Gateway.OnVendorStatus(e.Source, _statusText.Buffer, _statusText.Length, now); // allocates nothing (issue 16)
        }
    }
}
