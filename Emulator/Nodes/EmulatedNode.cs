using System;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Nodes
{
    /// <summary>
    /// An emulated board running a firmware image: <see cref="PowerOn"/> boots the image with the board current
    /// (its threads inherit it); <see cref="Dispose"/> is a power cut: the radio leaves the air at once, then the
    /// image's threads are stopped.
    /// </summary>
    public abstract class EmulatedNode : IDisposable
    {
        private bool _started;

        /// <summary>Builds the board whose flash drive is <paramref name="flashDirectory"/> and its mesh component.</summary>
        protected EmulatedNode(string flashDirectory)
        {
            Board = new VirtualBoard(flashDirectory);
            Radio = EmulatedMeshStack.For(Board);
        }

        /// <summary>The virtual board.</summary>
        public VirtualBoard Board { get; }

        /// <summary>The node's emulated mesh component (radio, GATT server).</summary>
        public EmulatedMeshStack Radio { get; }

        /// <summary>
        /// Names the radio, writes the provisioner's settings on first start when <paramref name="preprovisionedAddress"/>
        /// is above 0 (<paramref name="models"/> bound, the vendor server subscribed to 0xC000 when it has one), and puts
        /// the radio on <paramref name="air"/> (none when null).
        /// </summary>
        protected void JoinAir(string name, IAirMedium air, int preprovisionedAddress, int models, int relay = -1)
        {
            Radio.RadioName = name ?? System.IO.Path.GetFileName(Board.FlashDirectory);
            if (preprovisionedAddress > 0 && !System.IO.File.Exists(MeshSettings.PathFor(Board.FlashDirectory)))
            {
                EmulatedMeshStack.Preprovision(Board.FlashDirectory, preprovisionedAddress, models, subscribeVendorServerToAll: (models & NativeContract.VendorServer) != 0, relay);
            }

            if (air != null)
            {
                Radio.AttachTo(air);
            }
        }

        /// <summary>Boots the image.</summary>
        public void PowerOn()
        {
            using (Board.Activate())
            {
                StartFirmware();
            }

            _started = true;
        }

        /// <summary>Power cut.</summary>
        public void Dispose()
        {
            if (!_started)
            {
                return;
            }

            Board.CutPower();
            Radio.PowerOff();
            using (Board.Activate())
            {
                StopFirmware();
            }

            _started = false;
        }

        /// <summary>Starts the image (board current).</summary>
        protected abstract void StartFirmware();

        /// <summary>Stops the image's threads (board current).</summary>
        protected abstract void StopFirmware();
    }
}
