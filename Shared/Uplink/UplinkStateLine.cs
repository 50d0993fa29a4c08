namespace DcMonitor.Shared.Uplink
{
    /// <summary>
    /// The console's one line on a node's uplink (<c>uplink</c> state), rebuilt only when one of its figures changed: the
    /// uplink's once-a-second tick hands it the figures, and an idle tick (nothing changed) allocates nothing (issue 16).
    /// The text is exactly what the tick formatted before, e.g. <c>bridge is 0x0005, broker not connected, 0 readings queued,
    /// 0 dropped, 0 missed on the mesh, 0 published, 2 nodes known, energy 12 mWh</c>. Written by one thread (the worker), read by any: the text is
    /// one reference, replaced whole.
    /// </summary>
    public sealed class UplinkStateLine
    {
        private bool _built;
        private bool _bridging;
        private int _bridge;
        private bool _connected;
        private int _waiting;
        private int _dropped;
        private int _missed;
        private int _published;
        private int _knownNodes;
        private uint _energyMilliwattHours;
        private string _text = "starting";

        /// <summary>The line as of the last <see cref="Update"/>; "starting" before the first.</summary>
        public string Text => _text;

        /// <summary>
        /// The figures as of now; the text is rebuilt only when one differs from the last call's (or on the first call).
        /// </summary>
        /// <param name="bridging">This node is the elected bridge.</param>
        /// <param name="bridge">The bridge this node sees, mesh unicast address (0: none heard).</param>
        /// <param name="connected">The broker connection is up.</param>
        /// <param name="waiting">Readings queued for the broker.</param>
        /// <param name="dropped">Readings dropped from the queue (full).</param>
        /// <param name="missed">Readings missed on the mesh (gaps in the nodes' sequence numbers, UplinkBridge.ReadingsMissed).</param>
        /// <param name="published">Readings published to the broker.</param>
        /// <param name="knownNodes">Nodes whose identity is known.</param>
        /// <param name="energyMilliwattHours">Energy counted by this node, mWh.</param>
        /// <returns>True when the text was rebuilt.</returns>
        public bool Update(bool bridging, int bridge, bool connected, int waiting, int dropped, int missed, int published, int knownNodes, uint energyMilliwattHours)
        {
            if (_built && bridging == _bridging && bridge == _bridge && connected == _connected && waiting == _waiting
                && dropped == _dropped && missed == _missed && published == _published && knownNodes == _knownNodes && energyMilliwattHours == _energyMilliwattHours)
            {
                return false;
            }

            _built = true;
            _bridging = bridging;
            _bridge = bridge;
            _connected = connected;
            _waiting = waiting;
            _dropped = dropped;
            _missed = missed;
            _published = published;
            _knownNodes = knownNodes;
            _energyMilliwattHours = energyMilliwattHours;
            _text = (bridging ? "bridge" : bridge == 0 ? "no bridge heard" : "bridge is 0x" + bridge.ToString("X4"))
                + ", broker " + (connected ? "connected" : "not connected") + ", " + waiting.ToString() + " readings queued, " + dropped.ToString() + " dropped, "
                + missed.ToString() + " missed on the mesh, " + published.ToString() + " published, " + knownNodes.ToString() + " nodes known, energy " + energyMilliwattHours.ToString() + " mWh";
            return true;
        }
    }
}
