using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// From power-on to a configured mesh with the real Provisioner, UniversalNode and RelayNode images, and state that
    /// survives power cuts (issue "Provisioner and RelayNode images" §4).
    /// </summary>
    [LongRunning(50)]
    public sealed class ProvisioningNetworkTests
    {
        private static readonly string[] Universal = { "node-0", "node-1", "node-2", "node-3", "node-4", "node-5" };

        [Fact]
        public void AFreshNetworkConfiguresItselfAndAllReadReachesEveryUniversalNode()
        {
            using var mesh = new ProvisionedMesh(universal: 6, relays: 2);
            mesh.HearOnly("node-5", "relay-0", "provisioner"); // node-5 reaches the others only through relay-0
            mesh.PowerOn();

            List<string> nodes = mesh.WaitUntilConfigured(8);
            Assert.Equal(8, nodes.Count);
            Assert.Equal(2, nodes.Count(l => l.Contains(" relay ")));
            Assert.Equal(6, nodes.Count(l => l.Contains(" universal ")));

            var pi = new PiCentral(mesh.Universal("node-0").Radio);
            pi.Write("ALL:READ");
            var answered = new HashSet<string>();
            DateTime deadline = DateTime.UtcNow.AddSeconds(20);
            while (answered.Count < 6 && DateTime.UtcNow < deadline)
            {
                string message = pi.Next(20000);
                if (message.Contains(":DATA:", StringComparison.Ordinal))
                {
                    answered.Add(message.Substring(0, message.IndexOf(':')));
                }
            }

            var expected = Universal.Select(n => "NODE" + mesh.NodeIdOf(n)).ToHashSet();
            Assert.Equal(expected, answered);
        }

        [Fact]
        public void AProvisionerPowerCutInABindChainIsFinishedAfterPowerOn()
        {
            using var mesh = new ProvisionedMesh(universal: 2, relays: 0);
            mesh.PowerOn("node-0", "node-1");
            var cut = new ManualResetEventSlim();
            foreach (string name in new[] { "node-0", "node-1" })
            {
                mesh.Device(name).Radio.ConfigurationApplied += opcode =>
                {
                    // The first Model App Bind applied once both devices are provisioned: a bind chain is half done.
                    bool bothProvisioned = mesh.Device("node-0")?.Radio.UnicastAddress > 0 && mesh.Device("node-1")?.Radio.UnicastAddress > 0;
                    if (opcode == 0x803D && bothProvisioned && !cut.IsSet)
                    {
                        cut.Set();
                        ThreadPool.QueueUserWorkItem(_ => mesh.PowerOff("provisioner"));
                    }
                };
            }

            mesh.PowerOn("provisioner");
            Assert.True(cut.Wait(30000), "no bind was applied");
            SpinWait.SpinUntil(() => mesh.Device("provisioner") == null, 5000);

            mesh.PowerOn("provisioner");
            // Within a minute and a half even if a device had been mid-admission (it resets itself after OrphanWatch's 30 s).
            List<string> nodes = mesh.WaitUntilConfigured(2, 90000);
            Assert.All(nodes, line => Assert.EndsWith("fully configured", line));
            foreach (string name in new[] { "node-0", "node-1" })
            {
                MeshSettings settings = MeshSettings.Load(mesh.FlashOf(name));
                Assert.True(settings.VendorServerSubscribedToAll, name + " subscribed to 0xC000");
                Assert.Equal(0x3C, settings.BoundModels & 0x3C); // OnOff server and client, vendor server and client
            }
        }

        [Fact]
        public void ADeviceOrphanedByALostAdmissionResetsItselfAndIsAdmittedAgain()
        {
            using var mesh = new ProvisionedMesh(universal: 1, relays: 0);
            mesh.PowerOn("node-0");
            mesh.Device("node-0").Radio.SuppressProvisioningComplete = true;
            mesh.PowerOn("provisioner");
            mesh.WaitForProvisioner(l => l.Contains("node 0 failed: provisioning failed", StringComparison.Ordinal));
            Assert.Equal(0x0005, mesh.Device("node-0").Radio.UnicastAddress); // provisioned, yet unknown to the provisioner
            mesh.Device("node-0").Radio.SuppressProvisioningComplete = false;

            mesh.WaitForProvisioner(l => l.Contains("node 0 provisioned at 0x0005", StringComparison.Ordinal), 60000);
            mesh.WaitUntilConfigured(1);
            Assert.Equal(0, mesh.NodeIdOf("node-0"));
        }

        [Fact]
        public void EveryDevicePowerCycledRejoinsWithoutReprovisioningAndKeepsItsId()
        {
            using var mesh = new ProvisionedMesh(universal: 3, relays: 1);
            mesh.PowerOn();
            mesh.WaitUntilConfigured(4);
            var ids = mesh.Names.Where(n => n != "provisioner").ToDictionary(n => n, mesh.NodeIdOf);

            mesh.PowerOff();
            int linesBefore = mesh.ProvisionerTranscript.Count;
            mesh.PowerOn();
            mesh.WaitUntilConfigured(4);
            foreach (KeyValuePair<string, int> id in ids)
            {
                Assert.Equal(id.Value, mesh.NodeIdOf(id.Key));
            }

            Assert.DoesNotContain(mesh.ProvisionerTranscript.Skip(linesBefore), l => l.Contains("admitting", StringComparison.Ordinal));
            var pi = new PiCentral(mesh.Universal("node-0").Radio);
            int target = ids["node-2"];
            pi.Write(target + ":READ");
            Assert.Equal("SENT:READ", pi.Next());
            string reply = pi.Next(15000);
            Assert.True(reply.StartsWith("NODE" + target + ":DATA:", StringComparison.Ordinal), reply + "\n" + string.Join("\n", mesh.ProvisionerTranscript.Skip(linesBefore)));
        }

        [Fact]
        public void AResetNodeIsAdmittedAgainAtItsAddressWithItsGroupSubscription()
        {
            using var mesh = new ProvisionedMesh(universal: 2, relays: 0);
            mesh.PowerOn();
            mesh.WaitUntilConfigured(2);
            int id = mesh.NodeIdOf("node-1");
            mesh.Type("reprovision " + id);
            mesh.WaitForProvisioner(l => l.StartsWith("node " + id + " told to reset", StringComparison.Ordinal));
            mesh.WaitForProvisioner(l => l.Contains("node " + id + " provisioned at", StringComparison.Ordinal));
            mesh.WaitUntilConfigured(2);

            Assert.Equal(id, mesh.NodeIdOf("node-1"));
            Assert.True(MeshSettings.Load(mesh.FlashOf("node-1")).VendorServerSubscribedToAll, "subscribed to 0xC000 again (B23)");
            var pi = new PiCentral(mesh.Universal("node-0").Radio);
            pi.Write("ALL:READ");
            var seen = new HashSet<string>();
            while (seen.Count < 2)
            {
                string message = pi.Next(15000);
                if (message.Contains(":DATA:", StringComparison.Ordinal))
                {
                    seen.Add(message.Substring(0, message.IndexOf(':')));
                }
            }

            Assert.Contains("NODE" + id, seen);
        }

        [Fact]
        public void ACorruptRegistryIsReportedAndRebuiltFromTheStack()
        {
            using var mesh = new ProvisionedMesh(universal: 2, relays: 1);
            mesh.PowerOn();
            mesh.WaitUntilConfigured(3);
            var ids = mesh.Names.Where(n => n != "provisioner").ToDictionary(n => n, mesh.NodeIdOf);
            mesh.PowerOff("provisioner");

            string registry = Path.Combine(mesh.FlashOf("provisioner"), "provisioner", "registry.txt");
            string text = File.ReadAllText(registry);
            File.WriteAllText(registry, text.Substring(0, text.Length / 2) + "garbage");
            mesh.PowerOn("provisioner");
            mesh.WaitForProvisioner(l => l.Contains("[registry] unreadable", StringComparison.Ordinal));
            List<string> nodes = mesh.WaitUntilConfigured(3);

            foreach (KeyValuePair<string, int> id in ids)
            {
                Assert.Contains(nodes, l => l.StartsWith("node " + id.Value + " ", StringComparison.Ordinal));
            }

            var pi = new PiCentral(mesh.Universal("node-0").Radio);
            pi.Write(ids["node-1"] + ":READ");
            Assert.Equal("SENT:READ", pi.Next());
            Assert.StartsWith("NODE" + ids["node-1"] + ":DATA:", pi.Next(15000));
        }

        [Fact]
        public void TheConsoleDescribesForgetsAndShowsKeyFingerprintsOnly()
        {
            using var mesh = new ProvisionedMesh(universal: 1, relays: 0);
            mesh.PowerOn();
            mesh.WaitUntilConfigured(1);

            mesh.Type("node 0");
            string description = mesh.WaitForProvisioner(l => l.StartsWith("node 0: address 0x0005", StringComparison.Ordinal));
            Assert.Contains("universal", description);
            mesh.WaitForProvisioner(l => l.Contains("fully configured; steps done", StringComparison.Ordinal));

            mesh.Type("keys");
            string keys = mesh.WaitForProvisioner(l => l.StartsWith("NetKey fingerprint ", StringComparison.Ordinal));
            string keyFile = File.ReadAllText(Path.Combine(mesh.FlashOf("provisioner"), "provisioner", "keys.txt"));
            string netKey = keyFile.Split('\n').First(l => l.StartsWith("net ", StringComparison.Ordinal)).Substring(4);
            Assert.DoesNotContain(netKey, keys, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(mesh.ProvisionerTranscript, l => l.Contains(netKey, StringComparison.OrdinalIgnoreCase));

            mesh.Type("node 250");
            Assert.Contains("not a node id", mesh.WaitForProvisioner(l => l.StartsWith("error:", StringComparison.Ordinal)));
            mesh.Type("frobnicate");
            Assert.Contains("unknown command", mesh.WaitForProvisioner(l => l.StartsWith("error:", StringComparison.Ordinal)));

            mesh.Type("forget 0");
            mesh.WaitForProvisioner(l => l.StartsWith("forgot node 0", StringComparison.Ordinal));
            Assert.Empty(mesh.NodeList());
            Assert.Empty(mesh.Device("provisioner").Radio.ProvisionedNodes());
        }

        [Fact]
        public void TheProvisionerPrintsItsVersionAtBootAndOnRequest()
        {
            using var mesh = new ProvisionedMesh(universal: 1, relays: 0);
            mesh.PowerOn("provisioner");
            string banner = "DC-Monitor provisioner " + DcMonitor.Shared.FirmwareVersion.Number;
            mesh.WaitForProvisioner(l => l == "[boot] " + banner);
            mesh.WaitForProvisioner(l => l == DcMonitor.Provisioner.ProvisionerApp.ReadyLine);

            mesh.Type("help");
            Assert.Contains("| version |", mesh.WaitForProvisioner(l => l.StartsWith("commands:", StringComparison.Ordinal)));
            mesh.Type("version");
            mesh.WaitForProvisioner(l => l == banner);
        }

        [Fact]
        public void ForeignAndMalformedDevicesAreNotConfiguredAndDisturbNothing()
        {
            using var mesh = new ProvisionedMesh(universal: 2, relays: 0);
            using var foreignFlash = new TemporaryFlash();
            var foreignBoard = new VirtualBoard(foreignFlash.Path);
            EmulatedMeshStack foreign = EmulatedMeshStack.For(foreignBoard);
            foreign.RadioName = "foreign";
            foreign.AttachTo(mesh.Air);
            byte[] otherPrefix = new byte[16];
            otherPrefix[0] = 0xAA;
            otherPrefix[1] = 0xAA;
            using (foreignBoard.Activate())
            {
                Assert.Equal(NativeContract.Ok, foreign.Start(NativeContract.ConfigServer, true, 7, otherPrefix));
            }

            mesh.PowerOn("node-0", "node-1");
            mesh.Device("node-1").Radio.CompositionDataOverride = new byte[] { 0xE5, 0x02, 0, 0, 0, 0, 72, 0, 3, 0, 0, 0, 5, 2, 0x00, 0x00 }; // 5 SIG models, 1 present
            mesh.PowerOn("provisioner");

            string failure = mesh.WaitForProvisioner(l => l.Contains("malformed composition", StringComparison.Ordinal));
            Assert.Contains("element 0 declares 5 SIG and 2 vendor models", failure);
            mesh.WaitUntilConfigured(1);
            List<string> nodes = mesh.NodeList();
            Assert.Equal(2, nodes.Count);
            Assert.Contains(nodes, l => l.StartsWith("node " + mesh.NodeIdOf("node-1") + " ", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal));
            Assert.DoesNotContain(mesh.ProvisionerTranscript, l => l.Contains("aaaa", StringComparison.Ordinal));
            Assert.False(MeshSettings.Load(foreignFlash.Path).Provisioned, "the foreign device was never provisioned");
            foreign.PowerOff();
        }
    }
}
