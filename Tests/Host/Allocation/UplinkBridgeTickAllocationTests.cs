using System;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.MeshInterop;
using DcMonitor.PathDrivers;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Uplink;
using DcMonitor.Tests.Support;
using DcMonitor.UniversalNode.Uplink;
using Xunit;
using Xunit.Abstractions;

namespace DcMonitor.Tests.Allocation
{
    /// <summary>
    /// Issue 16, measured on the real class rather than its Shared/ steps: the UniversalNode's own <see cref="UplinkBridge"/>, a
    /// candidate that has become the bridge and heard eight nodes, ticking once a second (<see cref="UplinkBridge.Tick"/>: the
    /// heartbeat every fifth tick, the election, the availability of every heard node, the command retries). It runs on a virtual
    /// board with an unprovisioned emulated mesh stack, so the heartbeat's MeshNode.PublishVendor reaches the native boundary and is
    /// refused there at once (no publication address yet): the count holds the firmware's work up to the radio and nothing of the
    /// emulator's radio. Same method as <see cref="WholePathAllocationTests"/> (<see cref="AllocationMeter"/>).
    /// </summary>
    public sealed class UplinkBridgeTickAllocationTests : IDisposable
    {
        // issue 16 target: 0 B (was an enumerator of the heard nodes' Hashtable every tick and a 2-byte heartbeat every 5 s)
        private const int BridgeTickBudget = 0;

        private readonly TemporaryFlash _flash = new TemporaryFlash();
        private readonly ITestOutputHelper _output;

        /// <summary>Creates the test class.</summary>
        public UplinkBridgeTickAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <inheritdoc/>
        public void Dispose() => _flash.Dispose();

        [Fact]
        public void TheBridgesTickWithHeardNodesStaysWithinItsBudget()
        {
            var board = new VirtualBoard(_flash.Path);
            using (board.Activate())
            {
                try
                {
                    var path = new RealBridgeTickPath();
                    double perOperation = AllocationMeter.BytesPerOperation(path);
                    _output.WriteLine(path.Name + ": " + perOperation.ToString("0.#") + " B per operation (budget " + BridgeTickBudget + " B, "
                        + AllocationMeter.MeasuredOperations + " operations after " + AllocationMeter.WarmUpOperations + " of warm-up)");
                    Assert.True(path.Bridge.IsBridging, "the candidate never became the bridge: the ticks measured are not a bridge's");
                    Assert.Equal(RealBridgeTickPath.HeardNodes, path.Bridge.NodesSeen);
                    Assert.True(perOperation <= BridgeTickBudget, path.Name + " allocates " + perOperation.ToString("0.#") + " B per operation, over its budget of " + BridgeTickBudget + " B");
                }
                finally
                {
                    EmulatedMeshStack.For(board).PowerOff();
                }
            }
        }

        /// <summary>One operation: one 1 s tick of the real bridge; <see cref="Handed"/> counts the ticks after which the bridge still
        /// bridges and sees every node (its heartbeat is refused at the unprovisioned stack and cannot be counted there).</summary>
        private sealed class RealBridgeTickPath : WholePath
        {
            public const int HeardNodes = 8;
            private const int OwnAddress = NodeAddressing.FirstNodeAddress; // the lowest candidate: it becomes the bridge
            private const int OtherCandidate = NodeAddressing.FirstNodeAddress + 9;
            private readonly byte[] _otherHeartbeat = UplinkMessages.Heartbeat(false);
            private long _now;
            private int _ticks;

            public RealBridgeTickPath()
            {
                byte[] uuid = new byte[16];
                uuid[0] = 0xDD;
                uuid[1] = 0xDD;
                MeshNode mesh = MeshNode.Start(MeshComposition.UniversalNode(uuid));
                var log = new NodeLog();
                var store = new UplinkStore("I:\\uplink", log);
                var queue = new ReadingQueue(UplinkSettings.DefaultQueueCapacity);
                var session = new MqttSession(queue, store, log, "test"); // not started: no thread, no connection
                Bridge = new UplinkBridge(mesh, queue, session, store, null, log);
                var settings = new UplinkSettings();
                settings.Set("wifi-ssid", "site");
                settings.Set("broker-host", "broker.local");
                settings.Set("period", "3600"); // nodes stay available over the whole run (silence limit: three periods)
                Bridge.Configure(settings, OwnAddress, _now);

                var reading = new SensorReading();
                reading.Set(200, 9602, 300);
                var report = new ReadingReport();
                byte[] reportBytes = new byte[ReadingReport.EncodedLength];
                for (int node = 1; node <= HeardNodes; node++)
                {
                    int address = NodeAddressing.UnicastOf(node);
                    Bridge.OnMeshMessage(MeshProtocol.EnergyReportOpcode, address, UplinkMessages.EnergyReport(1, 1000u), _now);
                    report.Set(1, reading, 50, 0, false);
                    report.Encode(reportBytes);
                    Bridge.OnMeshMessage(MeshProtocol.ReadingReportOpcode, address, reportBytes, _now);
                }
            }

            public UplinkBridge Bridge { get; }

            public override string Name => "UplinkBridge.Tick (the bridge, 8 nodes heard), per 1 s tick";

            public override int Handed => _ticks;

            public override void Run()
            {
                _now += 1000;
                if (_now % BridgeElection.HeartbeatPeriodMilliseconds == 0)
                {
                    Bridge.OnMeshMessage(MeshProtocol.BridgeHeartbeatOpcode, OtherCandidate, _otherHeartbeat, _now); // a live rival
                }

                Bridge.Tick(_now);
                if (Bridge.NodesSeen == HeardNodes && Bridge.IsBridging)
                {
                    _ticks++;
                }
            }
        }
    }
}
