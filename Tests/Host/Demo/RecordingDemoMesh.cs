using System.Collections.Generic;
using System.IO;
using DcMonitor.Emulator.Demo.Interactive;

namespace DcMonitor.Tests.Demo
{
    /// <summary>An <see cref="IDemoMesh"/> that records what the console asked of it, with node-0..node-3 and relay-0.</summary>
    internal sealed class RecordingDemoMesh : IDemoMesh
    {
        private static readonly HashSet<string> Known = new HashSet<string> { "node-0", "node-1", "node-2", "node-3", "relay-0" };

        /// <summary>Every call, one line each (e.g. <c>power node-1 off</c>, <c>gateway 1:READ</c>).</summary>
        public List<string> Calls { get; } = new List<string>();

        /// <summary>When set, gateway writes fail with this reason.</summary>
        public string GatewayError { get; set; }

        public bool SetPower(string node, bool on)
        {
            Calls.Add("power " + node + " " + (on ? "on" : "off"));
            return Known.Contains(node);
        }

        public void SetLink(string a, string b, bool inRange, double loss) =>
            Calls.Add("link " + a + " " + b + " " + (inRange ? "in" : "out") + " " + loss.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public void WriteNodes(TextWriter output)
        {
            Calls.Add("nodes");
            output.WriteLine("(nodes table)");
        }

        public void WriteStatistics(TextWriter output)
        {
            Calls.Add("stats");
            output.WriteLine("(stats tables)");
        }

        public bool TypeOnConsole(string node, string line)
        {
            Calls.Add("console " + node + " [" + line + "]");
            return Known.Contains(node);
        }

        public bool PairGateway(string node, out string outcome)
        {
            Calls.Add("pair " + node);
            outcome = Known.Contains(node) ? "gateway: pairing with " + node + ": bonded" : "pair: no universal node " + node;
            return Known.Contains(node);
        }

        public bool SendToGateway(string command, out string error)
        {
            Calls.Add("gateway " + command);
            error = GatewayError;
            return GatewayError == null;
        }
    }
}
