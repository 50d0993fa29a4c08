using System.Threading;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Air;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// A node running in another process, as a radio on the hub's air: receptions are sent to the process as <c>rx</c> lines,
    /// serialised once per transmission however many proxies receive it (<see cref="ReceptionLines"/>). Unprovisioned device beacons
    /// reach only a proxy that hears them: a node whose image never provisions (universal, relay) drops a beacon on arrival (the
    /// emulated stack reports beacons in the provisioner role only), so writing it there would be work with no effect — and a fresh
    /// mesh of 100 node processes beaconing every second would otherwise cost 10,000 lines a second.
    /// As a radio of the hub's own process, it tells the timed air how many receptions the process has not processed yet
    /// (<see cref="IAirActivity"/>): the <c>rx</c> lines written minus those the process's last <c>idle</c> line counted
    /// (<see cref="ProcessIdle"/>), so the air holds its clock until the process has handled them and sent its answer.
    /// </summary>
    public sealed class RadioProxy : IRadio, IAirActivity
    {
        private readonly JsonLineConnection _connection;
        private readonly ReceptionLines _lines;
        private readonly bool _hearsBeacons;
        private long _written;
        private long _processed;

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
        public int PendingReceptions => (int)(Interlocked.Read(ref _written) - Interlocked.Read(ref _processed));

        /// <summary>
        /// The process reported itself idle after its first <paramref name="received"/> <c>rx</c> lines (its <c>idle</c> line).
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">More lines than were written, or fewer than an earlier report: the process and the hub disagree.</exception>
        public void ProcessIdle(long received)
        {
            if (received > Interlocked.Read(ref _written) || received < Interlocked.Read(ref _processed))
            {
                throw new System.ArgumentOutOfRangeException(nameof(received), received, "An idle line must count between the lines acknowledged before and the lines written.");
            }

            Interlocked.Exchange(ref _processed, received);
        }

        /// <inheritdoc/>
        public void Receive(NetworkPdu pdu)
        {
            if (pdu.Kind == NetworkPdu.BeaconKind && !_hearsBeacons)
            {
                return;
            }

            Interlocked.Increment(ref _written);
            _connection.SendLine(_lines.LineOf(pdu));
        }
    }
}
