namespace DcMonitor.DeviceConformance.Projects
{
    /// <summary>A <c>&lt;package&gt;</c> line of a device project's packages.config.</summary>
    public sealed class PackageEntry
    {
        /// <summary>Creates the record.</summary>
        /// <param name="id">NuGet package id.</param>
        /// <param name="version">Pinned version.</param>
        /// <param name="line">1-based line in packages.config.</param>
        public PackageEntry(string id, string version, int line)
        {
            Id = id;
            Version = version;
            Line = line;
        }

        /// <summary>NuGet package id.</summary>
        public string Id { get; }

        /// <summary>Pinned version.</summary>
        public string Version { get; }

        /// <summary>1-based line in packages.config.</summary>
        public int Line { get; }
    }
}
