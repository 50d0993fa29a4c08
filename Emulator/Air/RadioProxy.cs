using System.Text.Json.Nodes;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Air
{
    /// <summary>A node running in another process, as a radio on the hub's air: receptions are sent to the process.</summary>
    public sealed class RadioProxy : IRadio
    {
        private readonly JsonLineConnection _connection;

        /// <summary>Creates the proxy.</summary>
        public RadioProxy(string name, JsonLineConnection connection)
        {
            RadioName = name;
            _connection = connection;
        }

        /// <inheritdoc/>
        public string RadioName { get; }

        /// <inheritdoc/>
        public void Receive(NetworkPdu pdu)
        {
            _connection.Send(new JsonObject { ["op"] = "rx", ["pdu"] = PduJson.ToJson(pdu) });
        }
    }
}
