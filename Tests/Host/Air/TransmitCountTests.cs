using System.IO;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>
    /// Each node's Network Transmit (Mesh Profile 4.2.19) and Relay Retransmit (4.2.20) counts: the composition's until a provisioner's
    /// Config Network Transmit Set or Config Relay Set (persisted in the node's settings) replaces them, and the air sees exactly that
    /// many transmissions.
    /// </summary>
    public class TransmitCountTests
    {
        private const int Models = NativeContract.ConfigServer | NativeContract.VendorServer | NativeContract.VendorClient;
        private const int VendorSendText = 0xC002E5;

        [Fact]
        public void WithoutConfigurationANodeSendsTheCompositionsCounts()
        {
            var air = new VirtualAir();
            using var nodes = new Line(air, networkTransmit: -1, relayRetransmit: -1);

            Assert.Equal(NativeContract.CompositionNetworkTransmitCount + 1, nodes.Stacks[0].NetworkTransmissions);
            Assert.Equal(NativeContract.CompositionRelayRetransmitCount + 1, nodes.Stacks[1].RelayTransmissions);
        }

        [Fact]
        public void TheConfiguredCountsAreWhatTheAirCarries()
        {
            var air = new VirtualAir(1, AirModel.Timed);
            using var nodes = new Line(air, networkTransmit: 1 | (1 << 3), relayRetransmit: 2 | (1 << 3)); // 2 transmissions, relays 3

            nodes.Stacks[0].SendVendor(nodes.Stacks[2].UnicastAddress, VendorSendText, new byte[] { 0x72 }, 1, 7, false, 0);

            Assert.True(air.WaitUntilQuiet(10_000)); // the timed air is quiet once every reception is processed and every relay sent
            Assert.Equal(2 + 3, air.Statistics.NetworkPdusTransmitted); // node 0 twice; node 1 relays the first copy 3 times (cache drops the rest)
            Assert.Equal(3, air.Statistics.NetworkPdusRelayed);
        }

        /// <summary>Three nodes in a line (0 and 2 out of range of each other), node 1 relaying, counts as given (-1 = unset).</summary>
        private sealed class Line : System.IDisposable
        {
            private readonly string _root = Path.Combine(Path.GetTempPath(), "dcmonitor-transmit-" + System.Guid.NewGuid().ToString("N"));

            public Line(VirtualAir air, int networkTransmit, int relayRetransmit)
            {
                air.SetLink("node-0", "node-2", false);
                Stacks = new EmulatedMeshStack[3];
                for (int i = 0; i < 3; i++)
                {
                    var board = new VirtualBoard(Path.Combine(_root, "node-" + i));
                    EmulatedMeshStack.Preprovision(board.FlashDirectory, 0x0005 + i, Models, true);
                    MeshSettings settings = MeshSettings.Load(board.FlashDirectory);
                    settings.NetworkTransmit = networkTransmit;
                    settings.RelayRetransmit = relayRetransmit;
                    settings.Relay = i == 1 ? 1 : 0;
                    settings.Save(board.FlashDirectory);
                    Stacks[i] = EmulatedMeshStack.For(board);
                    Stacks[i].RadioName = "node-" + i;
                    Stacks[i].AttachTo(air);
                    using (board.Activate())
                    {
                        Stacks[i].Start(Models, i == 1, 7, new byte[16]);
                    }
                }
            }

            public EmulatedMeshStack[] Stacks { get; }

            public void Dispose()
            {
                foreach (EmulatedMeshStack stack in Stacks)
                {
                    stack.PowerOff();
                }

                Directory.Delete(_root, true);
            }
        }
    }
}
