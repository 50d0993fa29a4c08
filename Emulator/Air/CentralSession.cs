using System;
using System.Text.Json.Nodes;
using System.Threading;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// A client in the central role (the Pi, the gateway console, a test harness): scan, connect to one node at a
    /// time, list services, subscribe to DC02, read, write DC03, disconnect; notifications and link loss arrive as
    /// events (docs/emulator.md, "Central role").
    /// </summary>
    public sealed class CentralSession
    {
        /// <summary>DC01 service UUID.</summary>
        public const string ServiceUuid = "0000dc01-0000-1000-8000-00805f9b34fb";

        /// <summary>DC02 (read, notify).</summary>
        public const string SensorDataUuid = "0000dc02-0000-1000-8000-00805f9b34fb";

        /// <summary>DC03 (write).</summary>
        public const string CommandUuid = "0000dc03-0000-1000-8000-00805f9b34fb";

        private readonly AirHub _hub;
        private readonly JsonLineConnection _connection;
        private readonly object _gate = new object();
        private HubNode _node;
        private int _mtu = 23;
        private Timer _supervision; // referenced so it is not collected before it fires

        internal CentralSession(AirHub hub, JsonLineConnection connection, string name)
        {
            _hub = hub;
            _connection = connection;
            Name = name;
            connection.Received += Handle;
            connection.Closed += () => Disconnect(null, "local");
        }

        /// <summary>The central's name (its radio's name in the topology).</summary>
        public string Name { get; }

        /// <summary>The node this central is connected to, or null.</summary>
        public HubNode ConnectedNode
        {
            get
            {
                lock (_gate)
                {
                    return _node;
                }
            }
        }

        internal void Notify(string dataHex)
        {
            _connection.Send(new JsonObject { ["op"] = "notify", ["char"] = SensorDataUuid, ["data_hex"] = dataHex });
        }

        internal void LinkLost(HubNode node, int supervisionMilliseconds)
        {
            _supervision?.Dispose();
            _supervision = new Timer(_ =>
            {
                lock (_gate)
                {
                    if (_node != node)
                    {
                        return;
                    }

                    _node = null;
                }

                _connection.Send(new JsonObject { ["op"] = "disconnected", ["reason"] = "link_loss" });
            }, null, supervisionMilliseconds, Timeout.Infinite);
        }

        private void Handle(JsonObject request)
        {
            JsonNode id = request["id"];
            string op = (string)request["op"];
            try
            {
                switch (op)
                {
                    case "scan":
                        Scan(id, (int?)request["timeout_ms"] ?? 5000);
                        break;
                    case "connect":
                        Connect(id, (string)request["address"], (int?)request["mtu"]);
                        break;
                    case "services":
                        Services(id);
                        break;
                    case "subscribe":
                        Subscribe(id, (string)request["char"]);
                        break;
                    case "read":
                        Read(id, (string)request["char"]);
                        break;
                    case "write":
                        Write(id, (string)request["char"], (string)request["data_hex"]);
                        break;
                    case "pair":
                        Pair(id, (int?)request["passkey"] ?? -1, (bool?)request["agent"] ?? false);
                        break;
                    case "disconnect":
                        Disconnect(id, "local");
                        break;
                    default:
                        _connection.Send(AirHub.Error(id, "bad_request", "unknown op '" + op + "' for a central"));
                        break;
                }
            }
            catch (Exception exception) when (exception is FormatException || exception is InvalidOperationException || exception is NullReferenceException || exception is ArgumentException)
            {
                _connection.Send(AirHub.Error(id, "bad_request", exception.Message));
            }
        }

        private void Scan(JsonNode id, int timeoutMilliseconds)
        {
            Thread.Sleep(Math.Clamp(timeoutMilliseconds, 0, 30000)); // the reply comes when the scan window ends
            var devices = new JsonArray();
            foreach (HubNode node in _hub.Nodes())
            {
                if (node.Radio == null || !_hub.Air.InRange(Name, node.Name))
                {
                    continue;
                }

                bool universal = node.Image == "universal" && node.Advertising;
                devices.Add(new JsonObject
                {
                    ["address"] = node.Address,
                    ["name"] = universal ? "DC-Monitor" : "ESP-BLE-MESH",
                    ["rssi"] = -60,
                    ["service_uuids"] = universal ? new JsonArray(ServiceUuid) : new JsonArray(),
                    ["connectable"] = true,
                });
            }

            _connection.Send(new JsonObject { ["op"] = "scan_result", ["id"] = id?.DeepClone(), ["devices"] = devices });
        }

        private void Connect(JsonNode id, string address, int? mtu)
        {
            HubNode target = _hub.Nodes().Find(node => string.Equals(node.Address, address, StringComparison.OrdinalIgnoreCase));
            lock (_gate)
            {
                if (_node != null)
                {
                    _connection.Send(AirHub.Error(id, "busy", "already connected to " + _node.Address));
                    return;
                }
            }

            if (target == null || target.Radio == null)
            {
                _connection.Send(AirHub.Error(id, "not_found", "no powered node at " + address));
                return;
            }

            if (target.Image != "universal")
            {
                // a relay accepts the link (mesh proxy) but has no DC01 service
                lock (_gate)
                {
                    _node = target;
                    _mtu = 23;
                }

                _connection.Send(new JsonObject { ["op"] = "connected", ["id"] = id?.DeepClone(), ["address"] = address, ["mtu"] = _mtu });
                return;
            }

            JsonObject reply = _hub.Request(target, new JsonObject { ["op"] = "gatt_connect", ["central"] = Name });
            if (reply == null || !(bool)reply["ok"])
            {
                _connection.Send(AirHub.Error(id, "busy", "the node refused the connection"));
                return;
            }

            int negotiated = (int)reply["mtu"];
            if (mtu.HasValue)
            {
                JsonObject mtuReply = _hub.Request(target, new JsonObject { ["op"] = "gatt_mtu", ["mtu"] = mtu.Value });
                negotiated = mtuReply == null ? negotiated : (int)mtuReply["mtu"];
            }

            lock (_gate)
            {
                _node = target;
                _mtu = negotiated;
                target.Central = this;
            }

            _connection.Send(new JsonObject { ["op"] = "connected", ["id"] = id?.DeepClone(), ["address"] = address, ["mtu"] = negotiated });
        }

        private void Services(JsonNode id)
        {
            HubNode node = Connected(id);
            if (node == null)
            {
                return;
            }

            var services = new JsonArray();
            if (node.Image == "universal")
            {
                services.Add(new JsonObject
                {
                    ["uuid"] = ServiceUuid,
                    ["characteristics"] = new JsonArray(
                        new JsonObject { ["uuid"] = SensorDataUuid, ["properties"] = new JsonArray("read", "notify") },
                        new JsonObject { ["uuid"] = CommandUuid, ["properties"] = new JsonArray("write", "write_without_response") }),
                });
            }

            _connection.Send(new JsonObject { ["op"] = "services", ["id"] = id?.DeepClone(), ["services"] = services });
        }

        private void Subscribe(JsonNode id, string characteristic)
        {
            HubNode node = Connected(id);
            if (node == null)
            {
                return;
            }

            if (node.Image != "universal" || characteristic != SensorDataUuid)
            {
                _connection.Send(AirHub.Error(id, "no_such_characteristic", "no notify characteristic " + characteristic));
                return;
            }

            _hub.Request(node, new JsonObject { ["op"] = "gatt_subscribe", ["on"] = true });
            _connection.Send(new JsonObject { ["op"] = "subscribed", ["id"] = id?.DeepClone(), ["char"] = characteristic });
        }

        private void Read(JsonNode id, string characteristic)
        {
            HubNode node = Connected(id);
            if (node == null)
            {
                return;
            }

            JsonObject reply = node.Image == "universal" && characteristic == SensorDataUuid ? RequestSecurely(node, new JsonObject { ["op"] = "gatt_read" }) : null;
            if (reply != null && reply["ok"] is JsonNode readOk && !(bool)readOk)
            {
                int attError = reply["att_error"] is JsonNode code ? (int)code : 0;
                JsonObject error = AirHub.Error(id, "att_error", "ATT error 0x" + attError.ToString("X2") + ": the node refused the read");
                error["att_error"] = attError;
                _connection.Send(error);
                return;
            }

            if (reply == null)
            {
                _connection.Send(AirHub.Error(id, "no_such_characteristic", "cannot read " + characteristic));
                return;
            }

            _connection.Send(new JsonObject { ["op"] = "value", ["id"] = id?.DeepClone(), ["char"] = characteristic, ["data_hex"] = (string)reply["data_hex"] });
        }

        private void Write(JsonNode id, string characteristic, string dataHex)
        {
            HubNode node = Connected(id);
            if (node == null)
            {
                return;
            }

            if (node.Image != "universal" || characteristic != CommandUuid)
            {
                _connection.Send(AirHub.Error(id, "no_such_characteristic", "cannot write " + characteristic));
                return;
            }

            byte[] value = Convert.FromHexString(dataHex ?? string.Empty);
            if (value.Length > _mtu - 3)
            {
                _connection.Send(AirHub.Error(id, "too_long", value.Length + " bytes exceed MTU " + _mtu + " - 3"));
                return;
            }

            JsonObject reply = RequestSecurely(node, new JsonObject { ["op"] = "gatt_write", ["data_hex"] = dataHex });
            if (reply == null)
            {
                _connection.Send(AirHub.Error(id, "not_connected", "the node did not answer"));
                return;
            }

            if (reply["ok"] is JsonNode ok && !(bool)ok)
            {
                // The node's write handler refused the write request (the Pi's write fails with this ATT error).
                int attError = reply["att_error"] is JsonNode code ? (int)code : 0;
                if (attError == 0)
                {
                    _connection.Send(AirHub.Error(id, "not_connected", (string)reply["message"] ?? "the node's link is closed"));
                    return;
                }

                JsonObject error = attError == NativeContract.AttErrorInsufficientResources
                    ? AirHub.Error(id, "att_error", "ATT error 0x11 insufficient resources: the node's event queue is full; the command was not taken")
                    : AirHub.Error(id, "att_error", "ATT error 0x" + attError.ToString("X2") + ": the node refused the write");
                error["att_error"] = attError;
                _connection.Send(error);
                return;
            }

            _connection.Send(new JsonObject { ["op"] = "written", ["id"] = id?.DeepClone(), ["char"] = characteristic });
        }

        /// <summary>
        /// Pairs with the connected node (air protocol <c>pair</c>, what <c>bluetoothctl pair</c> does once; <paramref name="passkey"/> -1:
        /// Just Works, else passkey entry): answers <c>paired</c> with <c>bonded</c> (false: the node's pairing window was closed) or an
        /// error <c>pairing_failed</c> with the SMP reason. With <paramref name="agent"/> (the central has a keyboard agent, as
        /// <c>bluetoothctl agent KeyboardDisplay</c>) and no passkey, a node in passkey mode answers the error <c>passkey_required</c>:
        /// the central asks its user and sends <c>pair</c> again with the 6 digits.
        /// </summary>
        private void Pair(JsonNode id, int passkey, bool agent)
        {
            HubNode node = Connected(id);
            if (node == null)
            {
                return;
            }

            if (node.Image != "universal")
            {
                _connection.Send(AirHub.Error(id, "no_such_characteristic", "a relay has no DC01 service to pair for"));
                return;
            }

            JsonObject request = new JsonObject { ["op"] = "gatt_pair", ["agent"] = agent };
            if (passkey >= 0)
            {
                request["passkey"] = passkey;
            }

            JsonObject reply = _hub.Request(node, request);
            if (reply != null && (bool?)reply["passkey_required"] == true)
            {
                _connection.Send(AirHub.Error(id, "passkey_required", "the node displays a 6-digit passkey on its console (display only, MITM): pair again with it"));
                return;
            }

            if (reply == null || !(bool)reply["ok"])
            {
                JsonObject error = AirHub.Error(id, "pairing_failed", "SMP pairing failed, reason 0x" + ((int?)reply?["smp_reason"] ?? 0).ToString("X2"));
                error["smp_reason"] = (int?)reply?["smp_reason"] ?? 0;
                _connection.Send(error);
                return;
            }

            _connection.Send(new JsonObject { ["op"] = "paired", ["id"] = id?.DeepClone(), ["bonded"] = (bool)reply["bonded"] });
        }

        /// <summary>
        /// Sends a GATT read or write to the node as BlueZ does (src/shared/att.c change_security): when the node answers with
        /// insufficient encryption (0x0F) the central encrypts with its stored key, with insufficient authentication (0x05) it pairs
        /// (Just Works: bluetoothd without an agent), then retries once. Returns the node's last reply (null: no answer).
        /// </summary>
        private JsonObject RequestSecurely(HubNode node, JsonObject request)
        {
            JsonObject reply = _hub.Request(node, request);
            int attError = reply != null && reply["att_error"] is JsonNode code ? (int)code : 0;
            if (attError != NativeContract.AttErrorInsufficientEncryption && attError != NativeContract.AttErrorInsufficientAuthentication)
            {
                return reply;
            }

            JsonObject secured = attError == NativeContract.AttErrorInsufficientEncryption ? _hub.Request(node, new JsonObject { ["op"] = "gatt_encrypt" }) : null;
            if (secured == null || !(bool)secured["ok"])
            {
                secured = _hub.Request(node, new JsonObject { ["op"] = "gatt_pair" });
            }

            return secured != null && (bool)secured["ok"] ? _hub.Request(node, request.DeepClone().AsObject()) : reply;
        }

        private void Disconnect(JsonNode id, string reason)
        {
            HubNode node;
            lock (_gate)
            {
                node = _node;
                _node = null;
            }

            if (node != null)
            {
                if (node.Central == this)
                {
                    node.Central = null;
                }

                if (node.Image == "universal")
                {
                    _hub.Request(node, new JsonObject { ["op"] = "gatt_disconnect" }, 2000);
                }
            }

            if (id != null)
            {
                _connection.Send(new JsonObject { ["op"] = "disconnected", ["id"] = id.DeepClone(), ["reason"] = reason });
            }
        }

        private HubNode Connected(JsonNode id)
        {
            lock (_gate)
            {
                if (_node == null)
                {
                    _connection.Send(AirHub.Error(id, "not_connected", "connect first"));
                }

                return _node;
            }
        }
    }
}
