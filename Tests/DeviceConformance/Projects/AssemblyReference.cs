namespace DcMonitor.DeviceConformance.Projects
{
    /// <summary>A <c>&lt;Reference&gt;</c> of a device project: the assembly name, its HintPath and the line it is on.</summary>
    public sealed class AssemblyReference
    {
        /// <summary>Creates the record.</summary>
        /// <param name="assemblyName">The Include attribute (assembly name).</param>
        /// <param name="hintPath">The HintPath with forward slashes, or null.</param>
        /// <param name="line">1-based line of the element in the project file.</param>
        public AssemblyReference(string assemblyName, string hintPath, int line)
        {
            AssemblyName = assemblyName;
            HintPath = hintPath;
            Line = line;
        }

        /// <summary>The assembly name.</summary>
        public string AssemblyName { get; }

        /// <summary>The HintPath with forward slashes, or null.</summary>
        public string HintPath { get; }

        /// <summary>1-based line in the project file.</summary>
        public int Line { get; }
    }
}
