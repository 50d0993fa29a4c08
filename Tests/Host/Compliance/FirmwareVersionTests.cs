using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// One version for every image: the constant in Shared/FirmwareVersion.cs, the AssemblyVersion of every
    /// Properties/AssemblyInfo.cs (read as text, so the device projects count too), and the newest release in
    /// CHANGELOG.md agree.
    /// </summary>
    public class FirmwareVersionTests
    {
        private static readonly Regex NumberConstant = new Regex(@"public\s+const\s+string\s+Number\s*=\s*""(?<version>[^""]*)""\s*;", RegexOptions.Compiled);
        private static readonly Regex AssemblyVersion = new Regex(@"^\s*\[assembly:\s*(?:System\.Reflection\.)?AssemblyVersion(?:Attribute)?\(\s*""(?<version>[^""]*)""\s*\)\]", RegexOptions.Compiled | RegexOptions.Multiline);
        private static readonly Regex Release = new Regex(@"^## \[(?<version>\d+\.\d+\.\d+)\]", RegexOptions.Compiled | RegexOptions.Multiline);

        private static string VersionInSource()
        {
            var match = NumberConstant.Match(File.ReadAllText(RepositoryPaths.InRoot("Shared", "FirmwareVersion.cs")));
            Assert.True(match.Success, "Shared/FirmwareVersion.cs declares no 'public const string Number = \"...\";'");
            return match.Groups["version"].Value;
        }

        [Fact]
        public void TheVersionIsMajorMinorPatchAndTheCompiledConstantIsTheSource()
        {
            string version = VersionInSource();
            Assert.Matches(@"^\d+\.\d+\.\d+$", version);
            Assert.Equal(DcMonitor.Shared.FirmwareVersion.Number, version);
        }

        [Fact]
        public void EveryAssemblyInfoCarriesTheFirmwareVersion()
        {
            string expected = VersionInSource() + ".0";
            string root = RepositoryPaths.Root;
            var files = Directory.EnumerateFiles(root, "AssemblyInfo.cs", SearchOption.AllDirectories)
                .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(path => path.EndsWith("/Properties/AssemblyInfo.cs", StringComparison.Ordinal))
                .Where(path => !path.Split('/').Any(part => part == "bin" || part == "obj" || part.StartsWith(".", StringComparison.Ordinal)))
                .OrderBy(path => path, StringComparer.Ordinal)
                .ToList();

            Assert.Contains("UniversalNode/Properties/AssemblyInfo.cs", files);
            Assert.Contains("RelayNode/Properties/AssemblyInfo.cs", files);
            Assert.Contains("Provisioner/Properties/AssemblyInfo.cs", files);
            Assert.Contains("Shared/Properties/AssemblyInfo.cs", files);
            foreach (string file in files)
            {
                var versions = AssemblyVersion.Matches(File.ReadAllText(Path.Combine(root, file))).Select(match => match.Groups["version"].Value).ToList();
                Assert.True(versions.Count == 1, file + ": expected one AssemblyVersion, found " + versions.Count);
                Assert.True(versions[0] == expected, file + ": AssemblyVersion " + versions[0] + ", expected " + expected + " (Shared/FirmwareVersion.cs)");
            }
        }

        [Fact]
        public void TheChangelogsNewestReleaseIsTheFirmwareVersion()
        {
            var releases = Release.Matches(File.ReadAllText(RepositoryPaths.InRoot("CHANGELOG.md")));
            Assert.NotEmpty(releases);
            Assert.Equal(VersionInSource(), releases[0].Groups["version"].Value);
        }
    }
}
