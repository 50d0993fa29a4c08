using System;
using System.Text.Json.Nodes;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Air
{
    /// <summary>Executes the hub's GATT requests on a node's GATT server and forwards its notifications (<see cref="NodeSession"/>).</summary>
    internal sealed class GattBridgeServer
    {
        private readonly EmulatedMeshStack _radio;
        private readonly JsonLineConnection _hub;
        private GattCentralLink _link;

        public GattBridgeServer(EmulatedMeshStack radio, JsonLineConnection hub)
        {
            _radio = radio;
            _hub = hub;
        }

        public void Handle(JsonObject request)
        {
            string op = (string)request["op"];
            JsonNode id = request["id"]?.DeepClone();
            JsonObject reply = new JsonObject { ["op"] = op + "_done", ["id"] = id, ["ok"] = true };
            try
            {
                switch (op)
                {
                    case "gatt_connect":
                        _link = _radio.Gatt.Connect(value => _hub.Send(new JsonObject { ["op"] = "notify", ["data_hex"] = PduJson.Hex(value) }), CentralRecord((string)request["central"]));
                        reply["mtu"] = _link.Mtu;
                        break;
                    case "gatt_mtu":
                        reply["mtu"] = _link.NegotiateMtu((int)request["mtu"]);
                        break;
                    case "gatt_subscribe":
                        _link.Subscribe((bool)request["on"]);
                        break;
                    case "gatt_write":
                        reply["ok"] = _link.Write(Convert.FromHexString((string)request["data_hex"]));
                        reply["att_error"] = _link.LastAttError;
                        break;
                    case "gatt_read":
                        byte[] value = _link.Read();
                        reply["ok"] = value != null;
                        reply["att_error"] = _link.LastAttError;
                        reply["data_hex"] = value == null ? null : PduJson.Hex(value);
                        break;
                    case "gatt_encrypt":
                        reply["ok"] = _link.Encrypt();
                        break;
                    case "gatt_pair":
                        if (request["passkey"] == null && request["agent"] is JsonNode agent && (bool)agent && _radio.Gatt.Mode == NativeContract.GattSecurityPasskey)
                        {
                            // The node's Pairing Response (display only, MITM) makes a central with a keyboard agent ask it for the passkey
                            // before the pairing goes on: nothing is decided on the node yet.
                            reply["ok"] = false;
                            reply["passkey_required"] = true;
                            break;
                        }

                        int smp = _link.Pair(request["passkey"] is JsonNode passkey ? (int)passkey : -1);
                        reply["ok"] = smp == 0;
                        reply["smp_reason"] = smp;
                        reply["bonded"] = _link.Bonded;
                        break;
                    case "gatt_disconnect":
                        _link?.Disconnect();
                        _link = null;
                        break;
                    default:
                        reply["ok"] = false;
                        break;
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException || exception is NullReferenceException)
            {
                reply["ok"] = false;
                reply["message"] = exception.Message;
            }

            _hub.Send(reply);
        }

        /// <summary>
        /// A central's identity address (bond record: public, least significant byte first) made from its name on the hub, so the same
        /// central (the demo's "pi5") has the same address on every node and after every reconnection; null without a name.
        /// </summary>
        internal static byte[] CentralRecord(string name)
        {
            if (name == null)
            {
                return null;
            }

            byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
            return new byte[] { 0, hash[0], hash[1], hash[2], hash[3], hash[4], hash[5] };
        }
    }
}
