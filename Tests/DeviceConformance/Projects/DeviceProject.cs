using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace DcMonitor.DeviceConformance.Projects
{
    /// <summary>
    /// A device project (<c>.nfproj</c>) as the nanoFramework project system reads it: assembly name, the source
    /// files it lists, its <c>&lt;Reference&gt;</c>s, project references and its packages.config.
    /// </summary>
    public sealed class DeviceProject
    {
        private static readonly XNamespace Msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

        private DeviceProject()
        {
        }

        /// <summary>Full path of the .nfproj.</summary>
        public string Path { get; private set; }

        /// <summary>Repository-relative path of the .nfproj with forward slashes.</summary>
        public string RelativePath { get; private set; }

        /// <summary>The AssemblyName property.</summary>
        public string AssemblyName { get; private set; }

        /// <summary>Full paths of the Compile items.</summary>
        public List<string> Sources { get; } = new List<string>();

        /// <summary>The Reference items.</summary>
        public List<AssemblyReference> References { get; } = new List<AssemblyReference>();

        /// <summary>Full paths of the ProjectReference items.</summary>
        public List<string> ProjectReferences { get; } = new List<string>();

        /// <summary>The packages.config entries (empty when the file is missing).</summary>
        public List<PackageEntry> Packages { get; } = new List<PackageEntry>();

        /// <summary>Repository-relative path of packages.config.</summary>
        public string PackagesConfigRelativePath { get; private set; }

        /// <summary>Reads a device project.</summary>
        /// <param name="path">Full path of the .nfproj.</param>
        /// <param name="repositoryRoot">The repository root, for relative paths.</param>
        /// <exception cref="InvalidDataException">The file is not a readable MSBuild project or has no AssemblyName.</exception>
        public static DeviceProject Load(string path, string repositoryRoot)
        {
            XDocument document;
            try
            {
                document = XDocument.Load(path, LoadOptions.SetLineInfo);
            }
            catch (XmlException error)
            {
                throw new InvalidDataException(path + ": not a readable project file: " + error.Message, error);
            }

            string directory = System.IO.Path.GetDirectoryName(path);
            var project = new DeviceProject
            {
                Path = path,
                RelativePath = Relative(repositoryRoot, path),
                AssemblyName = document.Descendants(Msbuild + "AssemblyName").Select(element => element.Value.Trim()).FirstOrDefault(),
            };
            if (string.IsNullOrEmpty(project.AssemblyName))
            {
                throw new InvalidDataException(path + ": no <AssemblyName>");
            }

            foreach (XElement compile in document.Descendants(Msbuild + "Compile"))
            {
                project.Sources.Add(Combine(directory, (string)compile.Attribute("Include")));
            }

            foreach (XElement reference in document.Descendants(Msbuild + "Reference"))
            {
                string hint = reference.Element(Msbuild + "HintPath")?.Value.Trim().Replace('\\', '/');
                project.References.Add(new AssemblyReference(((string)reference.Attribute("Include")).Split(',')[0].Trim(), hint, ((IXmlLineInfo)reference).LineNumber));
            }

            foreach (XElement reference in document.Descendants(Msbuild + "ProjectReference"))
            {
                project.ProjectReferences.Add(Combine(directory, (string)reference.Attribute("Include")));
            }

            string packagesConfig = System.IO.Path.Combine(directory, "packages.config");
            project.PackagesConfigRelativePath = Relative(repositoryRoot, packagesConfig);
            if (File.Exists(packagesConfig))
            {
                XDocument packages = XDocument.Load(packagesConfig, LoadOptions.SetLineInfo);
                foreach (XElement package in packages.Descendants("package"))
                {
                    project.Packages.Add(new PackageEntry((string)package.Attribute("id"), (string)package.Attribute("version"), ((IXmlLineInfo)package).LineNumber));
                }
            }

            return project;
        }

        /// <summary>Every .nfproj under the root (bin, obj and dot-folders skipped), in a stable order.</summary>
        public static IEnumerable<string> Find(string repositoryRoot)
        {
            return Directory.EnumerateFiles(repositoryRoot, "*.nfproj", SearchOption.AllDirectories)
                .Where(path => !Relative(repositoryRoot, path).Split('/').Any(part => part == "bin" || part == "obj" || part.StartsWith(".", StringComparison.Ordinal)))
                .OrderBy(path => path, StringComparer.Ordinal);
        }

        /// <summary>A repository-relative path with forward slashes.</summary>
        public static string Relative(string repositoryRoot, string path)
        {
            return System.IO.Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/');
        }

        private static string Combine(string directory, string include)
        {
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, include.Replace('\\', '/')));
        }
    }
}
