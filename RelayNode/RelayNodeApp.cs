using System;
using System.Device.Gpio;
using System.Threading;
using DcMonitor.Shared;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Provisioning;
using DcMonitor.MeshInterop;
using DcMonitor.RelayNode.Hardware;
using DcMonitor.RelayNode.Heartbeat;
using DcMonitor.RelayNode.Terminal;
using DcMonitor.Shared.Terminal;

namespace DcMonitor.RelayNode
{
    /// <summary>
    /// The relay node (seed protocol §7): Config Server only, relay on, default TTL 7, LED heartbeat on GPIO8
    /// driven by the stack's provisioned state, a serial console (<see cref="RelayConsole"/>: <c>status</c>, <c>version</c>, <c>oob</c>). After a power cut the stack restores its provisioning from
    /// flash, so the relay rejoins by itself. A relay provisioned during this boot that is never configured resets itself
    /// to be admitted again (<see cref="OrphanWatch"/>).
    /// </summary>
    public sealed class RelayNodeApp
    {
        /// <summary>The image's name in its banner (<see cref="FirmwareVersion.Banner"/>).</summary>
        public const string ImageName = "relay node";

        /// <summary>Status LED, active high (seed §7); <see cref="RelayNodePins.LedPin"/>.</summary>
        public const int LedPin = RelayNodePins.LedPin;

        private readonly MeshState _state = new MeshState();
        private readonly OrphanWatch _orphanWatch = new OrphanWatch();
        private readonly object _gate = new object();
        private Timer _orphanCheck;
        private GpioController _gpio;
        private LedHeartbeat _heartbeat;
        private MeshNode _mesh;
        private SerialConsole _console;
        private readonly NodeLog _log = new NodeLog();
        private StaticOobSetting _staticOob;

        /// <summary>
        /// Starts the console, the heartbeat and the mesh. The banner (<c>[boot] DC-Monitor relay node 0.7.0</c>) and the
        /// relay's few log lines go to the serial console and to the debugger output (USB Serial/JTAG).
        /// </summary>
        public void Start()
        {
            RelayNodePins.RouteSignals();
            _console = new SerialConsole(RelayNodePins.ConsolePortName, RelayNodePins.ConsoleBaudRate);
            _console.Start();
            Log("[boot] " + FirmwareVersion.Banner(ImageName));
            _gpio = new GpioController();
            _heartbeat = new LedHeartbeat(_gpio, LedPin);
            _log.Attach(_console.WriteLine);
            try
            {
                _staticOob = new StaticOobSetting(StaticOobSetting.DefaultPath, _log, ApplyStaticOob, string.Empty, "error: ");
                _staticOob.Load();
                _mesh = MeshNode.Start(MeshComposition.RelayNode(CreateUuid()));
                _mesh.EventReceived += OnMeshEvent;
                Refresh();
                _mesh.DrainEvents();
            }
            catch (Exception exception)
            {
                Log("relay: BLE Mesh unavailable: " + exception.Message);
                _mesh = null;
            }

            new RelayConsole(_console, _mesh, _mesh != null ? _staticOob : null);
        }

        /// <summary>Stops the heartbeat (an emulated node powering down).</summary>
        public void Stop()
        {
            if (_orphanCheck != null)
            {
                _orphanCheck.Dispose();
            }

            _heartbeat.Dispose();
            _gpio.Dispose();
            _console.Dispose();
        }

        private void Log(string line)
        {
            System.Diagnostics.Debug.WriteLine(line);
            _console.WriteLine(line);
        }

        private static bool ApplyStaticOob(byte[] value)
        {
            return MeshNode.SetStaticOob(value) == MeshResult.Ok;
        }

        private static byte[] CreateUuid()
        {
            byte[] uuid = new byte[16];
            uuid[0] = 0xDD; // match prefix DD DD (seed §1.4); the native side fills the Bluetooth address
            uuid[1] = 0xDD;
            return uuid;
        }

        private void OnMeshEvent(MeshEvent meshEvent)
        {
            if (meshEvent.Kind == MeshEventKind.ProvisioningFailed)
            {
                Log("relay: " + _staticOob.DescribeFailedProvisioning());
                return;
            }

            if (meshEvent.Kind == MeshEventKind.Provisioned || meshEvent.Kind == MeshEventKind.NodeReset || meshEvent.Kind == MeshEventKind.ConfigurationChanged)
            {
                lock (_gate)
                {
                    if (meshEvent.Kind == MeshEventKind.Provisioned)
                    {
                        _orphanWatch.Provisioned(Environment.TickCount64);
                        _orphanCheck = new Timer(CheckOrphan, null, OrphanWatch.TimeoutMilliseconds, Timeout.Infinite);
                    }
                    else
                    {
                        _orphanWatch.Configured();
                    }
                }

                Refresh();
            }
        }

        private void CheckOrphan(object state)
        {
            bool orphan;
            lock (_gate)
            {
                orphan = _orphanWatch.IsOrphan(Environment.TickCount64);
                if (orphan)
                {
                    _orphanWatch.Configured();
                }
            }

            if (orphan)
            {
                Log("relay: provisioned but never configured; resetting to be admitted again");
                _mesh.ResetNode();
            }
        }

        private void Refresh()
        {
            _heartbeat.Provisioned = _mesh.ReadState(_state) && _state.IsProvisioned;
        }
    }
}
