using System.Collections.Generic;
using System.Text.Json.Nodes;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// The air as a node process sees it: transmissions go to the hub, which runs the real <see cref="VirtualAir"/>
    /// (topology, loss, counters); PDUs the hub delivers come back through <see cref="Deliver"/>.
    /// </summary>
    public sealed class RemoteAir : IAirMedium
    {
        private readonly JsonLineConnection _hub;
        private readonly List<IRadio> _radios = new List<IRadio>();

        /// <summary>Creates the medium over the node's connection to the hub.</summary>
        public RemoteAir(JsonLineConnection hub)
        {
            _hub = hub;
        }

        /// <summary>Local counters (the hub keeps the network's).</summary>
        public AirStatistics Statistics { get; } = new AirStatistics();

        /// <inheritdoc/>
        public void Join(IRadio radio)
        {
            lock (_radios)
            {
                _radios.Add(radio);
            }
        }

        /// <inheritdoc/>
        public void Leave(IRadio radio)
        {
            lock (_radios)
            {
                _radios.Remove(radio);
            }
        }

        /// <inheritdoc/>
        public void Transmit(IRadio sender, NetworkPdu pdu, bool relayed)
        {
            _hub.Send(new JsonObject { ["op"] = "tx", ["relayed"] = relayed, ["pdu"] = PduJson.ToJson(pdu) });
        }

        /// <inheritdoc/>
        public void CountSegmented(IRadio sender, int segments)
        {
            _hub.Send(new JsonObject { ["op"] = "segmented", ["segments"] = segments });
        }

        /// <summary>A PDU the hub delivered to this process's radio.</summary>
        public void Deliver(NetworkPdu pdu)
        {
            IRadio[] radios;
            lock (_radios)
            {
                radios = _radios.ToArray();
            }

            foreach (IRadio radio in radios)
            {
                radio.Receive(pdu);
            }
        }
    }
}
