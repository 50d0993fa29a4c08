using System;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Air;

namespace DcMonitor.Tests.Support
{
    /// <summary>An air in front of a <see cref="VirtualAir"/> that swallows the transmissions a predicate picks (counted), passing the rest on.</summary>
    internal sealed class DroppingAir : IAirMedium, IAirClock
    {
        private readonly VirtualAir _inner;
        private readonly Func<NetworkPdu, bool> _drop;
        private int _dropped;

        public DroppingAir(VirtualAir inner, Func<NetworkPdu, bool> drop)
        {
            _inner = inner;
            _drop = drop;
        }

        /// <summary>Transmissions swallowed.</summary>
        public int Dropped => _dropped;

        public AirStatistics Statistics => _inner.Statistics;

        public long NowMicroseconds => _inner.NowMicroseconds;

        public IDisposable After(long delayMicroseconds, Action action) => _inner.After(delayMicroseconds, action);

        public void Join(IRadio radio) => _inner.Join(radio);

        public void Leave(IRadio radio) => _inner.Leave(radio);

        public void CountSegmented(IRadio sender, int segments) => _inner.CountSegmented(sender, segments);

        public void Transmit(IRadio sender, NetworkPdu pdu, bool relayed)
        {
            if (_drop(pdu))
            {
                System.Threading.Interlocked.Increment(ref _dropped);
                return;
            }

            _inner.Transmit(sender, pdu, relayed);
        }
    }
}
