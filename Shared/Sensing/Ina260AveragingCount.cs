namespace DcMonitor.Shared.Sensing
{
    /// <summary>
    /// AVG field, Configuration bits 11:9: how many samples the INA260 averages per result (TI SBOS656C,
    /// configuration register; docs/reference/anchors.md §1.3).
    /// </summary>
    public enum Ina260AveragingCount
    {
        /// <summary>1 sample (power-on value).</summary>
        Samples1 = 0,

        /// <summary>4 samples.</summary>
        Samples4 = 1,

        /// <summary>16 samples.</summary>
        Samples16 = 2,

        /// <summary>64 samples (what the seed's 0x6727 selects, although its comments say 1024).</summary>
        Samples64 = 3,

        /// <summary>128 samples.</summary>
        Samples128 = 4,

        /// <summary>256 samples.</summary>
        Samples256 = 5,

        /// <summary>512 samples.</summary>
        Samples512 = 6,

        /// <summary>1024 samples.</summary>
        Samples1024 = 7,
    }
}
