using System;
using System.Text.Json.Nodes;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// One emulated node connected to the hub: it boots the image on a virtual board whose radio is on <c>air</c>, introduces
    /// itself on the hub connection (<c>hello</c> as a radio, then <c>ready</c>), serves the GATT operations the hub forwards from
    /// a central (<see cref="GattBridgeServer"/>) and forwards its serial console both ways. In a node process (<see cref="NodeProcess"/>)
    /// the air is a <see cref="RemoteAir"/> and the hub's <c>rx</c> lines go to it; in the hub's own process
    /// (<see cref="AirHub.InProcess"/>) the radio is on the hub's <see cref="VirtualAir"/> itself and the connection carries only
    /// the console and GATT. <see cref="Dispose"/> is a power cut.
    /// </summary>
    public sealed class NodeSession : IDisposable
    {
        private readonly JsonLineConnection _connection;
        private readonly EmulatedNode _node;

        private NodeSession(JsonLineConnection connection, EmulatedNode node)
        {
            _connection = connection;
            _node = node;
        }

        /// <summary>
        /// Boots node <paramref name="name"/> (image "universal", "relay" or "provisioner"; flash in <paramref name="flash"/>; provisioned
        /// at <paramref name="unicast"/>, 0 for unprovisioned; INA260 noise seed <paramref name="seed"/>) on <paramref name="air"/>, and
        /// serves it over <paramref name="connection"/>, which it starts.
        /// </summary>
        public static NodeSession Start(JsonLineConnection connection, IAirMedium air, string name, string image, string flash, int unicast, int seed)
        {
            if (VirtualAccessPoint.Find(DcMonitor.Emulator.Demo.DemoWifi.Ssid) == null)
            {
                VirtualAccessPoint.Create(DcMonitor.Emulator.Demo.DemoWifi.Ssid, DcMonitor.Emulator.Demo.DemoWifi.Password); // the demo's router
            }

            EmulatedNode node;
            VirtualSerialPort console;
            if (image == "relay")
            {
                var relay = new EmulatedRelayNode(flash, name, air, unicast);
                console = relay.Console;
                node = relay;
            }
            else if (image == "provisioner")
            {
                var provisioner = new EmulatedProvisionerNode(flash, name, air);
                console = provisioner.Console;
                node = provisioner;
            }
            else
            {
                var universal = new EmulatedUniversalNode(new UniversalNodeBoardOptions { FlashDirectory = flash, Name = name, Air = air, PreprovisionedAddress = unicast, NoiseSeed = seed });
                console = universal.Console;
                node = universal;
            }

            EmulatedMeshStack radio = node.Radio;
            var gatt = new GattBridgeServer(radio, connection);
            var remote = air as RemoteAir;
            connection.Received += message =>
            {
                string op = (string)message["op"];
                if (op == "rx")
                {
                    remote?.Deliver(PduJson.FromJson((JsonObject)message["pdu"]));
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
            connection.Start();
            connection.Send(new JsonObject { ["op"] = "hello", ["role"] = "radio", ["name"] = name });

            node.PowerOn();
            if (console != null)
            {
                new Thread(() =>
                {
                    while (console.TryReadLine(Timeout.Infinite, out string line))
                    {
                        connection.Send(new JsonObject { ["op"] = "console_out", ["line"] = line });
                    }
                }) { IsBackground = true, Name = name + " console" }.Start();
            }

            connection.Send(new JsonObject { ["op"] = "ready", ["advertising"] = radio.Gatt.Advertising, ["unicast"] = radio.UnicastAddress });
            return new NodeSession(connection, node);
        }

        /// <summary>Power cut: the radio leaves the air, the image stops, the hub connection closes.</summary>
        public void Dispose()
        {
            _node.Dispose();
            _connection.Dispose();
        }
    }
}
