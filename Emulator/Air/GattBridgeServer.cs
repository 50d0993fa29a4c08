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
                        _link = _radio.Gatt.Connect(value => _hub.Send(new JsonObject { ["op"] = "notify", ["data_hex"] = PduJson.Hex(value) }));
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
                        reply["data_hex"] = PduJson.Hex(_link.Read());
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
    }
}
