using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using DcMonitor.Emulator.Board;
using DcMonitor.Tests.Compliance.ApiSurface;
using DcMonitor.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// The emulator never offers firmware an API the real nanoFramework 1.x libraries lack: every type of the
    /// emulator platform and of the TestFramework emulation in a nanoFramework namespace (and each storage shim
    /// compiled into the firmware assemblies) exists in the recorded real surface (api.tsv) with a matching kind
    /// and base, and each of its visible members has a line there with the same signature (see
    /// <see cref="ApiSignatureKey"/> for what is compared). A difference passes only when
    /// EmulatedApiDeliberateDifferences.txt lists it with a reason and no firmware source uses it.
    /// </summary>
    public class EmulatedApiSurfaceTests
    {
        /// <summary>The firmware host assemblies; each has the storage shims compiled in.</summary>
        private static readonly string[] FirmwareAssemblies =
        {
            "DcMonitor.Shared", "DcMonitor.MeshInterop", "DcMonitor.UniversalNode", "DcMonitor.RelayNode", "DcMonitor.Provisioner", "NFUnitTest",
        };

        /// <summary>The firmware sources (what the device builds).</summary>
        private static readonly string[] FirmwareSourceFolders =
        {
            "Shared", "UniversalNode", "RelayNode", "Provisioner", "native-mesh-interop/managed", "Tests/NFUnitTest",
        };

        private readonly ITestOutputHelper _output;

        /// <summary>Creates the test class.</summary>
        public EmulatedApiSurfaceTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static ReferenceApiSurface Reference { get; } =
            ReferenceApiSurface.Load(RepositoryPaths.InRoot("Tests", "DeviceConformance", "Reference", "nanoframework-1x-api"));

        private static string AllowListPath => RepositoryPaths.InRoot("Tests", "Host", "Compliance", "EmulatedApiDeliberateDifferences.txt");

        [Fact]
        public void EveryEmulatedApiIsInTheRealSurfaceOrADocumentedDeliberateDifference()
        {
            IReadOnlyList<ApiDifference> differences = Differences();
            IReadOnlyList<DeliberateDifference> allowed = DeliberateDifference.Load(AllowListPath);
            var allowedIds = new HashSet<string>(allowed.Select(entry => entry.Line.ToString()), StringComparer.Ordinal);

            _output.WriteLine(differences.Count + " difference(s) from the real nanoFramework 1.x surface:");
            foreach (ApiDifference difference in differences)
            {
                _output.WriteLine((allowedIds.Contains(difference.Id) ? "  [deliberate] " : "  [NOT ALLOWED] ") + difference.Describe());
            }

            string[] unexplained = differences.Where(difference => !allowedIds.Contains(difference.Id)).Select(difference => difference.Describe()).ToArray();
            Assert.True(
                unexplained.Length == 0,
                "The emulator offers API the real library lacks (match the real signature, move it off the mirrored type, or list it in "
                + "EmulatedApiDeliberateDifferences.txt with its reason):\n  " + string.Join("\n  ", unexplained));

            var differenceIds = new HashSet<string>(differences.Select(difference => difference.Id), StringComparer.Ordinal);
            string[] stale = allowed.Where(entry => !differenceIds.Contains(entry.Line.ToString())).Select(entry => entry.Line.ToString()).ToArray();
            Assert.True(stale.Length == 0, "Allow-list entries that no longer match a difference (remove them):\n  " + string.Join("\n  ", stale));
        }

        [Fact]
        public void TheMirroredTypesAreFound()
        {
            string[] platform = PlatformMirrors().Select(type => type.FullName).ToArray();
            Assert.Contains("System.Device.I2c.I2cDevice", platform);
            Assert.Contains("System.SpanByte", platform);
            Assert.Contains("nanoFramework.M2Mqtt.MqttClient", platform);
            Assert.Contains("nanoFramework.Hardware.Esp32.Configuration", platform);
            Assert.DoesNotContain(platform, name => name.StartsWith("DcMonitor.", StringComparison.Ordinal));
            Assert.Contains("nanoFramework.TestFramework.Assert", TestFrameworkMirrors().Select(type => type.FullName));

            foreach (string assembly in FirmwareAssemblies)
            {
                string[] shims = ShimMirrors(Assembly.Load(assembly)).Select(type => type.FullName).ToArray();
                Assert.Contains("System.IO.File", shims);
                Assert.Contains("System.IO.Directory", shims);
            }
        }

        [Fact]
        public void NoFirmwareSourceUsesADeliberateDifference()
        {
            FirmwareSourceUsage firmware = FirmwareSourceUsage.Load(RepositoryPaths.Root, FirmwareSourceFolders);
            Assert.True(firmware.FileCount > 0);

            string[] uses = DeliberateDifference.Load(AllowListPath)
                .SelectMany(entry => firmware.FilesUsing(entry.Line).Select(file => entry.Line + " used in " + file))
                .ToArray();

            Assert.True(uses.Length == 0, "Firmware uses emulator-only API (it would not compile for the device):\n  " + string.Join("\n  ", uses));
        }

        [Fact]
        public void TheFirmwareUsageSearchFindsWhatFirmwareUsesAndNothingElse()
        {
            FirmwareSourceUsage firmware = FirmwareSourceUsage.Load(RepositoryPaths.Root, FirmwareSourceFolders);

            Assert.NotEmpty(firmware.FilesUsing(new ApiLine("System.Device.I2c.I2cDevice", "method", "System.Device.I2c.I2cTransferResult WriteRead(System.SpanByte, System.SpanByte)")));
            Assert.NotEmpty(firmware.FilesUsing(new ApiLine("System.Device.I2c.I2cConnectionSettings", "constructor", "I2cConnectionSettings(System.Int32, System.Int32)")));
            Assert.NotEmpty(firmware.FilesUsing(new ApiLine("nanoFramework.Hardware.Esp32.Configuration", "type", "class nanoFramework.Hardware.Esp32.Configuration")));
            Assert.Empty(firmware.FilesUsing(new ApiLine("System.Device.I2c.I2cDevice", "method", "System.Void DriveTheVirtualBus(System.Int32)")));
            Assert.Empty(firmware.FilesUsing(new ApiLine("System.Device.I2c.I2cHostOnlyHook", "type", "class System.Device.I2c.I2cHostOnlyHook")));
        }

        /// <summary>All differences: the platform's mirrored types (public members) and the storage shims (internal members too).</summary>
        private static IReadOnlyList<ApiDifference> Differences()
        {
            var differences = new List<ApiDifference>(ApiSurfaceComparer.Compare(PlatformMirrors(), Reference, internalVisible: false));
            differences.AddRange(ApiSurfaceComparer.Compare(TestFrameworkMirrors(), Reference, internalVisible: false));
            foreach (string assembly in FirmwareAssemblies)
            {
                differences.AddRange(ApiSurfaceComparer.Compare(ShimMirrors(Assembly.Load(assembly)), Reference, internalVisible: true));
            }

            return differences.GroupBy(difference => difference.Id, StringComparer.Ordinal).Select(group => group.First()).ToList();
        }

        /// <summary>Public top-level types of the emulator platform that mirror nanoFramework's.</summary>
        private static IEnumerable<Type> PlatformMirrors()
        {
            return typeof(VirtualBoard).Assembly.GetTypes().Where(type => type.IsPublic && IsMirrorNamespace(type.Namespace));
        }

        /// <summary>Public types of the nanoFramework.TestFramework emulation (the NFUnitTest sources compile against it) that mirror nanoFramework's.</summary>
        private static IEnumerable<Type> TestFrameworkMirrors()
        {
            return typeof(nanoFramework.TestFramework.Assert).Assembly.GetTypes().Where(type => type.IsPublic && IsMirrorNamespace(type.Namespace));
        }

        /// <summary>Top-level types of a firmware host assembly in a namespace of the real libraries: the shims compiled into it.</summary>
        private static IEnumerable<Type> ShimMirrors(Assembly firmware)
        {
            return firmware.GetTypes()
                .Where(type => !type.IsNested && IsMirrorNamespace(type.Namespace))
                .Where(type => type.GetCustomAttribute<CompilerGeneratedAttribute>() == null);
        }

        /// <summary>
        /// A namespace of the real libraries, or any other under System or nanoFramework (a type there would pose as a
        /// nanoFramework type and must exist in the real surface); the emulator's own namespaces (DcMonitor.*) are not.
        /// </summary>
        private static bool IsMirrorNamespace(string ns)
        {
            return ns != null && (Reference.Namespaces.Contains(ns) || ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)
                || ns == "nanoFramework" || ns.StartsWith("nanoFramework.", StringComparison.Ordinal));
        }
    }
}
