using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace DcMonitor.Emulator.Air
{
    /// <summary>A client in the control role: nodes, power, link, stats, console, attach (docs/emulator.md, "Control role").</summary>
    public sealed class ControlSession
    {
        private readonly AirHub _hub;
        private readonly JsonLineConnection _connection;
        private readonly HashSet<string> _attached = new HashSet<string>(StringComparer.Ordinal);

        internal ControlSession(AirHub hub, JsonLineConnection connection)
        {
            _hub = hub;
            _connection = connection;
            connection.Received += Handle;
            connection.Closed += () => hub.Detach(this);
            hub.Attach(this);
        }

        internal void ConsoleLine(string node, string line)
        {
            lock (_attached)
            {
                if (!_attached.Contains(node))
                {
                    return;
                }
            }

            _connection.Send(new JsonObject { ["op"] = "console_out", ["node"] = node, ["line"] = line });
        }

        private static JsonObject Counters(DcMonitor.Emulator.Mesh.AirStatistics counters) => new JsonObject
        {
            ["network_pdus"] = counters.NetworkPdusTransmitted, ["relayed"] = counters.NetworkPdusRelayed, ["segmented_messages"] = counters.SegmentedMessages,
            ["segments"] = counters.Segments, ["dropped_by_loss"] = counters.PdusDroppedByLoss, ["gatt_notifications"] = counters.GattNotifications,
        };

        private void Handle(JsonObject request)
        {
            JsonNode id = request["id"]?.DeepClone();
            string op = (string)request["op"];
            try
            {
                switch (op)
                {
                    case "nodes":
                        var nodes = new JsonArray();
                        foreach (HubNode node in _hub.Nodes())
                        {
                            nodes.Add(new JsonObject
                            {
                                ["name"] = node.Name, ["image"] = node.Image == "relay" ? "RelayNode" : "UniversalNode", ["address"] = node.Address,
                                ["unicast"] = "0x" + node.Unicast.ToString("X4"), ["provisioned"] = DcMonitor.Emulator.Mesh.MeshSettings.Load(node.FlashDirectory).Provisioned, ["powered"] = node.Radio != null,
                            });
                        }

                        _connection.Send(new JsonObject { ["op"] = "nodes", ["id"] = id, ["nodes"] = nodes });
                        break;
                    case "power":
                        string name = (string)request["node"];
                        bool on = (bool)request["on"];
                        if (!_hub.SetPower(name, on))
                        {
                            _connection.Send(AirHub.Error(id, "not_found", "no node " + name));
                            break;
                        }

                        _connection.Send(new JsonObject { ["op"] = "power", ["id"] = id, ["node"] = name, ["on"] = on });
                        break;
                    case "link":
                        _hub.SetLink((string)request["a"], (string)request["b"], (bool)request["in_range"], (double?)request["loss"] ?? 0.0);
                        JsonObject echo = (JsonObject)request.DeepClone();
                        _connection.Send(echo);
                        break;
                    case "stats":
                        var stats = _hub.Air.Statistics;
                        var perNode = new JsonObject();
                        foreach (var entry in _hub.Air.PerRadio())
                        {
                            perNode[entry.Key] = Counters(entry.Value);
                        }

                        JsonObject total = Counters(stats);
                        total["op"] = "stats";
                        total["id"] = id;
                        total["nodes"] = perNode;
                        _connection.Send(total);
                        break;
                    case "attach":
                        lock (_attached)
                        {
                            _attached.Add((string)request["node"]);
                        }

                        _connection.Send(new JsonObject { ["op"] = "attach", ["id"] = id, ["node"] = (string)request["node"] });
                        break;
                    case "console":
                        HubNode target = _hub.Find((string)request["node"]);
                        if (target == null || !_hub.TypeOnConsole(target, (string)request["line"]))
                        {
                            _connection.Send(AirHub.Error(id, "not_found", "no powered node " + (string)request["node"]));
                            break;
                        }

                        _connection.Send(new JsonObject { ["op"] = "console", ["id"] = id, ["node"] = (string)request["node"] });
                        break;
                    default:
                        _connection.Send(AirHub.Error(id, "bad_request", "unknown op '" + op + "' for control"));
                        break;
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException || exception is ArgumentException || exception is NullReferenceException || exception is FormatException)
            {
                _connection.Send(AirHub.Error(id, "bad_request", exception.Message));
            }
        }
    }
}
