namespace DcMonitor.DeviceConformance.Surface
{
    /// <summary>A real nanoFramework library assembly and the NuGet package that ships it (a line of assemblies.tsv).</summary>
    public sealed class LibraryAssembly
    {
        /// <summary>Creates the record.</summary>
        /// <param name="name">Assembly name, e.g. <c>System.Device.I2c</c>.</param>
        /// <param name="package">NuGet package id, e.g. <c>nanoFramework.System.Device.I2c</c>.</param>
        /// <param name="version">The package version the surface was taken from, e.g. <c>1.1.29</c>.</param>
        public LibraryAssembly(string name, string package, string version)
        {
            Name = name;
            Package = package;
            Version = version;
        }

        /// <summary>Assembly name.</summary>
        public string Name { get; }

        /// <summary>NuGet package id.</summary>
        public string Package { get; }

        /// <summary>The package version the surface was taken from.</summary>
        public string Version { get; }
    }
}
