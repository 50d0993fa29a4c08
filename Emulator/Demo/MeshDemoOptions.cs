namespace DcMonitor.Emulator.Demo
{
    /// <summary>The options of <c>demo</c> (the mesh), as the command line gives them (<see cref="EmulatorCommandLine"/>).</summary>
    public sealed class MeshDemoOptions
    {
        /// <summary>
        /// Most universal nodes: every node id but the last (<see cref="DcMonitor.Shared.Mesh.NodeAddressing.MaximumNodes"/> − 1 = 249),
        /// which the relay takes.
        /// </summary>
        public const int MaximumUniversalNodes = DcMonitor.Shared.Mesh.NodeAddressing.MaximumNodes - 1;

        /// <summary>Universal nodes, 1–<see cref="MaximumUniversalNodes"/> (node ids 0–248; the relay takes the next address).</summary>
        public int Nodes { get; set; } = 4;

        /// <summary>The Pi's commands separated by ';' to run and exit, or null for the interactive console.</summary>
        public string Commands { get; set; }

        /// <summary>Flash folder of the nodes.</summary>
        public string FlashRoot { get; set; }

        /// <summary>True when flash is kept between runs (<c>--keep-flash</c>, or a folder named with <c>--flash-root</c>).</summary>
        public bool KeepFlash { get; set; }

        /// <summary>Port of the air endpoint, 0 for any free one.</summary>
        public int AirPort { get; set; }

        /// <summary>Run every node in the demo's process instead of one OS process each (large meshes; <see cref="DcMonitor.Emulator.Air.AirHub.InProcess"/>).</summary>
        public bool InProcess { get; set; }

        /// <summary>Serve outside clients only, without the gateway console.</summary>
        public bool Headless { get; set; }

        /// <summary>Link supervision timeout, ms.</summary>
        public int SupervisionMilliseconds { get; set; } = 2000;

        /// <summary>Start unprovisioned with the Provisioner image.</summary>
        public bool Fresh { get; set; }

        /// <summary><c>HOST:PORT</c> or <c>local</c> for the MQTT uplink, or null.</summary>
        public string Mqtt { get; set; }

        /// <summary>
        /// The air's model: <see cref="Mesh.AirModel.Timed"/> (the default: airtime, collisions; docs/air-model.md; idle time passes in
        /// real time, so the node processes' real-time waits keep their spacing on the air) or instantaneous (neither, for comparison).
        /// </summary>
        public Mesh.AirModel Air { get; set; } = Mesh.AirModel.Timed;
    }
}
