using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.RelayNode;
using DcMonitor.RelayNode.Hardware;

namespace DcMonitor.Emulator.Nodes
{
    /// <summary>
    /// A relay node in the emulator: a virtual board (LED on GPIO8, console on COM2: <see cref="Console"/>) running the real
    /// RelayNode image.
    /// </summary>
    public sealed class EmulatedRelayNode : EmulatedNode
    {
        /// <summary>Model bits of a relay: Config Server only.</summary>
        public const int RelayNodeModels = NativeContract.ConfigServer;

        private readonly RelayNodeApp _app = new RelayNodeApp();

        /// <summary>Builds the board; <paramref name="preprovisionedAddress"/> &gt; 0 boots it provisioned there.</summary>
        public EmulatedRelayNode(string flashDirectory, string name, IAirMedium air, int preprovisionedAddress)
            : base(flashDirectory)
        {
            Console = Board.SerialPort(RelayNodePins.ConsolePortName);
            JoinAir(name, air, preprovisionedAddress, RelayNodeModels);
        }

        /// <summary>The serial console.</summary>
        public VirtualSerialPort Console { get; }

        /// <inheritdoc/>
        protected override void StartFirmware() => _app.Start();

        /// <inheritdoc/>
        protected override void StopFirmware() => _app.Stop();
    }
}
