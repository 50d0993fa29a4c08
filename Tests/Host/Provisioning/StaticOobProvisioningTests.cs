using System;
using System.IO;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Provisioning
{
    /// <summary>
    /// Authenticated provisioning (issue 17 part 3; docs/security.md "Authenticated provisioning"): the real Provisioner image with
    /// a <c>static-oob.txt</c>, universal and relay images given their secret on their consoles (<c>oob &lt;hex&gt;</c>), on the
    /// emulated PB-ADV link whose confirmation each side checks under its AuthValue, with ESP-IDF's choice of method.
    /// </summary>
    [LongRunning(40)]
    public sealed class StaticOobProvisioningTests
    {
        private const string Secret = "00112233445566778899aabbccddeeff";
        private const string OtherSecret = "0badc0de";

        [Fact]
        public void EqualSecretsAreAdmittedAfterAPowerCutAndALaterChangeWaitsForTheNextProvisioning()
        {
            using var mesh = new ProvisionedMesh(universal: 1, relays: 0);
            GiveProvisionerSecret(mesh, Secret);
            mesh.PowerOn("node-0");
            NodeConsole console = ReadyConsole(mesh, "node-0");
            string saved = console.Ask("oob " + Secret.ToUpperInvariant());
            Assert.Equal("static OOB on (16 bytes) saved; it applies at the next provisioning", saved);

            mesh.PowerOff("node-0");
            mesh.PowerOn("node-0");
            console = ReadyConsole(mesh, "node-0");
            Assert.Contains(console.Transcript, l => l == "[oob] static OOB on");
            Assert.Equal("static OOB on", console.Ask("oob"));

            mesh.PowerOn("provisioner");
            mesh.WaitUntilConfigured(1);
            Assert.DoesNotContain(mesh.ProvisionerTranscript, l => l.Contains("provisioning failed", StringComparison.Ordinal));
            Assert.Equal("static OOB off saved: provisioning without authentication (No OOB); this node is provisioned: it applies at its next provisioning (after a reset)",
                console.Ask("oob off"));
            Assert.All(console.Transcript, l => Assert.DoesNotContain(Secret, l, StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void AMismatchIsRefusedOnBothConsolesAndTheNodeIsAdmittedOnceItsSecretIsFixed()
        {
            using var mesh = new ProvisionedMesh(universal: 1, relays: 0);
            GiveProvisionerSecret(mesh, Secret);
            mesh.PowerOn("node-0");
            NodeConsole console = ReadyConsole(mesh, "node-0");
            console.Ask("oob " + OtherSecret);

            mesh.PowerOn("provisioner");
            mesh.WaitForProvisioner(l => l.Contains("node 0 closed the link with Fail: a device whose static OOB secret", StringComparison.Ordinal));
            mesh.WaitForProvisioner(l => l.Contains("node 0 failed: provisioning failed (2)", StringComparison.Ordinal));
            console.WaitFor(l => l == "[mesh] provisioning failed: the link closed before it completed; static OOB is on: a provisioner whose static-oob.txt differs (or has none) fails the confirmation");
            Assert.Equal(0, mesh.Device("node-0").Radio.UnicastAddress);
            Assert.Empty(mesh.Device("provisioner").Radio.ProvisionedNodes());

            Assert.StartsWith("static OOB on (16 bytes) saved", console.Ask("oob " + Secret));
            mesh.WaitForProvisioner(l => l.Contains("node 0 provisioned at 0x0005", StringComparison.Ordinal), 90000);
            mesh.WaitUntilConfigured(1);
        }

        [Fact]
        public void ANodeWithASecretRefusesAProvisionerWithoutOneUntilOobOff()
        {
            using var mesh = new ProvisionedMesh(universal: 1, relays: 0);
            mesh.PowerOn("node-0");
            NodeConsole console = ReadyConsole(mesh, "node-0");
            console.Ask("oob " + OtherSecret);

            // ESP-IDF's provisioner chooses static OOB whenever the device offers it, with an AuthValue of zeros when it has no secret.
            mesh.PowerOn("provisioner");
            mesh.WaitForProvisioner(l => l.Contains("node 0 failed: provisioning failed (2)", StringComparison.Ordinal));
            Assert.Equal(0, mesh.Device("node-0").Radio.UnicastAddress);

            Assert.Equal("static OOB off saved: provisioning without authentication (No OOB); it applies at the next provisioning", console.Ask("oob off"));
            Assert.Equal("static OOB off", console.Ask("oob"));
            mesh.WaitForProvisioner(l => l.Contains("node 0 provisioned at 0x0005", StringComparison.Ordinal), 90000);
        }

        [Fact]
        public void AProvisionerWithASecretStillAdmitsADeviceOfferingNoOob()
        {
            // ESP-IDF: a device without the Static OOB bit is provisioned with No OOB; the secret only protects devices that offer it.
            using var mesh = new ProvisionedMesh(universal: 1, relays: 0);
            GiveProvisionerSecret(mesh, Secret);
            mesh.PowerOn();
            mesh.WaitUntilConfigured(1);
            Assert.DoesNotContain(mesh.ProvisionerTranscript, l => l.Contains("provisioning failed", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("oob 123", "the secret is not valid: an odd number of hex digits (3)")]
        [InlineData("oob 12g4", "the secret is not valid: character 3 is not a hex digit")]
        [InlineData("oob 000000", "the secret is not valid: only zero bytes")]
        [InlineData("oob 00112233445566778899aabbccddeeff00", "the secret is not valid: too long: 34 characters")]
        [InlineData("oob 1234 5678", "one word after 'oob'")]
        [InlineData("oob on", "the secret is not valid: character 1 is not a hex digit")]
        public void BadInputIsRefusedWithItsProblemAndNeverEchoed(string line, string problem)
        {
            using var mesh = new ProvisionedMesh(universal: 1, relays: 0);
            mesh.PowerOn("node-0");
            NodeConsole console = ReadyConsole(mesh, "node-0");
            string reply = console.Ask(line);
            Assert.StartsWith("ERR: oob: " + problem, reply);
            string value = line.Substring(4);
            Assert.DoesNotContain(value, reply);
            Assert.Equal("static OOB off", console.Ask("oob"));
        }

        [Fact]
        public void TheRelayConsoleKeepsAndReportsItsSecret()
        {
            using var mesh = new ProvisionedMesh(universal: 0, relays: 1);
            mesh.PowerOn("relay-0");
            var console = new NodeConsole(((EmulatedRelayNode)mesh.Device("relay-0")).Console);
            console.WaitFor(l => l == "[oob] static OOB off (No OOB provisioning)");
            console.Type("oob 12345");
            Assert.Equal("error: oob: the secret is not valid: an odd number of hex digits (5): give whole bytes, 2 digits each",
                console.WaitFor(l => l.StartsWith("error: ", StringComparison.Ordinal)));
            console.Type("oob ABCD");
            console.WaitFor(l => l == "static OOB on (2 bytes) saved; it applies at the next provisioning");

            mesh.PowerOff("relay-0");
            GiveProvisionerSecret(mesh, "abcd");
            mesh.PowerOn("relay-0");
            console = new NodeConsole(((EmulatedRelayNode)mesh.Device("relay-0")).Console);
            console.WaitFor(l => l == "[oob] static OOB on");
            console.Type("oob");
            console.WaitFor(l => l == "static OOB on");
            mesh.PowerOn("provisioner");
            mesh.WaitUntilConfigured(1);
        }

        private static void GiveProvisionerSecret(ProvisionedMesh mesh, string hex)
        {
            string folder = Path.Combine(mesh.FlashOf("provisioner"), "provisioner");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "static-oob.txt"), hex + "\n");
        }

        private static NodeConsole ReadyConsole(ProvisionedMesh mesh, string name)
        {
            var console = new NodeConsole(mesh.Universal(name).Console);
            console.WaitUntilReady();
            return console;
        }
    }
}
