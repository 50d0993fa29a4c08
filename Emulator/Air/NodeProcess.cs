using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// <c>node</c>: one emulated node as its own OS process (ARCHITECTURE §6), started by the <see cref="AirHub"/>:
    /// it runs the real image on a virtual board whose radio is connected to the hub's air over TCP, serves the
    /// GATT operations the hub forwards from a central, and forwards its serial console. A power cut is the hub
    /// killing this process; it also exits when the hub goes away.
    /// Arguments: <c>node --hub 127.0.0.1:PORT --name node-0 --image universal|relay|provisioner --flash DIR --unicast 5 [--seed N]</c>
    /// (<c>--unicast 0</c>: the node boots unprovisioned and waits for the provisioner).
    /// </summary>
    public static class NodeProcess
    {
        /// <summary>Runs the node until the hub disconnects; returns the exit code.</summary>
        public static int Run(string[] args)
        {
            string hub = null;
            string name = null;
            string image = "universal";
            string flash = null;
            int unicast = 0;
            int seed = 260;
            for (int i = 1; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--hub": hub = args[i + 1]; break;
                    case "--name": name = args[i + 1]; break;
                    case "--image": image = args[i + 1]; break;
                    case "--flash": flash = args[i + 1]; break;
                    case "--unicast": unicast = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    default: Console.Error.WriteLine("node: unknown option " + args[i]); return 2;
                }
            }

            if (hub == null || name == null || flash == null)
            {
                Console.Error.WriteLine("node: --hub, --name and --flash are required");
                return 2;
            }

            // Ctrl-C on the demo's terminal reaches every process of its group, this one too: only the demo decides (it
            // stops a MONITOR with it, or ends and then kills the nodes); should the demo die, the hub connection closes and so does this.
            Console.CancelKeyPress += (sender, e) => e.Cancel = true;
            DcMonitor.Emulator.Board.VirtualAccessPoint.Create(DcMonitor.Emulator.Demo.DemoWifi.Ssid, DcMonitor.Emulator.Demo.DemoWifi.Password); // the demo's router
            string[] endpoint = hub.Split(':');
            var connection = JsonLineConnection.Connect(endpoint[0], int.Parse(endpoint[1], CultureInfo.InvariantCulture));
            var air = new RemoteAir(connection);
            var gone = new ManualResetEventSlim();
            EmulatedMeshStack radio;
            VirtualSerialPort console = null;
            IDisposable node;
            if (image == "relay")
            {
                var relay = new EmulatedRelayNode(flash, name, air, unicast);
                radio = relay.Radio;
                console = relay.Console;
                node = relay;
            }
            else if (image == "provisioner")
            {
                var provisioner = new EmulatedProvisionerNode(flash, name, air);
                radio = provisioner.Radio;
                console = provisioner.Console;
                node = provisioner;
            }
            else
            {
                var universal = new EmulatedUniversalNode(new UniversalNodeBoardOptions { FlashDirectory = flash, Name = name, Air = air, PreprovisionedAddress = unicast, NoiseSeed = seed });
                radio = universal.Radio;
                console = universal.Console;
                node = universal;
            }

            var gatt = new GattBridgeServer(radio, connection);
            connection.Received += message =>
            {
                string op = (string)message["op"];
                if (op == "rx")
                {
                    air.Deliver(PduJson.FromJson((JsonObject)message["pdu"]));
                }
                else if (op == "console_in" && console != null)
                {
                    console.SendToDevice((string)message["line"] + "\r\n");
                }
                else
                {
                    gatt.Handle(message);
                }
            };
            connection.Closed += () => gone.Set();
            connection.Start();
            connection.Send(new JsonObject { ["op"] = "hello", ["role"] = "radio", ["name"] = name });

            ((EmulatedNode)node).PowerOn();
            if (console != null)
            {
                new Thread(() =>
                {
                    while (console.TryReadLine(Timeout.Infinite, out string line))
                    {
                        connection.Send(new JsonObject { ["op"] = "console_out", ["line"] = line });
                    }
                }) { IsBackground = true }.Start();
            }

            connection.Send(new JsonObject { ["op"] = "ready", ["advertising"] = radio.Gatt.Advertising, ["unicast"] = radio.UnicastAddress });
            gone.Wait();
            return 0;
        }

        /// <summary>Executes the hub's GATT requests on the node's GATT server and forwards its notifications.</summary>
        private sealed class GattBridgeServer
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
}
