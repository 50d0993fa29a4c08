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
            ["kind"] = pdu.Kind, ["net_key"] = pdu.NetworkKeyId, ["access_key"] = pdu.AccessKeyId, ["device_key"] = pdu.DeviceKey,
            ["control"] = pdu.Control, ["uuid_hex"] = pdu.Uuid == null ? null : Convert.ToHexString(pdu.Uuid),
        };

        /// <summary>An object as a PDU.</summary>
        public static NetworkPdu FromJson(JsonObject json) => new NetworkPdu
        {
            Source = (int)json["src"], Destination = (int)json["dst"], Ttl = (int)json["ttl"], Sequence = (int)json["seq"], SequenceZero = (int)json["seq0"],
            SegmentIndex = (int)json["seg"], SegmentCount = (int)json["segs"], Opcode = (int)json["op"], Parameters = Convert.FromHexString((string)json["params_hex"]),
            Kind = (int?)json["kind"] ?? NetworkPdu.NetworkKind, NetworkKeyId = (int?)json["net_key"] ?? 0, AccessKeyId = (int?)json["access_key"] ?? 0,
            DeviceKey = (bool?)json["device_key"] ?? false, Control = (bool?)json["control"] ?? false,
            Uuid = json["uuid_hex"] is JsonNode uuid ? Convert.FromHexString((string)uuid) : null,
        };

        /// <summary>Lower-case hex of bytes.</summary>
        public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
