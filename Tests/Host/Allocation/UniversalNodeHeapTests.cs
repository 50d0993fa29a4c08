using System;
using DcMonitor.Emulator.Board;
using DcMonitor.PathDrivers;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Terminal;
using DcMonitor.Shared.Uplink;
using DcMonitor.Tests.Battery;
using DcMonitor.UniversalNode.Mesh;
using Xunit;
using Xunit.Abstractions;

namespace DcMonitor.Tests.Allocation
{
    /// <summary>
    /// The device heap budget of issue 16: the long-lived Shared/ objects a UniversalNode holds after start-up (the parts that
    /// run without hardware, built as UniversalNodeApp, MeshCoordinator, VendorServer, the uplink and the console build them,
    /// with the uplink queue at its default capacity), counted on the host. The count is the bytes allocated while building
    /// them on this thread (deterministic; it includes any temporary garbage, so it bounds what stays). .NET object sizes are
    /// not nanoCLR's (docs/memory.md): the figure is a guide next to the ESP32-C6 heap, not the device figure.
    /// </summary>
    public class UniversalNodeHeapTests
    {
        // Today's figure rounded up (the issue sets no target): a rise means a table, queue or buffer grew. 8,648 B with 64 node ids;
        // 17,064 B since node ids go to 250 (issue 15: the known-node table, the gateway's per-node arrays, the identity table);
        // 19,392 B since the hot paths reuse long-lived buffers instead of allocating per operation (issue 16: the gateway's
        // write queue of 16 × 64 B and reply buffers, the vendor server's request pool, the executor's ring); 19,504 B since the
        // stand-in local runner writes its reply from a reused reading reply as LocalCommandRunner does (its reading and reply, 48 B);
        // 27,864 B since the uplink's device links keep fixed tables instead of allocating per tick, report and batch (issue 16: the
        // bridge's per-node HeardNodeTable, 5.7 KB, which replaced four Hashtables growing with every node heard; the state topic
        // cache's 250 slots; the acknowledged packet ids; the reused heartbeat and report bytes); 33,080 B since MeshCoordinator copies
        // mesh events into a fixed ring of 32 reused copies of up to 64 payload bytes (5,216 B) instead of a new copy and a delegate per event.
        // 33,112 B since the console line assembler holds 76-character lines for a CA paste (PEM lines are 64 characters).
        // 35,632 B since every node holds the BM6 battery monitor (issue 18, 2,496 B: the event pump's ring of 8 reused link
        // events that carry a central's events onto the worker, the reader's and codec's block buffers, the native link's event)
        // and the gateway keeps a group-resend flag (issue 15, 8 B); 35,936 B since the reader keeps a BM7 codec beside the BM6 one
        // (296 B: its key and block buffers, so switching the variant allocates nothing per read); 36,976 B since the bridge's
        // HeardNodeTable keeps each node's highest reading sequence to count readings missed on the mesh (1,040 B: 250 ints);
        // 37,120 B since the gateway holds the Pi's commands while a group resend's answers come (8 B): 36,984 B alone, up to
        // 37,064 B in the whole suite's run.
        private const int LongLivedObjectsBudget = 37120;
        private static readonly IBatteryMonitorLink BatteryLink = new QuietBatteryLink();
        private static readonly IBlockCipher BatteryCipher = new AesBlockCipher();

        private readonly ITestOutputHelper _output;

        /// <summary>Creates the test class.</summary>
        public UniversalNodeHeapTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void TheLongLivedObjectsFitTheirBudgetAndTheEsp32C6Heap()
        {
            Build(); // first-use allocations (static tables, type loading) out of the count
            long before = GC.GetAllocatedBytesForCurrentThread();
            object[] held = Build();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(held);

            _output.WriteLine("UniversalNode long-lived Shared/ objects: " + allocated + " B allocated on the host (budget "
                + LongLivedObjectsBudget + " B; ESP32-C6 managed heap " + ManagedHeap.Esp32C6StartupBytes + " B)");
            Assert.True(allocated > 0);
            Assert.True(allocated <= LongLivedObjectsBudget, "the long-lived objects take " + allocated + " B, over their budget of " + LongLivedObjectsBudget + " B");
            Assert.True(allocated < ManagedHeap.Esp32C6StartupBytes, "the long-lived objects alone would fill the device's heap");
        }

        /// <summary>The objects the node keeps from start-up to power-off, in the sizes the firmware gives them.</summary>
        private static object[] Build()
        {
            NodeLog log = new NodeLog();
            WorkQueue queue = new WorkQueue(128); // UniversalNodeApp.WorkQueueCapacity
            BatteryMonitorReader batteryReader = new BatteryMonitorReader(BatteryLink, BatteryCipher, log);
            return new object[]
            {
                log,
                queue,
                batteryReader, // BatteryMonitorService
                new BatteryMonitorEventPump(BatteryLink, queue, batteryReader, delegate { return 0L; }),
                new BatteryMonitorLinkEvent(), // NativeBatteryMonitorLink's reused event
                new GatewayProcessor(new EncodingMesh(), new ChunkingNotifier(), new AnsweringLocalRunner()), // with the adapter's and notifier's buffers
                new HeldReplies(SensorPayloadFormatter.MaximumLength + 64), // VendorServer
                new ResponseDelay(0x0005),
                new SensorPayloadFormatter(), new SensorPayloadFormatter(), new SensorPayloadFormatter(), // executor, coordinator, vendor server
                new SensorReading(), new SensorReading(), new SensorReading(),
                new ConsoleLineAssembler(),
                new PemPaste(),
                new EnergyMeter(),
                new ReadingReport(), new ReadingReport(),
                new ReadingQueue(UplinkSettings.DefaultQueueCapacity),
                new StatePayloadWriter(),
                new NodeIdentityTable(),
                new BridgeElection(0x0005, true, 0),
                new DiagnosticsSchedule(),
                new UplinkSettings(),
                new KnownNodeTable(),
                new HeardNodeTable(), // UplinkBridge
                new byte[UplinkMessages.HeartbeatLength], // UplinkBridge's heartbeat
                new byte[UplinkMessages.EnergyReportLength], new byte[ReadingReport.EncodedLength], // ReadingReporter's reports
                new ShadowReadings(256), // UplinkBridge.ShadowCapacity (its ring is made at the first reading kept)
                new StateTopicCache(), // MqttSession (its topics are made at each node's first reading)
                new AcknowledgedPacketIds(32 + 64 + 1), // MqttSession: a batch, the control messages, the drop count
                new MeshEventRing(MeshCoordinator.EventRingCapacity, MeshCoordinator.EventPayloadCapacity), // MeshCoordinator's event copies
            };
        }
    }
}
