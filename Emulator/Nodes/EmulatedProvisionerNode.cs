using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Provisioner;
using DcMonitor.Provisioner.Hardware;

namespace DcMonitor.Emulator.Nodes
{
    /// <summary>
    /// The provisioner in the emulator: a virtual board running the real Provisioner image, its console on the board's
    /// COM2 (<see cref="Console"/>), its flash drive holding the keys and the registry, the stack's node table next to it.
    /// </summary>
    public sealed class EmulatedProvisionerNode : EmulatedNode
    {
        /// <summary>Model bits of the provisioner: Config Server, Config Client, Generic OnOff Client (seed §6).</summary>
        public const int ProvisionerModels = NativeContract.ConfigServer | NativeContract.ConfigClient | NativeContract.GenericOnOffClient;

        private readonly ProvisionerApp _app = new ProvisionerApp();

        /// <summary>Builds the board on <paramref name="air"/>.</summary>
        public EmulatedProvisionerNode(string flashDirectory, string name, IAirMedium air)
            : base(flashDirectory)
        {
            Console = Board.SerialPort(ProvisionerPins.ConsolePortName);
            JoinAir(name, air, 0, ProvisionerModels);
        }

        /// <summary>The serial console.</summary>
        public VirtualSerialPort Console { get; }

        /// <summary>The running image (after power-on).</summary>
        public ProvisionerApp Firmware => _app;

        /// <inheritdoc/>
        protected override void StartFirmware() => _app.Start();

        /// <inheritdoc/>
        protected override void StopFirmware() => _app.Stop();
    }
}
