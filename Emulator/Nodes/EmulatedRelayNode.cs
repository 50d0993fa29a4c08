using System;
using System.IO;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.RelayNode;

namespace DcMonitor.Emulator.Nodes
{
    /// <summary>A relay node in the emulator: a virtual board (LED on GPIO8) running the real RelayNode image.</summary>
    public sealed class EmulatedRelayNode : IDisposable
    {
        /// <summary>Model bits of a relay: Config Server only.</summary>
        public const int RelayNodeModels = NativeContract.ConfigServer;

        private readonly RelayNodeApp _app = new RelayNodeApp();
        private bool _started;

        /// <summary>Builds the board; <paramref name="preprovisionedAddress"/> &gt; 0 boots it provisioned there.</summary>
        public EmulatedRelayNode(string flashDirectory, string name, IAirMedium air, int preprovisionedAddress)
        {
            Board = new VirtualBoard(flashDirectory);
            Radio = EmulatedMeshStack.For(Board);
            Radio.RadioName = name;
            if (preprovisionedAddress > 0 && !File.Exists(MeshSettings.PathFor(Board.FlashDirectory)))
            {
                EmulatedMeshStack.Preprovision(Board.FlashDirectory, preprovisionedAddress, RelayNodeModels, subscribeVendorServerToAll: false);
            }

            if (air != null)
            {
                Radio.AttachTo(air);
            }
        }

        /// <summary>The virtual board.</summary>
        public VirtualBoard Board { get; }

        /// <summary>The node's emulated mesh component.</summary>
        public EmulatedMeshStack Radio { get; }

        /// <summary>Boots the image.</summary>
        public void PowerOn()
        {
            using (Board.Activate())
            {
                _app.Start();
            }

            _started = true;
        }

        /// <summary>Power cut.</summary>
        public void Dispose()
        {
            if (_started)
            {
                Radio.PowerOff();
                using (Board.Activate())
                {
                    _app.Stop();
                }

                _started = false;
            }
        }
    }
}
