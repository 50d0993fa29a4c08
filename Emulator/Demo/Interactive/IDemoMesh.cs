using System.IO;

namespace DcMonitor.Emulator.Demo.Interactive
{
    /// <summary>What the demo console's commands act on: the mesh's nodes and air, and the Pi-compatible gateway console.</summary>
    public interface IDemoMesh
    {
        /// <summary>Cuts or restores a node's power; false when there is no node of that name.</summary>
        bool SetPower(string node, bool on);

        /// <summary>Puts two radios (or a radio and a central) in or out of range, each reception lost with <paramref name="loss"/> (0–1).</summary>
        void SetLink(string a, string b, bool inRange, double loss);

        /// <summary>Writes the table of nodes.</summary>
        void WriteNodes(TextWriter output);

        /// <summary>Writes the air's counters per node and per link.</summary>
        void WriteStatistics(TextWriter output);

        /// <summary>Types <paramref name="line"/> on a node's serial console; false when there is no such powered node.</summary>
        bool TypeOnConsole(string node, string line);

        /// <summary>
        /// Pairs the gateway's central with a node as <c>bluetoothctl pair</c> does (asking for the passkey a node in passkey mode shows);
        /// false with the reason in <paramref name="outcome"/> when no bond resulted (no such node, wrong passkey, window closed).
        /// </summary>
        bool PairGateway(string node, out string outcome);

        /// <summary>Writes one of the Pi's commands to the gateway; false with the reason in <paramref name="error"/> when it could not be written.</summary>
        bool SendToGateway(string command, out string error);
    }
}
