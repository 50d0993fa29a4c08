using System;
using System.Text.Json.Nodes;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Air
{
    /// <summary>Network PDUs and byte strings as JSON (hex), for the hub ↔ node-process link.</summary>
    public static class PduJson
    {
        /// <summary>A PDU as an object.</summary>
        public static JsonObject ToJson(NetworkPdu pdu) => new JsonObject
        {
            ["src"] = pdu.Source, ["dst"] = pdu.Destination, ["ttl"] = pdu.Ttl, ["seq"] = pdu.Sequence, ["seq0"] = pdu.SequenceZero,
            ["seg"] = pdu.SegmentIndex, ["segs"] = pdu.SegmentCount, ["op"] = pdu.Opcode, ["params_hex"] = Convert.ToHexString(pdu.Parameters),
        };

        /// <summary>An object as a PDU.</summary>
        public static NetworkPdu FromJson(JsonObject json) => new NetworkPdu
        {
            Source = (int)json["src"], Destination = (int)json["dst"], Ttl = (int)json["ttl"], Sequence = (int)json["seq"], SequenceZero = (int)json["seq0"],
            SegmentIndex = (int)json["seg"], SegmentCount = (int)json["segs"], Opcode = (int)json["op"], Parameters = Convert.FromHexString((string)json["params_hex"]),
        };

        /// <summary>Lower-case hex of bytes.</summary>
        public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
