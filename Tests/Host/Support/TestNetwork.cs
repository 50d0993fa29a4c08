using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Emulator.Demo;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// A virtual mesh of provisioned universal nodes in this process: node-i at unicast 0x0005 + i on one air,
    /// all powered on and ready. Powered off on dispose.
    /// </summary>
    public sealed class TestNetwork : IDisposable
    {
        private readonly List<TemporaryFlash> _flashes = new List<TemporaryFlash>();

        /// <summary>
        /// Boots <paramref name="nodes"/> nodes on an air of <paramref name="model"/> (the timed air unless said: airtime, collisions)
        /// with the Relay feature as the provisioner's relay selection leaves it for the <paramref name="topology"/>
        /// (<see cref="RelayPlan"/>), or on for every node when <paramref name="everyNodeRelays"/> (the composition's default).
        /// </summary>
        public TestNetwork(int nodes, Action<VirtualAir> topology = null, int gatewayModels = -1, AirModel model = AirModel.Timed, bool everyNodeRelays = false)
        {
            Air = new VirtualAir(1, model) { FollowsRealTime = true };
            topology?.Invoke(Air);
            bool[] relays = everyNodeRelays ? null : RelayPlan.Select(Air, Enumerable.Range(0, nodes).Select(i => "node-" + i).ToList());
            for (int i = 0; i < nodes; i++)
            {
                var flash = new TemporaryFlash();
                _flashes.Add(flash);
                var node = new EmulatedUniversalNode(new UniversalNodeBoardOptions
                {
                    FlashDirectory = flash.Path,
                    Name = "node-" + i,
                    Air = Air,
                    PreprovisionedAddress = 0x0005 + i,
                    NoiseSeed = 100 + i,
                    PreprovisionedModels = i == 0 ? gatewayModels : -1,
                    PreprovisionedRelay = relays == null ? -1 : relays[i] ? 1 : 0,
                });
                Nodes.Add(node);
            }

            foreach (EmulatedUniversalNode node in Nodes)
            {
                node.PowerOn();
            }

            foreach (EmulatedUniversalNode node in Nodes)
            {
                new NodeConsole(node.Console).WaitUntilReady();
            }
        }

        public VirtualAir Air { get; }

        public List<EmulatedUniversalNode> Nodes { get; } = new List<EmulatedUniversalNode>();

        /// <summary>A Pi connected to node <paramref name="index"/>.</summary>
        public PiCentral ConnectPi(int index, int mtu = 0) => new PiCentral(Nodes[index].Radio, mtu);

        public double GateLevel(int index) => Nodes[index].Board.Pin(5).LevelAt(Nodes[index].Board.Clock.NowMicroseconds);

        public void Dispose()
        {
            foreach (EmulatedUniversalNode node in Nodes)
            {
                node.Dispose();
            }

            foreach (TemporaryFlash flash in _flashes)
            {
                flash.Dispose();
            }
        }
    }
}
