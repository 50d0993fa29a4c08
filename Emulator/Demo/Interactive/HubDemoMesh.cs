using System;
using System.IO;
using DcMonitor.Emulator.Air;
using DcMonitor.Emulator.Demo.Tables;

namespace DcMonitor.Emulator.Demo.Interactive
{
    /// <summary>The demo console's <see cref="IDemoMesh"/> on the running demo: the air hub and the Pi-compatible gateway console.</summary>
    public sealed class HubDemoMesh : IDemoMesh
    {
        private readonly AirHub _hub;
        private readonly AirGatewayConsole _gateway;
        private readonly Action<string> _consoleChosen;

        /// <summary>Acts on <paramref name="hub"/> and <paramref name="gateway"/>.</summary>
        /// <param name="hub">The air hub with the node processes.</param>
        /// <param name="gateway">The gateway console the Pi's commands go to.</param>
        /// <param name="consoleChosen">Told the node whose serial console was typed on last (its output is echoed).</param>
        public HubDemoMesh(AirHub hub, AirGatewayConsole gateway, Action<string> consoleChosen)
        {
            _hub = hub;
            _gateway = gateway;
            _consoleChosen = consoleChosen;
        }

        /// <inheritdoc/>
        public bool SetPower(string node, bool on) => _hub.SetPower(node, on);

        /// <inheritdoc/>
        public void SetLink(string a, string b, bool inRange, double loss) => _hub.SetLink(a, b, inRange, loss);

        /// <inheritdoc/>
        public void WriteNodes(TextWriter output) => NodesTable.Write(_hub.Nodes(), _gateway.ConnectedTo, output);

        /// <inheritdoc/>
        public void WriteStatistics(TextWriter output) => AirStatisticsTable.Write(_hub.Air, output);

        /// <inheritdoc/>
        public bool TypeOnConsole(string node, string line)
        {
            HubNode target = _hub.Find(node);
            _consoleChosen(node);
            return target != null && _hub.TypeOnConsole(target, line);
        }

        /// <inheritdoc/>
        public bool PairGateway(string node, out string outcome)
        {
            HubNode target = _hub.Find(node);
            if (target == null || target.Image != "universal")
            {
                outcome = "pair: no universal node " + node + " (nodes lists them; relays and the provisioner have no DC-Monitor service)";
                return false;
            }

            return _gateway.Pair(target.Address, out outcome);
        }

        /// <inheritdoc/>
        public bool SendToGateway(string command, out string error)
        {
            bool written = _gateway.Write(command);
            error = written ? null : _gateway.LastWriteError;
            return written;
        }
    }
}
