using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// The device build cannot run here, so its project files are checked for what would break it: the
    /// nanoFramework project-system format, C# 9, every source file compiled (the host build globs, the .nfproj
    /// lists), HintPaths that match packages.config, stable 1.x package versions, and nf.sln naming them all.
    /// </summary>
    public class DeviceProjectTests
    {
        private const string NanoFrameworkProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";
        private static readonly XNamespace Msbuild = "http://schemas.microsoft.com/developer/msbuild/2003";

        public static IEnumerable<object[]> Projects()
        {
            return SolutionProjects().Select(entry => new object[] { entry.Path });
        }

        [Fact]
        public void TheSolutionHoldsEveryDeviceProject()
        {
            string[] listed = SolutionProjects().Select(entry => entry.Path).OrderBy(path => path, StringComparer.Ordinal).ToArray();
            string[] expected =
            {
                "Provisioner/Provisioner.nfproj", "RelayNode/RelayNode.nfproj", "Shared/Shared.nfproj",
                "Tests/NFUnitTest/NFUnitTest.nfproj", "UniversalNode/UniversalNode.nfproj",
                "native-mesh-interop/managed/MeshInterop.nfproj",
            };
            Assert.Equal(expected.OrderBy(path => path, StringComparer.Ordinal), listed);
            string[] onDisk = Directory.GetFiles(RepositoryPaths.Root, "*.nfproj", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'))
                .Where(path => !path.Contains("/bin/") && !path.Contains("/obj/"))
                .OrderBy(path => path, StringComparer.Ordinal).ToArray();
            Assert.Equal(listed, onDisk);
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void UsesTheNanoFrameworkProjectSystemAndCSharp9(string project)
        {
            XDocument document = XDocument.Load(RepositoryPaths.InRoot(project));
            Assert.Contains(NanoFrameworkProjectType, Property(document, "ProjectTypeGuids"));
            Assert.Equal("9.0", Property(document, "LangVersion"));
            string[] imports = document.Descendants(Msbuild + "Import").Select(import => (string)import.Attribute("Project")).ToArray();
            Assert.Equal(
                new[] { "$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props", "$(NanoFrameworkProjectSystemPath)NFProjectSystem.props", "$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets" },
                imports);
            string guid = Property(document, "ProjectGuid");
            Assert.Contains(SolutionProjects(), entry => entry.Path == project && string.Equals(entry.Guid, guid, StringComparison.OrdinalIgnoreCase));
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void CompilesExactlyTheSourceFilesOfItsFolder(string project)
        {
            string folder = Path.GetDirectoryName(RepositoryPaths.InRoot(project));
            XDocument document = XDocument.Load(RepositoryPaths.InRoot(project));
            string[] compiled = document.Descendants(Msbuild + "Compile").Select(item => ((string)item.Attribute("Include")).Replace('\\', '/')).OrderBy(path => path, StringComparer.Ordinal).ToArray();
            string[] onDisk = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
                .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
                .OrderBy(path => path, StringComparer.Ordinal).ToArray();
            Assert.Equal(onDisk, compiled);
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void ReferencesMatchPackagesConfigAndStayOnTheStableLine(string project)
        {
            string folder = Path.GetDirectoryName(RepositoryPaths.InRoot(project));
            XDocument document = XDocument.Load(RepositoryPaths.InRoot(project));
            var packages = XDocument.Load(Path.Combine(folder, "packages.config")).Root.Elements("package")
                .ToDictionary(package => (string)package.Attribute("id"), package => (string)package.Attribute("version"));

            Assert.Equal("1.17.11", packages["nanoFramework.CoreLibrary"]);
            Assert.All(packages.Values, version => Assert.DoesNotContain("preview", version));

            string packagesFolder = Path.GetRelativePath(folder, RepositoryPaths.InRoot("packages")).Replace('/', '\\');
            var used = new HashSet<string>();
            foreach (string hint in document.Descendants(Msbuild + "HintPath").Select(element => element.Value))
            {
                Match match = Regex.Match(hint, "^" + Regex.Escape(packagesFolder) + @"\\(?<id>[A-Za-z0-9.]+?)\.(?<version>\d+\.\d+\.\d+)\\lib\\[^\\]+\.(dll|exe)$");
                Assert.True(match.Success, project + ": unexpected HintPath " + hint);
                string id = match.Groups["id"].Value;
                Assert.True(packages.ContainsKey(id), project + ": " + id + " is not in packages.config");
                Assert.Equal(packages[id], match.Groups["version"].Value);
                used.Add(id);
            }

            Assert.Equal(packages.Keys.OrderBy(id => id), used.OrderBy(id => id));
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void ProjectReferencesPointAtSolutionProjects(string project)
        {
            string folder = Path.GetDirectoryName(RepositoryPaths.InRoot(project));
            XDocument document = XDocument.Load(RepositoryPaths.InRoot(project));
            foreach (string include in document.Descendants(Msbuild + "ProjectReference").Select(element => (string)element.Attribute("Include")))
            {
                string target = Path.GetRelativePath(RepositoryPaths.Root, Path.GetFullPath(Path.Combine(folder, include.Replace('\\', '/')))).Replace('\\', '/');
                Assert.Contains(SolutionProjects(), entry => entry.Path == target);
            }
        }

        private static string Property(XDocument document, string name)
        {
            return document.Descendants(Msbuild + name).Select(element => element.Value).Single();
        }

        private static List<(string Path, string Guid)> SolutionProjects()
        {
            var entries = new List<(string, string)>();
            foreach (string line in File.ReadAllLines(RepositoryPaths.InRoot("nf.sln")))
            {
                Match match = Regex.Match(line, "^Project\\(\"" + Regex.Escape(NanoFrameworkProjectType) + "\"\\) = \"[^\"]+\", \"(?<path>[^\"]+)\", \"\\{(?<guid>[0-9A-F-]+)\\}\"");
                if (match.Success)
                {
                    entries.Add((match.Groups["path"].Value.Replace('\\', '/'), match.Groups["guid"].Value));
                }
            }

            return entries;
        }
    }
}
