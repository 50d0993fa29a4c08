using System;
using System.IO;
using System.Linq;
using DcMonitor.DeviceConformance;
using DcMonitor.DeviceConformance.Findings;
using DcMonitor.DeviceConformance.Surface;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// The device-conformance check (Tests/DeviceConformance) catches what the host build cannot: each test builds a small
    /// repository tree shaped like ours — a .nfproj with its packages.config, an sdkconfig fragment, native C — with one
    /// defect, and asserts that exactly that defect is reported in its category, at its file and line. The real repository
    /// itself is checked by test.sh (the tool's own run, whose last line docs/testing.md quotes).
    /// </summary>
    public class DeviceConformanceTests : IDisposable
    {
        private static readonly Lazy<(DcMonitor.DeviceConformance.Surface.ApiSurface Surface, ReferenceAssemblies Libraries)> Data = new Lazy<(DcMonitor.DeviceConformance.Surface.ApiSurface, ReferenceAssemblies)>(() =>
        {
            var surface = DcMonitor.DeviceConformance.Surface.ApiSurface.Load(RepositoryPaths.InRoot("Tests", "DeviceConformance", "Reference", "nanoframework-1x-api"));
            return (surface, ReferenceAssemblies.Build(surface));
        });

        private readonly string _root = Path.Combine(Path.GetTempPath(), "dcm-conformance-" + Guid.NewGuid().ToString("N"));

        public DeviceConformanceTests()
        {
            Directory.CreateDirectory(_root);
            File.WriteAllText(Path.Combine(_root, "nuget.config"),
                "<configuration><config><add key=\"repositoryPath\" value=\"packages\" /></config></configuration>");
        }

        public void Dispose()
        {
            Directory.Delete(_root, true);
        }

        [Fact]
        public void AWellFormedProjectUsingParamsOverloadsHasNoFinding()
        {
            WriteProject("Lib", new[] { "mscorlib" }, "namespace Lib { public static class Texts { public static string[] Parts(string s) => s.Split(','); "
                + "public static string Line(int x) => string.Format(\"{0}:{1}\", x, x + 1) + $\"{x}\"; public static string Trimmed(string s) => s.Trim(' ', '\\t'); } }");
            ConformanceReport report = Check();
            Assert.True(report.Clean, string.Join(Environment.NewLine, report.Findings));
            Assert.Equal("device-conformance: projects=1 types=" + report.TypesUsed + " members=" + report.MembersUsed
                + " missing-references=0 unknown-apis=0 unknown-kconfig=0 unresolved-calls=0", report.SummaryLine());
            Assert.True(report.MembersUsed >= 3);
        }

        [Fact]
        public void ATypeFromAnUnreferencedLibraryIsAMissingReferenceNamingThePackage()
        {
            WriteProject("Lib", new[] { "mscorlib" }, "namespace Lib {\n public static class Texts {\n  public static string Build() { var text = new System.Text.StringBuilder(); return text.ToString(); } } }");
            Finding finding = Assert.Single(Check().Findings);
            Assert.Equal(FindingCategory.MissingReference, finding.Category);
            Assert.Equal("Lib/Source.cs", finding.File);
            Assert.Equal(3, finding.Line);
            Assert.Contains("nanoFramework.System.Text", finding.What);
            Assert.Contains("nanoFramework.System.Text.1.3.42", finding.Fix);
        }

        [Fact]
        public void AnOverloadTheRealLibraryLacksIsAnUnknownApi()
        {
            // .NET has string.Contains(char); nanoFramework's mscorlib has only Contains(string).
            WriteProject("Lib", new[] { "mscorlib" }, "namespace Lib {\n public static class Texts {\n\n  public static bool HasComma(string s) => s.Contains(','); } }");
            Finding finding = Assert.Single(Check().Findings);
            Assert.Equal(FindingCategory.UnknownApi, finding.Category);
            Assert.Equal(4, finding.Line);
            Assert.Contains("CS1503", finding.What);
        }

        [Fact]
        public void AGenericDefinitionIsAnUnknownApiEvenThoughItCompiles()
        {
            WriteProject("Lib", new[] { "mscorlib" }, "namespace Lib {\n public sealed class Box<T> { public T Value; } }");
            Finding finding = Assert.Single(Check().Findings);
            Assert.Equal(FindingCategory.UnknownApi, finding.Category);
            Assert.Contains("generic type definition Box<T>", finding.What);
            Assert.Equal(2, finding.Line);
        }

        [Fact]
        public void AReferenceNothingNeedsIsReported()
        {
            WriteProject("Lib", new[] { "mscorlib", "nanoFramework.System.Text" }, "namespace Lib { public static class Nothing { } }");
            Finding finding = Assert.Single(Check().Findings);
            Assert.Equal(FindingCategory.MissingReference, finding.Category);
            Assert.Contains("nanoFramework.System.Text is not used", finding.What);
            Assert.Equal("Lib/Lib.nfproj", finding.File);
        }

        [Fact]
        public void AHintPathWithoutItsPackagesConfigEntryIsReported()
        {
            WriteProject("Lib", new[] { "mscorlib", "nanoFramework.System.Text" }, "namespace Lib { public static class T { public static object M() => new System.Text.StringBuilder(); } }");
            string config = Path.Combine(_root, "Lib", "packages.config");
            File.WriteAllText(config, File.ReadAllText(config).Replace("<package id=\"nanoFramework.System.Text\" version=\"1.3.42\" targetFramework=\"netnano1.0\" />", string.Empty));
            Finding finding = Assert.Single(Check().Findings);
            Assert.Equal(FindingCategory.MissingReference, finding.Category);
            Assert.Contains("nanoFramework.System.Text.1.3.42 matches no entry", finding.What);
        }

        [Fact]
        public void AnOptionEspIdfDoesNotKnowIsReportedAtItsLine()
        {
            WriteFragment("CONFIG_BLE_MESH=y\n# comment\nCONFIG_BLE_MESH_NOT_AN_OPTION=y\n");
            Finding finding = Assert.Single(Check().Findings);
            Assert.Equal(FindingCategory.UnknownKconfig, finding.Category);
            Assert.Equal("native-mesh-interop/native/firmware/sdkconfig.test", finding.File);
            Assert.Equal(3, finding.Line);
            Assert.Contains("CONFIG_BLE_MESH_NOT_AN_OPTION", finding.What);
        }

        [Fact]
        public void ACallTheBtComponentDoesNotDefineIsUnresolved()
        {
            // The sensor client model is off in our configuration, so its callback registration does not link.
            WriteFragment("CONFIG_BLE_MESH=y\n");
            WriteNative("esp/dcm_sensor.c", "#include <string.h>\nstatic int dcm_local(int x) { return x; }\n/* esp_ble_mesh_fake_in_comment(); */\n"
                + "int dcm_start(void)\n{\n    memset(0, 0, 0);\n    esp_ble_mesh_init(0, 0);\n    esp_ble_mesh_register_sensor_client_callback(0);\n    return dcm_local(1);\n}\n");
            Finding finding = Assert.Single(Check().Findings);
            Assert.Equal(FindingCategory.UnresolvedCall, finding.Category);
            Assert.Equal("native-mesh-interop/native/esp/dcm_sensor.c", finding.File);
            Assert.Equal(8, finding.Line);
            Assert.StartsWith("esp_ble_mesh_register_sensor_client_callback ", finding.What);
        }

        [Fact]
        public void AFragmentAllowListedCallNeedsItsOptionInTheFragment()
        {
            string lists = Path.Combine(_root, "lists");
            Directory.CreateDirectory(lists);
            File.Copy(RepositoryPaths.InRoot("Tests", "DeviceConformance", "Native", "platform-calls.tsv"), Path.Combine(lists, "platform-calls.tsv"));
            File.WriteAllText(Path.Combine(lists, "fragment-calls.tsv"), "esp_ble_mesh_register_sensor_client_callback\tCONFIG_BLE_MESH_SENSOR_CLI\ttest\n");
            WriteNative("esp/dcm_sensor.c", "void dcm_start(void) { esp_ble_mesh_register_sensor_client_callback(0); }\n");

            WriteFragment("CONFIG_BLE_MESH=y\n");
            Finding refused = Assert.Single(Check(lists).Findings);
            Assert.Contains("CONFIG_BLE_MESH_SENSOR_CLI", refused.What);

            WriteFragment("CONFIG_BLE_MESH=y\nCONFIG_BLE_MESH_SENSOR_CLI=y\n");
            ConformanceReport accepted = Check(lists);
            Assert.True(accepted.Clean, string.Join(Environment.NewLine, accepted.Findings));
            Assert.Contains(accepted.Notes, note => note.Contains("CONFIG_BLE_MESH_SENSOR_CLI=y"));
        }

        [Fact]
        public void AnOptionHiddenBehindAnOptionTheDataHadOffNeedsThatOptionInTheFragment()
        {
            string lists = Path.Combine(_root, "lists");
            Directory.CreateDirectory(lists);
            File.Copy(RepositoryPaths.InRoot("Tests", "DeviceConformance", "Native", "platform-calls.tsv"), Path.Combine(lists, "platform-calls.tsv"));
            File.WriteAllText(Path.Combine(lists, "fragment-calls.tsv"), "");
            File.WriteAllText(Path.Combine(lists, "fragment-options.tsv"), "CONFIG_BLE_MESH_MAX_DEPS_NODES_PER_PATH\tCONFIG_BLE_MESH_DF_SRV\ttest\n");

            WriteFragment("CONFIG_BLE_MESH=y\nCONFIG_BLE_MESH_MAX_DEPS_NODES_PER_PATH=64\n");
            Finding refused = Assert.Single(Check(lists).Findings);
            Assert.Equal(FindingCategory.UnknownKconfig, refused.Category);

            WriteFragment("CONFIG_BLE_MESH=y\nCONFIG_BLE_MESH_DF_SRV=y\nCONFIG_BLE_MESH_MAX_DEPS_NODES_PER_PATH=64\n");
            ConformanceReport accepted = Check(lists);
            Assert.True(accepted.Clean, string.Join(Environment.NewLine, accepted.Findings));
            Assert.Contains(accepted.Notes, note => note.Contains("CONFIG_BLE_MESH_MAX_DEPS_NODES_PER_PATH=64 is hidden"));
        }

        [Fact]
        public void TheRepositorysDataCopyEqualsTheSharedReferenceWhenItIsBeside()
        {
            string shared = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "reference"));
            if (!Directory.Exists(shared))
            {
                return; // a clone on its own: the copy in the repository is all there is
            }

            foreach (string folder in new[] { "nanoframework-1x-api", "esp-idf-v5.5.4" })
            {
                foreach (string file in Directory.GetFiles(Path.Combine(shared, folder)))
                {
                    string copy = RepositoryPaths.InRoot("Tests", "DeviceConformance", "Reference", folder, Path.GetFileName(file));
                    Assert.True(File.Exists(copy), copy + " is missing: copy the remade data into the repository");
                    Assert.True(File.ReadAllBytes(file).SequenceEqual(File.ReadAllBytes(copy)), copy + " differs from " + file + ": copy the remade data into the repository");
                }
            }
        }

        private ConformanceReport Check(string lists = null)
        {
            return ConformanceCheck.Run(_root, Data.Value.Surface, Data.Value.Libraries,
                RepositoryPaths.InRoot("Tests", "DeviceConformance", "Reference", "esp-idf-v5.5.4"), lists ?? RepositoryPaths.InRoot("Tests", "DeviceConformance", "Native"));
        }

        private void WriteProject(string name, string[] assemblies, string source)
        {
            string folder = Path.Combine(_root, name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Source.cs"), source);
            string references = string.Concat(assemblies.Select(assembly =>
            {
                LibraryAssembly library = Data.Value.Surface.Assemblies[assembly];
                return "<Reference Include=\"" + assembly + "\"><HintPath>..\\packages\\" + library.Package + "." + library.Version + "\\lib\\" + assembly + ".dll</HintPath></Reference>";
            }));
            File.WriteAllText(Path.Combine(folder, name + ".nfproj"),
                "<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\"><PropertyGroup><AssemblyName>" + name + "</AssemblyName></PropertyGroup>"
                + "<ItemGroup><Compile Include=\"Source.cs\" /></ItemGroup><ItemGroup>" + references + "</ItemGroup></Project>");
            File.WriteAllText(Path.Combine(folder, "packages.config"), "<packages>\n" + string.Concat(assemblies.Select(assembly =>
            {
                LibraryAssembly library = Data.Value.Surface.Assemblies[assembly];
                return "<package id=\"" + library.Package + "\" version=\"" + library.Version + "\" targetFramework=\"netnano1.0\" />\n";
            })) + "</packages>");
        }

        private void WriteFragment(string text)
        {
            string folder = Path.Combine(_root, "native-mesh-interop", "native", "firmware");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "sdkconfig.test"), text);
        }

        private void WriteNative(string relative, string text)
        {
            string path = Path.Combine(_root, "native-mesh-interop", "native", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, text);
        }
    }
}
