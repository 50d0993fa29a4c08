using System;
using System.Collections.Generic;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;

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
        /// Boots <paramref name="nodes"/> nodes on an air of <paramref name="model"/> (instantaneous unless said: the timed air with
        /// every node relaying collides too much for the large meshes of the older tests until relay selection lands).
        /// </summary>
        public TestNetwork(int nodes, Action<VirtualAir> topology = null, int gatewayModels = -1, AirModel model = AirModel.Instantaneous)
        {
            Air = new VirtualAir(1, model);
            topology?.Invoke(Air);
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
