using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using DcMonitor.DeviceConformance.Findings;
using DcMonitor.DeviceConformance.Projects;
using DcMonitor.DeviceConformance.Surface;

namespace DcMonitor.DeviceConformance.Checks
{
    /// <summary>
    /// The device projects' package bookkeeping, as Visual Studio restores and resolves it: every
    /// <c>&lt;Reference&gt;</c> has a HintPath into the repository's package folder (nuget.config
    /// <c>repositoryPath</c>) naming the package that ships the assembly (assemblies.tsv) at the version the project's
    /// packages.config pins; every packages.config entry is referenced; one version per package across projects.
    /// </summary>
    public static class ProjectFileCheck
    {
        /// <summary>Checks every project and returns package id → pinned version (the first pin seen).</summary>
        public static Dictionary<string, string> Run(IReadOnlyList<DeviceProject> projects, ApiSurface surface, string repositoryRoot, ConformanceReport report)
        {
            string packagesFolder = PackagesFolder(repositoryRoot, report);
            var pins = new Dictionary<string, (string Version, string Where)>(StringComparer.OrdinalIgnoreCase);
            foreach (DeviceProject project in projects)
            {
                foreach (PackageEntry package in project.Packages)
                {
                    if (pins.TryGetValue(package.Id, out (string Version, string Where) first))
                    {
                        if (first.Version != package.Version)
                        {
                            report.Add(new Finding(FindingCategory.MissingReference, project.PackagesConfigRelativePath, package.Line,
                                package.Id + " " + package.Version + " differs from " + first.Version + " pinned in " + first.Where,
                                "pin one version of each package across all projects"));
                        }
                    }
                    else
                    {
                        pins[package.Id] = (package.Version, project.PackagesConfigRelativePath);
                    }
                }
            }

            foreach (DeviceProject project in projects)
            {
                var packagesUsed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (AssemblyReference reference in project.References)
                {
                    CheckReference(project, reference, surface, packagesFolder, repositoryRoot, packagesUsed, report);
                }

                foreach (PackageEntry package in project.Packages.Where(package => !packagesUsed.Contains(package.Id)))
                {
                    report.Add(new Finding(FindingCategory.MissingReference, project.PackagesConfigRelativePath, package.Line,
                        package.Id + " " + package.Version + " is restored but no <Reference> of " + project.RelativePath + " points into it",
                        "remove the package entry, or add the reference that needs it"));
                }
            }

            return pins.ToDictionary(pair => pair.Key, pair => pair.Value.Version, StringComparer.OrdinalIgnoreCase);
        }

        private static void CheckReference(DeviceProject project, AssemblyReference reference, ApiSurface surface, string packagesFolder, string root,
            HashSet<string> packagesUsed, ConformanceReport report)
        {
            if (reference.HintPath == null)
            {
                report.Add(new Finding(FindingCategory.MissingReference, project.RelativePath, reference.Line,
                    "reference " + reference.AssemblyName + " has no HintPath", "add the HintPath into the packages folder"));
                return;
            }

            string full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project.Path), reference.HintPath));
            string relativeToPackages = Path.GetRelativePath(packagesFolder, full).Replace('\\', '/');
            string[] parts = relativeToPackages.Split('/');
            if (relativeToPackages.StartsWith("..", StringComparison.Ordinal) || parts.Length != 3 || parts[1] != "lib")
            {
                report.Add(new Finding(FindingCategory.MissingReference, project.RelativePath, reference.Line,
                    "HintPath " + reference.HintPath + " does not point to <package>.<version>/lib/<assembly> in " + DeviceProject.Relative(root, packagesFolder),
                    "make the HintPath relative to the project and inside the packages folder nuget.config names"));
                return;
            }

            string file = Path.GetFileNameWithoutExtension(parts[2]);
            if (!string.Equals(file, reference.AssemblyName, StringComparison.Ordinal))
            {
                report.Add(new Finding(FindingCategory.MissingReference, project.RelativePath, reference.Line,
                    "reference " + reference.AssemblyName + " has a HintPath to " + parts[2], "point the HintPath at " + reference.AssemblyName + ".dll"));
            }

            PackageEntry package = project.Packages.FirstOrDefault(entry => parts[0].Equals(entry.Id + "." + entry.Version, StringComparison.OrdinalIgnoreCase));
            if (package == null)
            {
                report.Add(new Finding(FindingCategory.MissingReference, project.RelativePath, reference.Line,
                    "HintPath folder " + parts[0] + " matches no entry of " + project.PackagesConfigRelativePath,
                    "add the package at that version to packages.config, or correct the HintPath's version"));
                return;
            }

            packagesUsed.Add(package.Id);
            if (surface.Assemblies.TryGetValue(reference.AssemblyName, out LibraryAssembly library)
                && !string.Equals(library.Package, package.Id, StringComparison.OrdinalIgnoreCase))
            {
                report.Add(new Finding(FindingCategory.MissingReference, project.RelativePath, reference.Line,
                    reference.AssemblyName + " comes from package " + package.Id + ", but the real library ships in " + library.Package,
                    "take " + reference.AssemblyName + " from " + library.Package));
            }
        }

        private static string PackagesFolder(string root, ConformanceReport report)
        {
            string config = Path.Combine(root, "nuget.config");
            if (File.Exists(config))
            {
                string path = XDocument.Load(config).Descendants("add")
                    .Where(element => (string)element.Attribute("key") == "repositoryPath").Select(element => (string)element.Attribute("value")).FirstOrDefault();
                if (path != null)
                {
                    return Path.GetFullPath(Path.Combine(root, path.Replace('\\', '/')));
                }
            }

            report.Add(new Finding(FindingCategory.MissingReference, "nuget.config", 0,
                "no repositoryPath: packages.config restores would not land where the HintPaths point",
                "set <add key=\"repositoryPath\" value=\"packages\" /> in nuget.config"));
            return Path.Combine(root, "packages");
        }
    }
}
