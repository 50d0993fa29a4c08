namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// One fixed directed-forwarding path as the emulated stack keeps it in its settings storage (<see cref="MeshSettings.FixedPaths"/>):
    /// path origin, path target, whether the backward path is validated, and the dependent origins as (first address, length) pairs.
    /// ESP-IDF's closed library stores its forwarding table in NVS or not (not documented, docs/directed-forwarding.md); the emulator
    /// keeps it, as it keeps every other Config Server state.
    /// </summary>
    public sealed class FixedPathSetting
    {
        /// <summary>Primary element address of the path origin (0x0001–0x7FFF).</summary>
        public int PathOrigin { get; set; }

        /// <summary>Unicast address of the path target (0x0001–0x7FFF).</summary>
        public int PathTarget { get; set; }

        /// <summary>True for a two-way path (backward path validated).</summary>
        public bool TwoWay { get; set; }

        /// <summary>Dependent origin ranges as (first address, length) pairs; empty when none.</summary>
        public int[] DependentOrigins { get; set; } = new int[0];
    }
}
