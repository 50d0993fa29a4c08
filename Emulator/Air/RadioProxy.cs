using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// A node running in another process, as a radio on the hub's air: receptions are sent to the process as <c>rx</c> lines,
    /// serialised once per transmission however many proxies receive it (<see cref="ReceptionLines"/>).
    /// </summary>
    public sealed class RadioProxy : IRadio
    {
        private readonly JsonLineConnection _connection;
        private readonly ReceptionLines _lines;

        /// <summary>Creates the proxy of <paramref name="name"/>, writing to <paramref name="connection"/> the lines of <paramref name="lines"/>.</summary>
        public RadioProxy(string name, JsonLineConnection connection, ReceptionLines lines)
        {
            RadioName = name;
            _connection = connection;
            _lines = lines;
        }

        /// <inheritdoc/>
        public string RadioName { get; }

        /// <inheritdoc/>
        public void Receive(NetworkPdu pdu)
        {
            _connection.SendLine(_lines.LineOf(pdu));
        }
    }
}
