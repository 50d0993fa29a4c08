using System.Diagnostics;
using DcMonitor.Emulator.Mesh;

namespace DcMonitor.Emulator.Air
{
    /// <summary>The hub's record of one node: how to start it, its process, its radio connection and who is connected to it.</summary>
    public sealed class HubNode
    {
        /// <summary>Name on the air.</summary>
        public string Name { get; init; }

        /// <summary>"universal" or "relay".</summary>
        public string Image { get; init; }

        /// <summary>Unicast address it boots with.</summary>
        public int Unicast { get; init; }

        /// <summary>Flash folder.</summary>
        public string FlashDirectory { get; init; }

        /// <summary>Board number: the order in which the hub declared it (0, 1, …).</summary>
        public int Board { get; init; }

        /// <summary>Noise seed of its INA260.</summary>
        public int Seed { get; init; }

        /// <summary>
        /// The board's Bluetooth address, XX:XX:XX:XX:XX:XX: fixed when the board is declared, from its place in the layout
        /// (like the MAC a real board gets at the factory), so it is the same before and after provisioning and whatever
        /// unicast address the provisioner gives it.
        /// </summary>
        public string Address { get; init; }

        /// <summary>
        /// The address (XX:XX:XX:XX:XX:XX) of a virtual BM6 battery monitor placed beside this node (<see cref="AirHub.PlaceBatteryMonitor"/>),
        /// or null: only this node hears it (docs/battery-monitor.md).
        /// </summary>
        public string BatteryMonitorAddress { get; set; }

        /// <summary>Running process, or null.</summary>
        public Process Process { get; set; }

        /// <summary>The node running in the hub's process (<see cref="AirHub.InProcess"/>), or null.</summary>
        public NodeSession Session { get; set; }

        /// <summary>The node process's radio connection, or null.</summary>
        public JsonLineConnection Radio { get; set; }

        /// <summary>The hub's stand-in for the node on the air (null in process: the node's own radio is on the air).</summary>
        public IRadio Proxy { get; set; }

        /// <summary>True once the node reported its GATT service advertising.</summary>
        public bool Advertising { get; set; }

        /// <summary>True while the hub wants it powered.</summary>
        public bool Powered { get; set; }

        /// <summary>The central connected to it, or null.</summary>
        public CentralSession Central { get; set; }
    }
}
