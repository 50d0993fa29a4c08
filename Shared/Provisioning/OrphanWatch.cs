namespace DcMonitor.Shared.Provisioning
{
    /// <summary>
    /// Node side of an interrupted admission. A device is provisioned the moment it receives the provisioning data and
    /// answers Complete; if the provisioner loses power before it records that answer, its node table lacks the device's
    /// device key and it can never configure the node, while the node no longer advertises as unprovisioned. A node
    /// provisioned during this boot that receives no configuration at all within <see cref="TimeoutMilliseconds"/> is
    /// therefore an orphan: it resets itself so the provisioner admits it again (at the address its registry keeps for
    /// the UUID). A node provisioned earlier (restored from flash) is never affected.
    /// Not thread-safe: one owner (the image's worker).
    /// </summary>
    public sealed class OrphanWatch
    {
        /// <summary>Time a freshly provisioned node waits for its first configuration message, ms (the provisioner configures a
        /// node within seconds; a provisioner that restarts finds the orphan again after this).</summary>
        public const int TimeoutMilliseconds = 30000;

        private long _deadline;
        private bool _armed;

        /// <summary>The node was provisioned at <paramref name="nowMilliseconds"/>.</summary>
        public void Provisioned(long nowMilliseconds)
        {
            _deadline = nowMilliseconds + TimeoutMilliseconds;
            _armed = true;
        }

        /// <summary>A configuration message arrived (or the node was reset): no orphan.</summary>
        public void Configured()
        {
            _armed = false;
        }

        /// <summary>True when the node was provisioned more than <see cref="TimeoutMilliseconds"/> ago and nothing configured it since.</summary>
        public bool IsOrphan(long nowMilliseconds)
        {
            return _armed && nowMilliseconds >= _deadline;
        }
    }
}
