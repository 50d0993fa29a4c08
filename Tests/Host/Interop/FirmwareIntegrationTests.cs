using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Interop
{
    /// <summary>
    /// What nf-interpreter is given to build the custom ESP32-C6 image (native-mesh-interop/native/firmware): the
    /// sdkconfig fragment and the CMakeUserPresets example; and the native core's constants that must equal the
    /// managed ones (model flags, result codes). The image build cannot run here; these checks hold the files to what
    /// that build and our own constants require.
    /// </summary>
    public class FirmwareIntegrationTests
    {
        private static string FirmwareFolder => RepositoryPaths.InRoot("native-mesh-interop", "native", "firmware");

        private static string SdkConfigFragment => Path.Combine(FirmwareFolder, "sdkconfig.dcmonitor.esp32c6");

        [Fact]
        public void EverySdkConfigOptionIsExplainedAndSetOnce()
        {
            var seen = new HashSet<string>();
            string[] lines = File.ReadAllLines(SdkConfigFragment);
            string previous = string.Empty;
            foreach (string line in lines)
            {
                if (line.StartsWith("CONFIG_", StringComparison.Ordinal))
                {
                    Assert.True(previous.StartsWith("#", StringComparison.Ordinal) || previous.StartsWith("CONFIG_", StringComparison.Ordinal), "no comment above " + line);
                    (string name, string value) = SplitOption(line);
                    Assert.True(seen.Add(name), name + " is set twice");
                    Assert.True(value == "y" || value == "n" || int.TryParse(value, out _), line + ": not y, n or a number");
                }
                else
                {
                    Assert.True(line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal), "not an option or a comment: " + line);
                }

                previous = line;
            }
        }

        [Theory]
        [InlineData("CONFIG_BT_NIMBLE_ENABLED", "y")]
        [InlineData("CONFIG_BLE_MESH", "y")]
        [InlineData("CONFIG_BLE_MESH_NODE", "y")]
        [InlineData("CONFIG_BLE_MESH_PROVISIONER", "y")]
        [InlineData("CONFIG_BLE_MESH_PB_ADV", "y")]
        [InlineData("CONFIG_BLE_MESH_PB_GATT", "y")]
        [InlineData("CONFIG_BLE_MESH_RELAY", "y")]
        [InlineData("CONFIG_BLE_MESH_SETTINGS", "y")]
        [InlineData("CONFIG_BLE_MESH_CFG_CLI", "y")]
        [InlineData("CONFIG_BLE_MESH_GENERIC_ONOFF_CLI", "y")]
        [InlineData("CONFIG_BLE_MESH_GENERIC_SERVER", "y")]
        [InlineData("CONFIG_BLE_MESH_SUPPORT_BLE_ADV", "y")]
        [InlineData("CONFIG_BT_NIMBLE_EXT_ADV", "n")]
        public void TheFragmentTurnsOnWhatTheThreeImagesNeed(string option, string value)
        {
            Assert.Equal(value, Options()[option]);
        }

        [Fact]
        public void MeshTablesHoldEveryNodeIdTheGatewayAccepts()
        {
            Dictionary<string, string> options = Options();
            Assert.True(int.Parse(options["CONFIG_BLE_MESH_MAX_PROV_NODES"]) >= NodeAddressing.MaximumNodes);

            // Every node and the provisioner are sources a node may hear from; each needs a replay-list entry.
            Assert.True(int.Parse(options["CONFIG_BLE_MESH_CRPL"]) >= NodeAddressing.MaximumNodes + 1);
            Assert.True(int.Parse(options["CONFIG_BLE_MESH_MSG_CACHE_SIZE"]) >= NodeAddressing.MaximumNodes + 1);

            // Seed §1.2: 10 concurrent segmented messages each way (replies are always segmented).
            Assert.True(int.Parse(options["CONFIG_BLE_MESH_TX_SEG_MSG_COUNT"]) >= 10);
            Assert.True(int.Parse(options["CONFIG_BLE_MESH_RX_SEG_MSG_COUNT"]) >= 10);
        }

        [Fact]
        public void ThePresetExampleAddsOurInteropAssemblyToTheC6Target()
        {
            string path = Path.Combine(FirmwareFolder, "CMakeUserPresets.example.json");
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement preset = document.RootElement.GetProperty("configurePresets")[0];
            Assert.Equal("ESP32_C6_THREAD", preset.GetProperty("inherits")[0].GetString());

            // ${presetName} in the inherited TARGET_NAME would become our preset's name; it must stay the C6 target.
            JsonElement cache = preset.GetProperty("cacheVariables");
            Assert.Equal("ESP32_C6_THREAD", cache.GetProperty("TARGET_NAME").GetString());

            string assemblyName = XDocument.Load(RepositoryPaths.InRoot("native-mesh-interop", "managed", "MeshInterop.nfproj"))
                .Descendants().Single(element => element.Name.LocalName == "AssemblyName").Value;
            string[] interopAssemblies = cache.GetProperty("NF_INTEROP_ASSEMBLIES").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(new[] { assemblyName }, interopAssemblies);

            // nf-interpreter's FindNF_NativeAssemblies.cmake does find_package("INTEROP-<name>").
            string stubs = InteropStubTests.CommittedStubs;
            Assert.True(File.Exists(Path.Combine(stubs, "FindINTEROP-" + assemblyName + ".cmake")));
            Assert.Equal(assemblyName, Path.GetFileName(stubs));
        }

        [Theory]
        [InlineData("DCM_MODEL_CONFIG_SERVER", MeshModels.ConfigServer)]
        [InlineData("DCM_MODEL_CONFIG_CLIENT", MeshModels.ConfigClient)]
        [InlineData("DCM_MODEL_GENERIC_ONOFF_CLIENT", MeshModels.GenericOnOffClient)]
        [InlineData("DCM_MODEL_GENERIC_ONOFF_SERVER", MeshModels.GenericOnOffServer)]
        [InlineData("DCM_MODEL_VENDOR_SERVER", MeshModels.VendorServer)]
        [InlineData("DCM_MODEL_VENDOR_CLIENT", MeshModels.VendorClient)]
        public void NativeModelFlagsAreTheManagedMeshModelsValues(string macro, MeshModels managed)
        {
            Assert.Equal((int)managed, NativeDefine("dcm_composition.h", macro));
        }

        [Fact]
        public void NativeAllModelsMaskCoversEveryManagedModel()
        {
            int all = 0;
            foreach (MeshModels model in Enum.GetValues<MeshModels>())
            {
                all |= (int)model;
            }

            Assert.Equal(all, NativeDefine("dcm_composition.h", "DCM_MODEL_ALL"));
        }

        [Theory]
        [InlineData("DCM_RESULT_OK", MeshResult.Ok)]
        [InlineData("DCM_RESULT_INVALID_ARGUMENT", MeshResult.InvalidArgument)]
        [InlineData("DCM_RESULT_INVALID_STATE", MeshResult.InvalidState)]
        [InlineData("DCM_RESULT_BUSY", MeshResult.Busy)]
        [InlineData("DCM_RESULT_NO_MEMORY", MeshResult.NoMemory)]
        [InlineData("DCM_RESULT_NOT_CONNECTED", MeshResult.NotConnected)]
        [InlineData("DCM_RESULT_FAILED", MeshResult.Failed)]
        [InlineData("DCM_RESULT_HOST_NOT_SYNCED", MeshResult.HostNotSynced)]
        public void NativeResultsAreTheManagedMeshResultValues(string name, MeshResult managed)
        {
            string header = File.ReadAllText(Path.Combine(InteropStubTests.NativeCore, "dcm_result.h"));
            Match match = Regex.Match(header, @"\b" + name + @"\s*=\s*(\d+)");
            Assert.True(match.Success, name + " not found in dcm_result.h");
            Assert.Equal((int)managed, int.Parse(match.Groups[1].Value));
        }

        private static int NativeDefine(string header, string macro)
        {
            string text = File.ReadAllText(Path.Combine(InteropStubTests.NativeCore, header));
            Match match = Regex.Match(text, @"#define\s+" + macro + @"\s+0x([0-9A-Fa-f]+)u\b");
            Assert.True(match.Success, macro + " not found in " + header);
            return Convert.ToInt32(match.Groups[1].Value, 16);
        }

        private static Dictionary<string, string> Options()
        {
            var options = new Dictionary<string, string>();
            foreach (string line in File.ReadAllLines(SdkConfigFragment))
            {
                if (line.StartsWith("CONFIG_", StringComparison.Ordinal))
                {
                    (string name, string value) = SplitOption(line);
                    options[name] = value;
                }
            }

            return options;
        }

        /// <summary>Splits <c>CONFIG_NAME=value</c> at its first '='.</summary>
        private static (string Name, string Value) SplitOption(string line)
        {
            int equals = line.IndexOf('=');
            Assert.True(equals > 0, "no '=' in " + line);
            return (line.Substring(0, equals), line.Substring(equals + 1));
        }
    }
}
