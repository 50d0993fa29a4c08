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

        /// <summary>Noise seed of its INA260.</summary>
        public int Seed { get; init; }

        /// <summary>Stable Bluetooth address, XX:XX:XX:XX:XX:XX.</summary>
        public string Address => "DC:4D:00:00:" + (Unicast >> 8).ToString("X2") + ":" + (Unicast & 0xFF).ToString("X2");

        /// <summary>Running process, or null.</summary>
        public Process Process { get; set; }

        /// <summary>The node process's radio connection, or null.</summary>
        public JsonLineConnection Radio { get; set; }

        /// <summary>The hub's stand-in for the node on the air.</summary>
        public IRadio Proxy { get; set; }

        /// <summary>True once the node reported its GATT service advertising.</summary>
        public bool Advertising { get; set; }

        /// <summary>True while the hub wants it powered.</summary>
        public bool Powered { get; set; }

        /// <summary>The central connected to it, or null.</summary>
        public CentralSession Central { get; set; }
    }
}
