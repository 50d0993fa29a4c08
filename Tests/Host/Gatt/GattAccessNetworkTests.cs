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

        [Theory]
        [InlineData(GattOpener.ConsoleLine)]
        [InlineData(GattOpener.BootButton)]
        public void PasskeyModePrintsThePasskeyAndThePiPairsWithItOnly(string opener)
        {
            using var flash = new TemporaryFlash();
            var air = new VirtualAir(1, AirModel.Timed) { FollowsRealTime = true };
            EmulatedUniversalNode node = BootAgainIn(flash, air, "passkey");
            try
            {
                string line = OpenWindow(node, opener);
                Assert.StartsWith("[gatt] mode passkey; pairing open for 5 min (" + opener + "); passkey ", line);
                int passkey = int.Parse(line.Substring(line.Length - 6), System.Globalization.CultureInfo.InvariantCulture);
                PiCentral wrong = new PiCentral(node.Radio) { Passkey = (passkey + 1) % 1000000 };
                Assert.False(wrong.Write("0:READ"));
                Assert.Equal(new[] { NativeContract.SmpConfirmValueFailed }, wrong.Pairings);
                wrong.Link.Disconnect();
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
            EmulatedUniversalNode node = BootAgainIn(flash, air, "bonded"); // the first boot's window has been used
            try
            {
                Assert.False(node.Radio.Gatt.PairingOpen);
                Assert.Equal("[gatt] mode bonded; pairing open for 5 min (BOOT button held)", OpenWindow(node, GattOpener.BootButton));
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

        /// <summary>Boots a new node, sets its GATT mode on the console, cuts its power and boots it again (not a first boot).</summary>
        private static EmulatedUniversalNode BootAgainIn(TemporaryFlash flash, VirtualAir air, string mode)
        {
            EmulatedUniversalNode node = Boot(flash, air);
            new NodeConsole(node.Console).Ask("gatt mode " + mode);
            node.Dispose();
            return Boot(flash, air);
        }

        /// <summary>Opens the pairing window with <paramref name="opener"/> and returns the console line that says so.</summary>
        private static string OpenWindow(EmulatedUniversalNode node, string opener)
        {
            var console = new NodeConsole(node.Console);
            if (opener == GattOpener.ConsoleLine)
            {
                console.Type(GattOpener.ConsoleLine);
            }
            else
            {
                node.BootButton.Press();
            }

            string line = console.WaitFor(l => l.Contains("(" + opener + ")", StringComparison.Ordinal));
            node.BootButton.Release();
            return line;
        }

        /// <summary>What opens a pairing window after boot, as the console names it.</summary>
        private static class GattOpener
        {
            public const string ConsoleLine = "gatt pair";
            public const string BootButton = DcMonitor.UniversalNode.Gatt.PairingButtonWatch.Reason;
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
