using System;
using DcMonitor.MeshInterop;
using DcMonitor.Shared;
using DcMonitor.Shared.Terminal;

namespace DcMonitor.RelayNode.Terminal
{
    /// <summary>
    /// The relay node's serial console: <c>version</c> (image name and firmware version), <c>status</c> (provisioned or
    /// not, unicast address, Relay feature, default TTL, uptime in seconds), <c>help</c>. Anything else is answered with
    /// an <c>error: …</c> line naming the command. Commands are answered on the console's reader thread: they only read
    /// the stack's state.
    /// </summary>
    public sealed class RelayConsole
    {
        /// <summary>The line <c>help</c> prints.</summary>
        public const string HelpLine = "commands: status | version | help";

        private readonly SerialConsole _console;
        private readonly MeshNode _mesh;
        private readonly MeshState _state = new MeshState();
        private readonly object _stateGate = new object();

        /// <summary>Attaches to <paramref name="console"/>; <paramref name="mesh"/> is null when the firmware has no mesh.</summary>
        public RelayConsole(SerialConsole console, MeshNode mesh)
        {
            _console = console;
            _mesh = mesh;
            console.LineReceived += OnLine;
        }

        private void OnLine(string line)
        {
            string command = line.Trim().ToLower();
            if (command.Length == 0)
            {
                return;
            }

            if (command == "help")
            {
                _console.WriteLine(HelpLine);
            }
            else if (command == "version")
            {
                _console.WriteLine(FirmwareVersion.Banner(RelayNodeApp.ImageName));
            }
            else if (command == "status")
            {
                _console.WriteLine(Status());
            }
            else
            {
                _console.WriteLine("error: unknown command '" + command + "' (type 'help')");
            }
        }

        private string Status()
        {
            string uptime = ", up " + (Environment.TickCount64 / 1000).ToString() + " s";
            if (_mesh == null)
            {
                return "BLE Mesh unavailable" + uptime;
            }

            lock (_stateGate)
            {
                if (!_mesh.ReadState(_state))
                {
                    return "error: the mesh stack did not report its state" + uptime;
                }

                if (!_state.IsProvisioned)
                {
                    return "not provisioned (waiting for the provisioner)" + uptime;
                }

                return "provisioned at 0x" + _state.UnicastAddress.ToString("X4") + ", relay " + (_state.RelayEnabled ? "on" : "off")
                    + ", default TTL " + _state.DefaultTtl.ToString() + uptime;
            }
        }
    }
}
