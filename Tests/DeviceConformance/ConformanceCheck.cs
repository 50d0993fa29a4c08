using System.Collections.Generic;
using System.IO;
using System.Linq;
using DcMonitor.DeviceConformance.Checks;
using DcMonitor.DeviceConformance.Findings;
using DcMonitor.DeviceConformance.Projects;
using DcMonitor.DeviceConformance.Surface;

namespace DcMonitor.DeviceConformance
{
    /// <summary>
    /// The whole device-conformance check of one repository: project files, managed code against the real
    /// nanoFramework 1.x surface, the sdkconfig fragment against ESP-IDF v5.5.4, native calls against the bt component.
    /// </summary>
    public static class ConformanceCheck
    {
        /// <summary>Runs every check.</summary>
        /// <param name="repositoryRoot">The repository (or a test tree shaped like it).</param>
        /// <param name="dataFolder">The reference data: a folder with nanoframework-1x-api/ and esp-idf-v5.5.4/.</param>
        /// <param name="listsFolder">The folder with platform-calls.tsv, fragment-calls.tsv and fragment-options.tsv.</param>
        /// <exception cref="FileNotFoundException">A data file is missing.</exception>
        /// <exception cref="InvalidDataException">A data or list file is malformed.</exception>
        public static ConformanceReport Run(string repositoryRoot, string dataFolder, string listsFolder)
        {
            ApiSurface surface = ApiSurface.Load(Path.Combine(dataFolder, "nanoframework-1x-api"));
            return Run(repositoryRoot, surface, ReferenceAssemblies.Build(surface), Path.Combine(dataFolder, "esp-idf-v5.5.4"), listsFolder);
        }

        /// <summary>Runs every check with the library surface already loaded (tests check many trees against one surface).</summary>
        /// <param name="repositoryRoot">The repository (or a test tree shaped like it).</param>
        /// <param name="surface">The real nanoFramework 1.x surface.</param>
        /// <param name="libraries">Reference assemblies built from <paramref name="surface"/>.</param>
        /// <param name="espIdfData">The esp-idf-v5.5.4 data folder.</param>
        /// <param name="listsFolder">The folder with platform-calls.tsv, fragment-calls.tsv and fragment-options.tsv.</param>
        public static ConformanceReport Run(string repositoryRoot, ApiSurface surface, ReferenceAssemblies libraries, string espIdfData, string listsFolder)
        {
            var report = new ConformanceReport();
            List<DeviceProject> projects = DeviceProject.Find(repositoryRoot).Select(path => DeviceProject.Load(path, repositoryRoot)).ToList();

            Dictionary<string, string> pins = ProjectFileCheck.Run(projects, surface, repositoryRoot, report);
            new ManagedApiCheck(surface, libraries, repositoryRoot, report) { Pins = pins }.Run(projects);

            Dictionary<string, string> fragment = KconfigCheck.Run(repositoryRoot, Path.Combine(espIdfData, "sdkconfig.dcmonitor.esp32c6.full"), listsFolder, report);
            NativeCallCheck.Run(repositoryRoot, espIdfData, listsFolder, fragment, report);
            return report;
        }
    }
}
