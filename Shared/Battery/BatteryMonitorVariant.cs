namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// Which key of the BM6 family a monitor uses (docs/reference/anchors.md §4): the protocol, service and poll are the same,
    /// only the AES key's last byte differs (<see cref="BatteryMonitorKey"/>). Chosen by <c>bm6 use &lt;address&gt; [bm6|bm7]</c>.
    /// </summary>
    public enum BatteryMonitorVariant
    {
        /// <summary>BM6 / BM200: the key ending in <c>'9'</c> (the default, and what a settings file without a variant line means).</summary>
        Bm6 = 0,

        /// <summary>BM7 / BM300 Pro: the key ending in 64 (<c>'@'</c>).</summary>
        Bm7 = 1,
    }
}
