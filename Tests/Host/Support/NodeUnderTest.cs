using System;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Emulator.Peripherals;

namespace DcMonitor.Tests.Support
{
    /// <summary>An emulated universal node with its console, powered on and ready; powered off on dispose.</summary>
    public sealed class NodeUnderTest : IDisposable
    {
        private readonly TemporaryFlash _flash = new TemporaryFlash();

        public NodeUnderTest(int sensorAddress = 0x45, Action<EmulatedUniversalNode> beforePowerOn = null, bool waitUntilReady = true)
        {
            Node = new EmulatedUniversalNode(new UniversalNodeBoardOptions { FlashDirectory = _flash.Path, SensorAddress = sensorAddress });
            Console = new NodeConsole(Node.Console);
            beforePowerOn?.Invoke(Node);
            Node.PowerOn();
            if (waitUntilReady)
            {
                Console.WaitUntilReady();
            }
        }

        public EmulatedUniversalNode Node { get; }

        public NodeConsole Console { get; }

        public VirtualIna260 Sensor => Node.Sensor;

        /// <summary>Level of the load gate pin now (1 = high = load off).</summary>
        public double GateLevel => Node.Board.Pin(5).LevelAt(Node.Board.Clock.NowMicroseconds);

        public void Dispose()
        {
            Node.Dispose();
            _flash.Dispose();
        }
    }
}
