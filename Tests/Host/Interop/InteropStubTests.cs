using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DcMonitor.InteropStubs;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DcMonitor.Tests.Interop
{
    /// <summary>
    /// The native-methods checksum and the stub method table against nanoFramework's own test vectors (the
    /// MetadataProcessor's CRC unit values and the committed stubs of nanoframework/Samples samples/Interop), and
    /// the committed stubs of our interop against its managed declarations.
    /// </summary>
    [LongRunning(15)]
    public class InteropStubTests
    {
        /// <summary>Where the committed stubs live (InteropAssemblies/DcMonitor.MeshInterop for nf-interpreter).</summary>
        public static string CommittedStubs => RepositoryPaths.InRoot("native-mesh-interop", "native", "InteropAssemblies", "DcMonitor.MeshInterop");

        /// <summary>The native C11 core (native-mesh-interop/native/core).</summary>
        public static string NativeCore => RepositoryPaths.InRoot("native-mesh-interop", "native", "core");

        [Theory]
        [InlineData("123456789", 0u, 0x89A1897Fu)]
        [InlineData("123456789", 0xFFFFFFFFu, 0x0376E6E7u)]
        [InlineData("nullptr", 0u, 0xA6EC4EE3u)]
        [InlineData("NULL", 0u, 0x0AAD7E0Cu)]
        [InlineData("DummyExternMethod___VOID", 0u, 519713657u)]
        public void Crc32MatchesTheMetadataProcessor(string text, uint seed, uint expected)
        {
            Assert.Equal(expected, NanoCrc32.Compute(text, seed));
        }

        [Fact]
        public void TheSampleInteropLibraryGivesItsCommittedChecksumAndTable()
        {
            // The managed shape of nanoframework/Samples samples/Interop/awesome-library (NF.AwesomeLib): two classes,
            // each with one InternalCall method; its committed stubs carry checksum 0xEE794AFB.
            const string source = @"
using System.Runtime.CompilerServices;
[assembly: System.Reflection.AssemblyVersion(""1.0.0.0"")]
[assembly: System.Reflection.AssemblyNativeVersion(""1.0.0.0"")]
namespace NF.AwesomeLib
{
    public class Math
    {
        public double SuperComplicatedCalculation(double value) { return NativeSuperComplicatedCalculation(value); }
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern double NativeSuperComplicatedCalculation(double value);
    }
    public class Utilities
    {
        private static byte[] _hardwareSerial;
        public static byte[] HardwareSerial { get { if (_hardwareSerial == null) { _hardwareSerial = new byte[12]; NativeGetHardwareSerial(_hardwareSerial); } return _hardwareSerial; } }
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void NativeGetHardwareSerial(byte[] data);
    }
}";
            InteropAssembly assembly = Compile("NF.AwesomeLib", new[] { CSharpSyntaxTree.ParseText(source, Options) });
            Assert.Equal(0xEE794AFBu, NativeChecksum.Compute(assembly));
            Assert.Equal(
                new[]
                {
                    "NULL", "NULL", "Library_NF_AwesomeLib_NF_AwesomeLib_Math::NativeSuperComplicatedCalculation___STATIC__R8__R8",
                    "NULL", "NULL", "Library_NF_AwesomeLib_NF_AwesomeLib_Utilities::NativeGetHardwareSerial___STATIC__VOID__SZARRAY_U1",
                },
                NativeChecksum.MethodTable(assembly));
            Assert.Equal(new[] { 1, 0, 0, 0 }, assembly.NativeVersion);
        }

        [Fact]
        public void TheChecksumChangesWhenTheNativeSurfaceChanges()
        {
            string Declaration(string parameters) => "namespace N { public class C { [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)] public static extern int F(" + parameters + "); } }";
            uint one = NativeChecksum.Compute(Compile("A", new[] { CSharpSyntaxTree.ParseText(Declaration("int a"), Options) }));
            uint two = NativeChecksum.Compute(Compile("A", new[] { CSharpSyntaxTree.ParseText(Declaration("int a, bool b"), Options) }));
            Assert.NotEqual(0u, one);
            Assert.NotEqual(one, two);
            Assert.Equal(0u, NativeChecksum.Compute(Compile("A", new[] { CSharpSyntaxTree.ParseText("namespace N { public class C { public int F() { return 1; } } }", Options) })));
        }

        /// <summary>The ESP-IDF glue (native-mesh-interop/native/esp).</summary>
        public static string NativeEsp => RepositoryPaths.InRoot("native-mesh-interop", "native", "esp");

        /// <summary>
        /// The C sources of native-mesh-interop/native/core and native/esp, as the finder module lists them: the README has
        /// users copy those folders to InteropAssemblies/DcMonitor.MeshInterop/core/ and esp/.
        /// </summary>
        public static string[] ComponentSources()
        {
            return Directory.GetFiles(NativeCore, "*.c").Select(path => "core/" + Path.GetFileName(path))
                .Concat(Directory.GetFiles(NativeEsp, "*.c").Select(path => "esp/" + Path.GetFileName(path)))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary>The ESP-IDF include directories of native/firmware/esp-idf-include-dirs.txt (comments and blank lines skipped).</summary>
        public static string[] EspIdfIncludeDirectories()
        {
            return File.ReadAllLines(RepositoryPaths.InRoot("native-mesh-interop", "native", "firmware", "esp-idf-include-dirs.txt"))
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith("#", StringComparison.Ordinal))
                .ToArray();
        }

        [Theory]
        [InlineData("../core/escape.c")]
        [InlineData("/abs/core.c")]
        [InlineData("core\\windows.c")]
        [InlineData("")]
        public void ComponentSourcesOutsideTheInteropFolderAreRefused(string source)
        {
            string generated = Path.Combine(Path.GetTempPath(), "dcmonitor-stubs-" + Guid.NewGuid().ToString("N"));
            try
            {
                ArgumentException error = Assert.Throws<ArgumentException>(() => StubWriter.Write(CompileMeshInterop(), generated, source));
                Assert.Contains("'" + source + "'", error.Message);
            }
            finally
            {
                if (Directory.Exists(generated))
                {
                    Directory.Delete(generated, true);
                }
            }
        }

        [Fact]
        public void TheFinderModuleGivesNfInterpreterTheComponentSourcesAndIncludes()
        {
            string finder = File.ReadAllText(Path.Combine(CommittedStubs, "FindINTEROP-DcMonitor.MeshInterop.cmake"));
            Assert.Contains(ComponentSources(), source => source.StartsWith("esp/", StringComparison.Ordinal));
            foreach (string source in ComponentSources())
            {
                Assert.Contains("${BASE_PATH_FOR_THIS_MODULE}/" + source + "\n", finder);
            }

            // The variables nf-interpreter reads (FindNF_NativeAssemblies.cmake PerformSettingsForInteropEntry): dotted name.
            Assert.Contains("set(DcMonitor.MeshInterop_SOURCES\n", finder);
            Assert.Contains("list(APPEND DcMonitor.MeshInterop_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE}/core)", finder);
            Assert.Contains("list(APPEND DcMonitor.MeshInterop_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE}/esp)", finder);
            Assert.Contains("list(APPEND DcMonitor.MeshInterop_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)", finder);
            Assert.Contains("list(APPEND DcMonitor.MeshInterop_INCLUDE_DIRS ${ESP32_IDF_PATH}/components/bt/esp_ble_mesh/api/core/include)", finder);
            Assert.DoesNotContain("DcMonitor_MeshInterop_SRCS", finder);
        }

        [Fact]
        public void CommittedStubsMatchTheManagedInteropDeclarations()
        {
            string generated = Path.Combine(Path.GetTempPath(), "dcmonitor-stubs-" + Guid.NewGuid().ToString("N"));
            try
            {
                StubWriter.Write(CompileMeshInterop(), generated, ComponentSources(), EspIdfIncludeDirectories());
                if (Environment.GetEnvironmentVariable("DCMONITOR_REGENERATE_STUBS") == "1")
                {
                    Directory.CreateDirectory(CommittedStubs);
                    foreach (string file in Directory.GetFiles(generated))
                    {
                        File.Copy(file, Path.Combine(CommittedStubs, Path.GetFileName(file)), overwrite: true);
                    }
                }

                string[] expected = Directory.GetFiles(generated).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
                // Committed generated files: every file but the hand-written implementations <P>_<Class>.cpp.
                string[] committed = Directory.Exists(CommittedStubs)
                    ? Directory.GetFiles(CommittedStubs).Select(Path.GetFileName).Where(n => !n.EndsWith(".cpp", StringComparison.Ordinal) || n.EndsWith("_mshl.cpp", StringComparison.Ordinal) || !n.StartsWith("DcMonitor_MeshInterop_", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToArray()
                    : Array.Empty<string>();
                Assert.Equal(expected, committed);
                foreach (string name in expected)
                {
                    Assert.True(File.ReadAllText(Path.Combine(generated, name)) == File.ReadAllText(Path.Combine(CommittedStubs, name)),
                        name + " is out of date: regenerate with DCMONITOR_REGENERATE_STUBS=1 ./test.sh (see native-mesh-interop/README.md)");
                }
            }
            finally
            {
                Directory.Delete(generated, true);
            }
        }

        /// <summary>The managed interop's AssemblyInfo.cs (where its AssemblyNativeVersion is declared).</summary>
        public static string ManagedAssemblyInfo => RepositoryPaths.InRoot("native-mesh-interop", "managed", "Properties", "AssemblyInfo.cs");

        /// <summary>
        /// Why deployment would refuse the pair, or null when it would not: the version in
        /// <c>[assembly: AssemblyNativeVersion("…")]</c> of <paramref name="assemblyInfo"/> (C# source) and the one the stub
        /// <c>&lt;P&gt;.cpp</c> declares in <c>g_CLR_AssemblyNative_&lt;P&gt;</c> (<paramref name="stubTable"/>) must be the same
        /// four numbers; a missing attribute or a stub without a version is a mismatch too.
        /// </summary>
        public static string NativeVersionMismatch(string assemblyInfo, string stubTable)
        {
            Match attribute = Regex.Match(assemblyInfo, @"^\s*\[assembly:\s*(?:System\.Reflection\.)?AssemblyNativeVersion(?:Attribute)?\(\s*""([0-9.]+)""\s*\)\s*\]", RegexOptions.Multiline);
            if (!attribute.Success)
            {
                return "the managed assembly has no [assembly: AssemblyNativeVersion(\"a.b.c.d\")]";
            }

            Match declared = Regex.Match(stubTable, @"method_lookup,\s*\{\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)\s*\}\s*\};");
            if (!declared.Success)
            {
                return "the stub declares no native version";
            }

            Version managed = Version.Parse(attribute.Groups[1].Value);
            string managedText = string.Join(".", managed.Major, managed.Minor, Math.Max(managed.Build, 0), Math.Max(managed.Revision, 0));
            string stubText = string.Join(".", declared.Groups[1].Value, declared.Groups[2].Value, declared.Groups[3].Value, declared.Groups[4].Value);
            return managedText == stubText
                ? null
                : "AssemblyNativeVersion " + managedText + " but the stub declares " + stubText + ": regenerate with DCMONITOR_REGENERATE_STUBS=1 ./test.sh";
        }

        [Fact]
        public void TheCommittedStubDeclaresTheManagedAssemblyNativeVersion()
        {
            string assemblyInfo = File.ReadAllText(ManagedAssemblyInfo);
            string stubTable = File.ReadAllText(Path.Combine(CommittedStubs, "DcMonitor_MeshInterop.cpp"));
            Assert.Null(NativeVersionMismatch(assemblyInfo, stubTable));
            Assert.Contains("[assembly: AssemblyNativeVersion(\"1.0.0.0\")]", assemblyInfo);
            Assert.Contains("method_lookup,\n    { 1, 0, 0, 0 }\n};", stubTable);
            Assert.Equal(new[] { 1, 0, 0, 0 }, CompileMeshInterop().NativeVersion);
        }

        [Theory]
        [InlineData("[assembly: AssemblyNativeVersion(\"1.0.0.1\")]", "1.0.0.1 but the stub declares 1.0.0.0")]
        [InlineData("[assembly: AssemblyNativeVersion(\"2.0\")]", "2.0.0.0 but the stub declares 1.0.0.0")]
        [InlineData("// [assembly: AssemblyNativeVersion(\"1.0.0.0\")]", "no [assembly: AssemblyNativeVersion")]
        [InlineData("", "no [assembly: AssemblyNativeVersion")]
        public void ANativeVersionThatDiffersFromTheStubIsAMismatch(string attributeLine, string expected)
        {
            string assemblyInfo = Regex.Replace(File.ReadAllText(ManagedAssemblyInfo), @"^\[assembly: AssemblyNativeVersion\(.*$", attributeLine, RegexOptions.Multiline);
            string stubTable = File.ReadAllText(Path.Combine(CommittedStubs, "DcMonitor_MeshInterop.cpp"));
            Assert.Contains(expected, NativeVersionMismatch(assemblyInfo, stubTable));
        }

        [Fact]
        public void TheGeneratedStubCarriesTheAttributeVersionAndRefusesAnAssemblyWithoutOne()
        {
            const string native = "namespace N { public class C { [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)] public static extern int F(int a); } }";
            string generated = Path.Combine(Path.GetTempPath(), "dcmonitor-stubs-" + Guid.NewGuid().ToString("N"));
            try
            {
                InteropAssembly versioned = Compile("A", new[] { CSharpSyntaxTree.ParseText("[assembly: System.Reflection.AssemblyNativeVersion(\"3.4.5.6\")]\n" + native, Options) });
                StubWriter.Write(versioned, generated);
                string table = File.ReadAllText(Path.Combine(generated, "A.cpp"));
                Assert.Contains("method_lookup,\n    { 3, 4, 5, 6 }\n};", table);
                Assert.Null(NativeVersionMismatch("[assembly: AssemblyNativeVersion(\"3.4.5.6\")]", table));
                Assert.NotNull(NativeVersionMismatch("[assembly: AssemblyNativeVersion(\"3.4.5.7\")]", table));

                InteropAssembly unversioned = Compile("B", new[] { CSharpSyntaxTree.ParseText(native, Options) });
                Assert.Null(unversioned.NativeVersion);
                InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => StubWriter.Write(unversioned, generated));
                Assert.Contains("AssemblyNativeVersion", error.Message);
                Assert.False(File.Exists(Path.Combine(generated, "B.cpp")));
            }
            finally
            {
                if (Directory.Exists(generated))
                {
                    Directory.Delete(generated, true);
                }
            }
        }

        [Fact]
        public void TheInteropHasNativeMethodsAndAStableChecksum()
        {
            InteropAssembly assembly = CompileMeshInterop();
            List<string> table = NativeChecksum.MethodTable(assembly);
            Assert.Equal(25, table.Count(entry => entry != "NULL"));
            Assert.Contains("Library_DcMonitor_MeshInterop_DcMonitor_MeshInterop_Native_NativeMesh::SendVendor___STATIC__I4__I4__I4__SZARRAY_U1__I4__I4__BOOLEAN__I4", table);
            Assert.Contains("Library_DcMonitor_MeshInterop_DcMonitor_MeshInterop_Native_NativeMesh::SendConfigRequest___STATIC__I4__I4__I4__I4__SZARRAY_U1__I4__I4", table);
            Assert.Contains("Library_DcMonitor_MeshInterop_DcMonitor_MeshInterop_Native_NativeMesh::CentralConnect___STATIC__I4__SZARRAY_U1__I4__I4", table);
            Assert.Contains("Library_DcMonitor_MeshInterop_DcMonitor_MeshInterop_Native_NativeMesh::AesBlock___STATIC__I4__BOOLEAN__SZARRAY_U1__SZARRAY_U1__SZARRAY_U1", table);
            Assert.Equal(NativeChecksum.Compute(assembly), NativeChecksum.Compute(CompileMeshInterop()));
        }

        private static readonly CSharpParseOptions Options = new CSharpParseOptions(LanguageVersion.CSharp9);

        /// <summary>The interop assembly as the device build compiles it: every managed file, the InternalCall declarations included.</summary>
        public static InteropAssembly CompileMeshInterop()
        {
            string folder = RepositoryPaths.InRoot("native-mesh-interop", "managed");
            var trees = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), Options, path));
            return Compile("DcMonitor.MeshInterop", trees);
        }

        private static InteropAssembly Compile(string name, IEnumerable<SyntaxTree> trees)
        {
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
                .Where(path => path.Length > 0).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
            references.Add(MetadataReference.CreateFromFile(typeof(DcMonitor.Emulator.Board.VirtualBoard).Assembly.Location)); // nanoFramework.Runtime.Events emulation
            var compilation = CSharpCompilation.Create(name, trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            image.Position = 0;
            return InteropAssembly.Load(image);
        }
    }
}
