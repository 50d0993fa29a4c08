using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Tests.Support
{
    /// <summary>A radio on a <see cref="VirtualAir"/> with no mesh stack behind it: it only counts what it receives.</summary>
    internal sealed class CountingRadio : IRadio
    {
        /// <summary>Creates a radio called <paramref name="name"/> on the air.</summary>
        public CountingRadio(string name)
        {
            RadioName = name;
        }

        /// <inheritdoc/>
        public string RadioName { get; }

        /// <summary>Network PDUs delivered to it.</summary>
        public int Received { get; private set; }

        /// <inheritdoc/>
        public void Receive(NetworkPdu pdu) => Received++;
    }
}
