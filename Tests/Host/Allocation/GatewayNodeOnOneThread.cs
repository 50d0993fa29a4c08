using System;
using System.Reflection;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Sensing;
using DcMonitor.Tests.Support;
using DcMonitor.UniversalNode.Commands;
using DcMonitor.UniversalNode.Hardware;
using DcMonitor.UniversalNode.Load;
using DcMonitor.UniversalNode.Mesh;
using DcMonitor.UniversalNode.Sensing;
using DcMonitor.UniversalNode.Uplink;

namespace DcMonitor.Tests.Allocation
{
    /// <summary>
    /// A universal node acting as the gateway, built from the real UniversalNode classes as <c>UniversalNodeApp</c> wires them
    /// (load, INA260 service, command executor, uplink, <see cref="MeshCoordinator"/> with its vendor server, gateway role and GATT
    /// notifier) on a virtual board with an INA260, over a <see cref="ScriptedNativeMesh"/> instead of the emulated stack, and run on
    /// the calling thread: the worker queue is never started (<see cref="Deliver"/> steps it with <see cref="WorkQueue.RunNext"/>),
    /// the mesh events are drained by the test, and the gateway's tick is not started. Every allocation of the firmware's part of an
    /// operation therefore happens on the calling thread.
    /// </summary>
    internal sealed class GatewayNodeOnOneThread : IDisposable
    {
        /// <summary>The gateway's own unicast address: node 0's (the Pi's <c>0:</c> commands run locally; node 1 is the one it talks to).</summary>
        public static readonly int OwnAddress = NodeAddressing.UnicastOf(0);

        private readonly TemporaryFlash _flash = new TemporaryFlash();
        private readonly IDisposable _activation;
        private readonly MeshNode _mesh;
        private readonly OneShotWork _delayedReply;

        /// <summary>Builds the node on the calling thread's board scope (dispose on the same thread).</summary>
        public GatewayNodeOnOneThread()
        {
            var board = new VirtualBoard(_flash.Path);
            VirtualI2cBus bus = board.AddI2cBus(BoardPins.SensorDataPin, BoardPins.SensorClockPin);
            var load = new InvertedPwmLoad(board, BoardPins.LoadGatePin, 12.0, 48.0);
            bus.Attach(new VirtualIna260(0x45, board.Clock, load));
            Native = new ScriptedNativeMesh(OwnAddress);
            NativeMeshBridge.Replace(board, Native);
            _activation = board.Activate();

            BoardPins.RouteSignals();
            var log = new NodeLog();
            Queue = new WorkQueue(128); // UniversalNodeApp.WorkQueueCapacity; not started
            var loadController = new LoadController(BoardPins.LoadGatePin, BoardPins.LoadPwmFrequencyHertz);
            var sensor = new SensorService(BoardPins.SensorBusId, Ina260Configuration.NodeDefault, log);
            sensor.Probe();
            Executor = new CommandExecutor(Queue, sensor, loadController, log);
            _mesh = MeshNode.Start(MeshComposition.UniversalNode(DeviceUuid.Create()));
            var uplink = new UplinkService(_mesh, Queue, Executor, sensor, loadController, log, "test");
            Coordinator = new MeshCoordinator(_mesh, Queue, Executor, loadController, log, uplink);

            // The executor's delayed reply comes from a timer; the test posts it at once instead of waiting for it.
            _delayedReply = (OneShotWork)typeof(CommandExecutor).GetField("_delayedReply", BindingFlags.NonPublic | BindingFlags.Instance).GetValue(Executor);
        }

        /// <summary>The native side: queue events into it, read what the firmware handed it.</summary>
        public ScriptedNativeMesh Native { get; }

        /// <summary>The node's worker queue (never started).</summary>
        public WorkQueue Queue { get; }

        /// <summary>The command executor.</summary>
        public CommandExecutor Executor { get; }

        /// <summary>The mesh coordinator under test.</summary>
        public MeshCoordinator Coordinator { get; }

        /// <summary>
        /// Drains the native events into the coordinator and runs the worker until nothing waits (events the firmware's sends
        /// queued included); a delayed reply the executor scheduled is posted at once, as its timer would after the settle time.
        /// </summary>
        public void Deliver()
        {
            while (true)
            {
                _mesh.DrainEvents();
                while (Queue.RunNext())
                {
                }

                // Done when nothing waits and no reply is due (a reply whose timer already posted it is run on the next pass).
                if (Native.QueuedEvents == 0 && Queue.Count == 0 && !_delayedReply.PostNow() && !_delayedReply.IsPending)
                {
                    return;
                }
            }
        }

        /// <summary>Queues a Pi write to DC03 of <paramref name="written"/> (kept, not copied) and delivers it.</summary>
        public void WritePi(byte[] written)
        {
            Native.Queue(MeshEventKind.GattCommandWritten, 0, 0, 0, 1, written);
            Deliver();
        }

        /// <summary>Queues a vendor message from <paramref name="source"/> to this node (<paramref name="payload"/> kept, not copied) and delivers it.</summary>
        public void ReceiveVendor(int source, int opcode, byte[] payload)
        {
            Native.Queue(MeshEventKind.VendorMessageReceived, source, OwnAddress, opcode, 0, payload);
            Deliver();
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            _activation.Dispose();
            _flash.Dispose();
        }
    }
}
