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

        public TestNetwork(int nodes, Action<VirtualAir> topology = null, int gatewayModels = -1)
        {
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

        public VirtualAir Air { get; } = new VirtualAir();

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
