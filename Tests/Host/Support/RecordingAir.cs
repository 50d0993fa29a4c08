using System.Collections.Generic;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Tests.Support
{
    /// <summary>An air that carries nothing: it records every transmission its radios make (thread-safe), for tests of what a stack sends.</summary>
    internal sealed class RecordingAir : IAirMedium
    {
        private readonly object _gate = new object();
        private readonly List<(NetworkPdu Pdu, bool Relayed)> _transmissions = new List<(NetworkPdu Pdu, bool Relayed)>();

        /// <inheritdoc/>
        public AirStatistics Statistics { get; } = new AirStatistics();

        /// <summary>The transmissions so far, oldest first (a copy).</summary>
        public List<(NetworkPdu Pdu, bool Relayed)> Transmissions
        {
            get
            {
                lock (_gate)
                {
                    return new List<(NetworkPdu Pdu, bool Relayed)>(_transmissions);
                }
            }
        }

        /// <inheritdoc/>
        public void Join(IRadio radio)
        {
        }

        /// <inheritdoc/>
        public void Leave(IRadio radio)
        {
        }

        /// <inheritdoc/>
        public void Transmit(IRadio sender, NetworkPdu pdu, bool relayed)
        {
            lock (_gate)
            {
                _transmissions.Add((pdu, relayed));
            }
        }

        /// <inheritdoc/>
        public void CountSegmented(IRadio sender, int segments)
        {
        }
    }
}
