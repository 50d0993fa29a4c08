using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Air;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// A radio that reports pending work while held: a timed air keeps its virtual clock still until <see cref="Release"/>, so a test
    /// can submit several transmissions from any threads before the air decides any of them.
    /// </summary>
    internal sealed class HoldingRadio : IRadio, IAirActivity
    {
        private volatile bool _held = true;

        public HoldingRadio(string name)
        {
            RadioName = name;
        }

        /// <inheritdoc/>
        public string RadioName { get; }

        /// <inheritdoc/>
        public int PendingReceptions => _held ? 1 : 0;

        /// <inheritdoc/>
        public void Receive(NetworkPdu pdu)
        {
        }

        /// <summary>Lets the air's time go on.</summary>
        public void Release(VirtualAir air)
        {
            _held = false;
            air.ReceptionProcessed();
        }
    }
}
