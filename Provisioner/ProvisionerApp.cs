using System;
using DcMonitor.MeshInterop;
using DcMonitor.Provisioner.Hardware;
using DcMonitor.Provisioner.Keys;
using DcMonitor.Provisioner.Provisioning;
using DcMonitor.Provisioner.Storage;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Terminal;

namespace DcMonitor.Provisioner
{
    /// <summary>
    /// The provisioner (seed §6, its bugs fixed): keys generated on first boot and kept, a persisted registry with stable
    /// addresses, admission of DD DD devices one at a time, configuration to "fully configured" confirmed step by step, and
    /// the serial console. Persisted on the flash drive I: (<see cref="RegistryStore.DefaultPath"/>,
    /// <see cref="NetworkKeys.DefaultPath"/>); the stack keeps its own node table with device keys in NVS.
    /// </summary>
    public sealed class ProvisionerApp
    {
        /// <summary>Line the console prints once the provisioner runs.</summary>
        public const string ReadyLine = "DC-Monitor provisioner ready: type 'help'";

        /// <summary>The image's name in its banner (<see cref="Shared.FirmwareVersion.Banner"/>).</summary>
        public const string ImageName = "provisioner";

        private const int WorkQueueCapacity = 64;

        private readonly NodeLog _log = new NodeLog();
        private WorkQueue _queue;
        private SerialConsole _console;

        /// <summary>The relay planner (after <see cref="Start"/>; null when the firmware has no mesh component).</summary>
        public RelayPlanner Relays { get; private set; }

        /// <summary>The workflow (after <see cref="Start"/>; null when the firmware has no mesh component).</summary>
        public ProvisioningWorkflow Workflow { get; private set; }

        /// <summary>Boots the provisioner.</summary>
        public void Start()
        {
            ProvisionerPins.RouteSignals();
            _console = new SerialConsole(ProvisionerPins.ConsolePortName, ProvisionerPins.ConsoleBaudRate);
            _log.Attach(_console.WriteLine);
            _console.Start();
            _log.Write("boot", Shared.FirmwareVersion.Banner(ImageName));

            _queue = new WorkQueue(WorkQueueCapacity);
            _queue.ItemFailed += delegate (Exception exception) { _log.Write("worker", "failed: " + exception.Message); };
            _queue.Start();

            NetworkKeys keys = NetworkKeys.LoadOrCreate(NetworkKeys.DefaultPath, _log);
            MeshNode mesh;
            try
            {
                byte[] uuid = new byte[16];
                uuid[0] = 0xDD;
                uuid[1] = 0xDD; // the native side fills the Bluetooth address (seed §1.4)
                mesh = MeshNode.Start(MeshComposition.Provisioner(uuid));
            }
            catch (Exception exception)
            {
                _log.Write("mesh", "BLE Mesh unavailable: " + exception.Message);
                return;
            }

            Workflow = new ProvisioningWorkflow(mesh, _queue, new RegistryStore(RegistryStore.DefaultPath, _log), keys, _log);
            var paths = new DirectedPathInstaller(new GatewayStore(GatewayStore.DefaultPath, _log), _log);
            Relays = new RelayPlanner(mesh, _queue, Workflow, paths, _log);
            new Terminal.ProvisionerConsole(_console, _queue, Workflow, keys, Relays, paths);
            _queue.Post(Workflow.Start);
            _queue.Post(Relays.Start);
            _queue.Post(delegate { _console.WriteLine(ReadyLine); });
        }

        /// <summary>Stops the worker and the console (an emulated board powering down).</summary>
        public void Stop()
        {
            if (_queue != null)
            {
                _queue.Stop();
            }

            if (_console != null)
            {
                _console.Dispose();
            }
        }
    }
}
