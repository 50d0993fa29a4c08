using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// The hub's <c>rx</c> lines (docs/emulator.md), serialised once per transmission: the air hands the same
    /// <see cref="NetworkPdu"/> object to every receiver in range, so the first <see cref="RadioProxy"/> to receive it makes the
    /// line and the others write the same bytes. The hub's cost of a transmission is then one serialisation plus one socket write
    /// per receiver in range, instead of a JSON object built and serialised per receiver. Lines live as long as their PDU.
    /// Thread-safe.
    /// </summary>
    public sealed class ReceptionLines
    {
        private readonly ConditionalWeakTable<NetworkPdu, byte[]> _lines = new ConditionalWeakTable<NetworkPdu, byte[]>();
        private readonly ConditionalWeakTable<NetworkPdu, byte[]>.CreateValueCallback _serialise;
        private long _serialisations;
        private long _receptions;

        /// <summary>Creates an empty cache.</summary>
        public ReceptionLines()
        {
            _serialise = pdu =>
            {
                Interlocked.Increment(ref _serialisations);
                return JsonLineConnection.LineOf(new JsonObject { ["op"] = "rx", ["pdu"] = PduJson.ToJson(pdu) });
            };
        }

        /// <summary>PDUs serialised so far: one per transmission that reached at least one node process.</summary>
        public long Serialisations => Interlocked.Read(ref _serialisations);

        /// <summary>Lines handed out: one per reception by a node process.</summary>
        public long Receptions => Interlocked.Read(ref _receptions);

        /// <summary>The <c>rx</c> line of <paramref name="pdu"/> for one reception, made on first use.</summary>
        public byte[] LineOf(NetworkPdu pdu)
        {
            Interlocked.Increment(ref _receptions);
            return _lines.GetValue(pdu, _serialise);
        }
    }
}
