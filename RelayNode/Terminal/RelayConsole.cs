using System;
using DcMonitor.MeshInterop;
using DcMonitor.Shared;
using DcMonitor.Shared.Provisioning;
using DcMonitor.Shared.Terminal;

namespace DcMonitor.RelayNode.Terminal
{
    /// <summary>
    /// The relay node's serial console: <c>version</c> (image name and firmware version), <c>status</c> (provisioned or
    /// not, unicast address, Relay feature, default TTL, uptime in seconds), <c>oob</c> lines (the provisioning secret,
    /// <see cref="StaticOobSetting"/>), <c>help</c>. Anything else is answered with
    /// an <c>error: …</c> line naming the command. Commands are answered on the console's reader thread: they only read
    /// the stack's state.
    /// </summary>
    public sealed class RelayConsole
    {
        /// <summary>The line <c>help</c> prints.</summary>
        public const string HelpLine = "commands: status | version | oob [HEX|off] | help";

        private readonly SerialConsole _console;
        private readonly MeshNode _mesh;
        private readonly MeshState _state = new MeshState();
        private readonly object _stateGate = new object();
        private readonly StaticOobSetting _staticOob;

        /// <summary>Attaches to <paramref name="console"/>; <paramref name="mesh"/> and <paramref name="staticOob"/> are null when the firmware has no mesh.</summary>
        public RelayConsole(SerialConsole console, MeshNode mesh, StaticOobSetting staticOob)
        {
            _console = console;
            _mesh = mesh;
            _staticOob = staticOob;
            console.LineReceived += OnLine;
        }

        private void OnLine(string line)
        {
            string command = line.Trim().ToLower();
            if (command.Length == 0)
            {
                return;
            }

            if (OobConsoleCommand.Accepts(command))
            {
                if (_staticOob == null)
                {
                    _console.WriteLine("error: BLE Mesh unavailable: no provisioning to authenticate");
                }
                else
                {
                    _staticOob.OnLine(command, _console.WriteLine, IsProvisioned());
                }
            }
            else if (command == "help")
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

        private bool IsProvisioned()
        {
            lock (_stateGate)
            {
                return _mesh.ReadState(_state) && _state.IsProvisioned;
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
