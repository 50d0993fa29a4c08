using System;
using DcMonitor.Shared.Terminal;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Sensing;
using DcMonitor.UniversalNode.Battery;
using DcMonitor.UniversalNode.Commands;
using DcMonitor.Shared.Provisioning;
using DcMonitor.UniversalNode.Gatt;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.UniversalNode.Hardware;
using DcMonitor.UniversalNode.Load;
using DcMonitor.UniversalNode.Mesh;
using DcMonitor.UniversalNode.Sensing;
using DcMonitor.UniversalNode.Terminal;
using DcMonitor.UniversalNode.Uplink;

namespace DcMonitor.UniversalNode
{
    /// <summary>
    /// Wires the universal node's components in the seed's boot order (seed protocol §4.1, minus the radio,
    /// which the mesh issues add): route pins → load PWM on with the load off → worker → INA260 → console.
    /// Duty is 0 % after every boot.
    /// </summary>
    public sealed class UniversalNodeApp
    {
        /// <summary>Work items the worker holds (commands, mesh events, timers) before refusing more.</summary>
        public const int WorkQueueCapacity = 128;

        /// <summary>The image's name in its banner (<see cref="Shared.FirmwareVersion.Banner"/>).</summary>
        public const string ImageName = "universal node";

        /// <summary>Line the console prints when the node is ready for commands.</summary>
        public const string ReadyLine = "DC-Monitor universal node ready: type 'help'";

        private readonly NodeLog _log = new NodeLog();
        private WorkQueue _queue;
        private LoadController _load;
        private SensorService _sensor;
        private SerialConsole _console;
        private ScheduledWork _reprobe;
        private ConsoleCommands _consoleCommands;
        private PairingButtonWatch _pairingButton;

        /// <summary>The battery monitor, or null when the node was built without a link or cipher (after <see cref="Start"/>).</summary>
        public BatteryMonitorService Battery { get; private set; }

        /// <summary>The command executor (after <see cref="Start"/>).</summary>
        public CommandExecutor Executor { get; private set; }

        /// <summary>The mesh roles, or null when the firmware has no mesh component (after <see cref="Start"/>).</summary>
        public MeshCoordinator Mesh { get; private set; }

        /// <summary>Who may use the Pi's GATT service (mode, pairing window, bonds), or null when the firmware has no mesh component (after <see cref="Start"/>).</summary>
        public GattAccess Gatt { get; private set; }

        /// <summary>The static OOB secret offered at provisioning (<c>oob</c> console lines), or null when the firmware has no mesh component (after <see cref="Start"/>).</summary>
        public StaticOobSetting StaticOob { get; private set; }

        /// <summary>The MQTT uplink, or null when the firmware has no mesh component (after <see cref="Start"/>).</summary>
        public UplinkService Uplink { get; private set; }

        /// <summary>Boots the node; returns when the console is ready.</summary>
        public void Start()
        {
            BoardPins.RouteSignals();
            _load = new LoadController(BoardPins.LoadGatePin, BoardPins.LoadPwmFrequencyHertz);

            _console = new SerialConsole(BoardPins.ConsolePortName, BoardPins.ConsoleBaudRate);
            _log.Attach(_console.WriteLine);
            _console.Start();
            _log.Write("boot", Shared.FirmwareVersion.Banner(ImageName) + ", load off (GPIO" + BoardPins.LoadGatePin.ToString() + " held high)");

            _queue = new WorkQueue(WorkQueueCapacity);
            _queue.ItemFailed += OnItemFailed;
            _queue.Start();

            _sensor = new SensorService(BoardPins.SensorBusId, Ina260Configuration.NodeDefault, _log);
            _queue.Post(_sensor.Probe);
            ScheduleReprobe();

            Executor = new CommandExecutor(_queue, _sensor, _load, _log);
            _consoleCommands = new ConsoleCommands(_console, Executor, BoardPins.SensorBusId);
            StartMesh();
            _queue.Post(delegate { _console.WriteLine(ReadyLine); });
        }

        /// <summary>Stops the worker and the console and turns the load off (used when an emulated node powers down cleanly).</summary>
        public void Stop()
        {
            if (_reprobe != null)
            {
                _reprobe.Cancel();
            }

            if (Uplink != null)
            {
                Uplink.Stop();
            }

            if (_pairingButton != null)
            {
                _pairingButton.Stop();
            }

            if (Battery != null)
            {
                Battery.Stop();
            }

            _queue.Stop();
            _console.Dispose();
            _load.Dispose();
        }

        private void StartMesh()
        {
            try
            {
                Gatt = new GattAccess(GattAccess.Folder, _log);
                Gatt.ConfigureBeforeStart();
                StaticOob = new StaticOobSetting(StaticOobSetting.DefaultPath, _log, ApplyStaticOob, ConsoleCommands.ReplyPrefix, ConsoleCommands.ReplyPrefix + "ERR: ");
                StaticOob.Load();
                MeshNode mesh = MeshNode.Start(MeshComposition.UniversalNode(DeviceUuid.Create()));
                Gatt.Attach(mesh);
                _consoleCommands.Gatt = Gatt;
                _pairingButton = new PairingButtonWatch(_queue, Gatt); // after start: a passkey is drawn with the radio on
                _pairingButton.Start();
                _consoleCommands.AttachStaticOob(StaticOob, mesh);
                Uplink = new UplinkService(mesh, _queue, Executor, _sensor, _load, _log, Shared.FirmwareVersion.Number);
                Mesh = new MeshCoordinator(mesh, _queue, Executor, _load, _log, Uplink) { Gatt = Gatt, StaticOob = StaticOob };
                _consoleCommands.Uplink = Uplink.CreateConsole(_console.WriteLine);
                _queue.Post(Mesh.Start);
                _queue.Post(Uplink.Start);
                StartBatteryMonitor(mesh);
            }
            catch (Exception exception)
            {
                // A nanoCLR image without the native mesh component: the node still senses and obeys its console.
                _log.Write("mesh", "BLE Mesh unavailable: " + exception.Message);
            }
        }

        /// <summary>
        /// The BM6 battery monitor (issue 18, docs/battery-monitor.md) through the native BLE central that shares the mesh's
        /// NimBLE host, with mbedTLS AES through the interop (in the emulator the same classes reach the emulated central and
        /// .NET's AES through the interop shim); its readings go to the Pi (<c>BATT</c>) and the uplink (MQTT, Home Assistant).
        /// </summary>
        private void StartBatteryMonitor(MeshNode mesh)
        {
            Battery = new BatteryMonitorService(new NativeBatteryMonitorLink(new BatteryMonitorCentral(mesh)), new NativeBlockCipher(), _queue, _log, BatteryMonitorService.Folder);
            UplinkService uplink = Uplink;
            Battery.Reader.ReadingTaken = delegate(BatteryReading reading) { uplink.Reporter.PublishBattery(reading); };
            Executor.Battery = Battery.Reader;
            _consoleCommands.Battery = Battery;
            _queue.Post(Battery.Start);
        }

        private static bool ApplyStaticOob(byte[] value)
        {
            return MeshNode.SetStaticOob(value) == MeshResult.Ok;
        }

        private void ScheduleReprobe()
        {
            _reprobe = _queue.PostDelayed(SensorService.ReprobePeriodMilliseconds, delegate
            {
                _sensor.ReprobeIfAbsent();
                ScheduleReprobe();
            });
        }

        private void OnItemFailed(Exception exception)
        {
            _log.Write("worker", "command failed: " + exception.Message);
        }
    }
}
