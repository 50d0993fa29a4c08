using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// A node running in another process, as a radio on the hub's air: receptions are sent to the process as <c>rx</c> lines,
    /// serialised once per transmission however many proxies receive it (<see cref="ReceptionLines"/>). Unprovisioned device beacons
    /// reach only a proxy that hears them: a node whose image never provisions (universal, relay) drops a beacon on arrival (the
    /// emulated stack reports beacons in the provisioner role only), so writing it there would be work with no effect — and a fresh
    /// mesh of 100 node processes beaconing every second would otherwise cost 10,000 lines a second.
    /// </summary>
    public sealed class RadioProxy : IRadio
    {
        private readonly JsonLineConnection _connection;
        private readonly ReceptionLines _lines;
        private readonly bool _hearsBeacons;

        /// <summary>
        /// Creates the proxy of <paramref name="name"/>, writing to <paramref name="connection"/> the lines of <paramref name="lines"/>;
        /// unprovisioned device beacons only when <paramref name="hearsBeacons"/> (the provisioner image).
        /// </summary>
        public RadioProxy(string name, JsonLineConnection connection, ReceptionLines lines, bool hearsBeacons)
        {
            RadioName = name;
            _connection = connection;
            _lines = lines;
            _hearsBeacons = hearsBeacons;
        }

        /// <inheritdoc/>
        public string RadioName { get; }

        /// <inheritdoc/>
        public void Receive(NetworkPdu pdu)
        {
            if (pdu.Kind == NetworkPdu.BeaconKind && !_hearsBeacons)
            {
                return;
            }

            _connection.SendLine(_lines.LineOf(pdu));
        }
    }
}
