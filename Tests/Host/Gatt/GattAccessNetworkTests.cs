using System;
using System.Text;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Gatt
{
    /// <summary>
    /// The universal node image with GATT access control (docs/security.md): a new node is in bonded mode with its pairing window
    /// open, the Pi pairs as BlueZ does (Just Works on the ATT error), a stranger that does not pair drives nothing, bonds survive a
    /// power cut, failover to a node the Pi paired with once needs no new pairing, and the console's <c>gatt</c> lines.
    /// </summary>
    public class GattAccessNetworkTests
    {
        private const string PiAddress = "2C:CF:67:00:00:05";

        [Fact]
        public void AStrangersDutyIsRefusedAndTheLoadStaysOffWhileTheBondedPiIsServed()
        {
            using var network = new TestNetwork(1);
            GattCentralLink stranger = network.Nodes[0].Radio.Gatt.Connect(_ => { }, new byte[] { 1, 1, 2, 3, 4, 5, 0xC6 });
            Assert.False(stranger.Write(Encoding.ASCII.GetBytes("0:DUTY:100")));
            Assert.Equal(NativeContract.AttErrorInsufficientAuthentication, stranger.LastAttError);
            stranger.Disconnect();

            PiCentral pi = network.ConnectPi(0);
            Assert.True(pi.Write("0:READ"));
            Assert.StartsWith("NODE0:DATA:D:0%,", pi.Next()); // the stranger's duty never ran
            Assert.Equal(new[] { 0 }, pi.Pairings); // one Just Works pairing, inside the first boot's window
        }

        [Fact]
        public void FailoverToANodeThePiPairedWithOnceNeedsNoNewPairing()
        {
            using var network = new TestNetwork(2);
            PiCentral first = network.ConnectPi(0);
            Assert.True(first.Write("0:READ"));
            Assert.StartsWith("NODE0:DATA:", first.Next());
            first.Link.Disconnect();
            PiCentral second = network.ConnectPi(1); // the owner's one-time pairing with each node
            Assert.True(second.Write("1:READ"));
            Assert.StartsWith("NODE1:DATA:", second.Next());
            second.Link.Disconnect();

            network.Nodes[0].Dispose(); // the gateway node loses power; the Pi fails over
            PiCentral failover = network.ConnectPi(1);
            Assert.True(failover.Write("1:READ"));
            Assert.StartsWith("NODE1:DATA:", failover.Next());
            Assert.Empty(failover.Pairings); // the stored bond: encryption only
        }

        [Fact]
        public void BondsSurviveAPowerCutAndTheConsoleListsAndForgetsThem()
        {
            using var flash = new TemporaryFlash();
            var air = new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true };
            EmulatedUniversalNode node = Boot(flash, air);
            var console = new NodeConsole(node.Console);
            PiCentral pi = new PiCentral(node.Radio);
            Assert.True(pi.Write("0:READ"));
            Assert.StartsWith("NODE0:DATA:", pi.Next());
            node.Dispose();

            node = Boot(flash, air);
            try
            {
                console = new NodeConsole(node.Console);
                Assert.Equal("GATT mode bonded, pairing closed, 1 bonded central(s)", console.Ask("gatt"));
                pi = new PiCentral(node.Radio);
                Assert.True(pi.Write("0:READ"));
                Assert.StartsWith("NODE0:DATA:", pi.Next());
                Assert.Empty(pi.Pairings);

                Assert.Equal("1 bonded central(s)", console.Ask("gatt list"));
                Assert.Equal("  " + PiAddress, console.NextReply());
                Assert.Equal("forgot " + PiAddress, console.Ask("gatt forget " + PiAddress));
                Assert.False(pi.Link.IsOpen);
                pi = new PiCentral(node.Radio);
                Assert.False(pi.Write("0:READ")); // pairs, but outside the window: no bond, no access
                Assert.Equal(NativeContract.AttErrorInsufficientAuthentication, pi.Link.LastAttError);
                Assert.Equal("ERR: no bond with that address ('gatt list' shows them)", console.Ask("gatt forget " + PiAddress));
                Assert.StartsWith("ERR: usage: gatt mode", console.Ask("gatt mode secret"));
            }
            finally
            {
                node.Dispose();
            }
        }

        [Fact]
        public void OpenModeBehavesAsBeforeAfterTheNextBoot()
        {
            using var flash = new TemporaryFlash();
            var air = new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true };
            EmulatedUniversalNode node = Boot(flash, air);
            Assert.Equal("GATT mode open saved; applies at the next boot (reset or power cycle)", new NodeConsole(node.Console).Ask("gatt mode open"));
            node.Dispose();

            node = Boot(flash, air);
            try
            {
                Assert.Equal(NativeContract.GattSecurityOpen, node.Radio.Gatt.Mode);
                PiCentral anyone = new PiCentral(node.Radio, address: new byte[] { 1, 9, 9, 9, 9, 9, 0xC9 });
                Assert.True(anyone.Write("0:READ"));
                Assert.StartsWith("NODE0:DATA:", anyone.Next());
                Assert.Empty(anyone.Pairings);
            }
            finally
            {
                node.Dispose();
            }
        }

        [Fact]
        public void PasskeyModePrintsThePasskeyAndThePiPairsWithIt()
        {
            using var flash = new TemporaryFlash();
            var air = new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true };
            EmulatedUniversalNode node = Boot(flash, air);
            new NodeConsole(node.Console).Ask("gatt mode passkey");
            node.Dispose();

            node = Boot(flash, air);
            try
            {
                var console = new NodeConsole(node.Console);
                console.Type("gatt pair");
                string line = console.WaitFor(l => l.Contains("(gatt pair)", StringComparison.Ordinal));
                Assert.Contains("[gatt] mode passkey; pairing open for 5 min (gatt pair); passkey ", line);
                int passkey = int.Parse(line.Substring(line.Length - 6), System.Globalization.CultureInfo.InvariantCulture);
                PiCentral pi = new PiCentral(node.Radio) { Passkey = passkey };
                Assert.True(pi.Write("0:READ"));
                Assert.StartsWith("NODE0:DATA:", pi.Next());
                Assert.True(pi.Link.Authenticated);
            }
            finally
            {
                node.Dispose();
            }
        }

        [Fact]
        public void TheBootButtonHeldAfterBootOpensThePairingWindowForANewPi()
        {
            using var flash = new TemporaryFlash();
            var air = new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true };
            Boot(flash, air).Dispose(); // the first boot's window has been used; the settings file exists

            EmulatedUniversalNode node = Boot(flash, air);
            try
            {
                var console = new NodeConsole(node.Console);
                Assert.False(node.Radio.Gatt.PairingOpen);
                node.BootButton.Press();
                string line = console.WaitFor(l => l.Contains("(BOOT button held)", StringComparison.Ordinal));
                node.BootButton.Release();
                Assert.Equal("[gatt] mode bonded; pairing open for 5 min (BOOT button held)", line);
                Assert.True(node.Radio.Gatt.PairingOpen);

                PiCentral pi = new PiCentral(node.Radio);
                Assert.True(pi.Write("0:READ"));
                Assert.StartsWith("NODE0:DATA:", pi.Next());
                Assert.Equal(new[] { 0 }, pi.Pairings); // Just Works inside the window the button opened
            }
            finally
            {
                node.Dispose();
            }
        }

        [Fact]
        public void TheBootButtonInPasskeyModePrintsANewPasskey()
        {
            using var flash = new TemporaryFlash();
            var air = new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true };
            EmulatedUniversalNode node = Boot(flash, air);
            new NodeConsole(node.Console).Ask("gatt mode passkey");
            node.Dispose();

            node = Boot(flash, air);
            try
            {
                var console = new NodeConsole(node.Console);
                node.BootButton.Press();
                string line = console.WaitFor(l => l.Contains("(BOOT button held)", StringComparison.Ordinal));
                node.BootButton.Release();
                Assert.StartsWith("[gatt] mode passkey; pairing open for 5 min (BOOT button held); passkey ", line);
                int passkey = int.Parse(line.Substring(line.Length - 6), System.Globalization.CultureInfo.InvariantCulture);
                PiCentral wrong = new PiCentral(node.Radio) { Passkey = (passkey + 1) % 1000000 };
                Assert.False(wrong.Write("0:READ"));
                wrong.Link.Disconnect();
                PiCentral pi = new PiCentral(node.Radio) { Passkey = passkey };
                Assert.True(pi.Write("0:READ"));
                Assert.True(pi.Link.Authenticated);
            }
            finally
            {
                node.Dispose();
            }
        }

        private static EmulatedUniversalNode Boot(TemporaryFlash flash, VirtualAir air)
        {
            var node = new EmulatedUniversalNode(new UniversalNodeBoardOptions { FlashDirectory = flash.Path, Name = "node-0", Air = air, PreprovisionedAddress = 0x0005 });
            node.PowerOn();
            new NodeConsole(node.Console).WaitUntilReady();
            return node;
        }
    }
}
