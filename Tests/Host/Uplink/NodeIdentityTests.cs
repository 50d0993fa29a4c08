using System.Diagnostics;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;
using Xunit.Abstractions;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>
    /// A bridge names every node by its UUID: a node whose identity it missed (out of range when the node booted) is asked for it
    /// at its first reading, and appears as a Home Assistant device at once instead of after six periods.
    /// </summary>
    [LongRunning(18)]
    public sealed class NodeIdentityTests
    {
        private readonly ITestOutputHelper _output;

        public NodeIdentityTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void ANodeWhoseIdentityTheBridgeMissedIsAskedForIt()
        {
            const int period = 10;
            using var mesh = new UplinkMesh(nodes: 2, periodSeconds: period, uplinkNodes: 1, topology: air => air.SetLink("node-0", "node-1", inRange: false));
            mesh.Recorder.WaitFor(m => m.Topic == "homeassistant/device/" + mesh.ObjectId(0) + "/config", 40000);
            Assert.DoesNotContain(mesh.Recorder.All(), m => m.Topic.Contains(mesh.ObjectId(1)));

            var clock = Stopwatch.StartNew();
            mesh.Air.SetLink("node-0", "node-1", inRange: true);
            mesh.Recorder.WaitFor(m => m.Topic == "homeassistant/device/" + mesh.ObjectId(1) + "/config", 3 * period * 1000);
            _output.WriteLine("named " + clock.ElapsedMilliseconds + " ms after the link came up");
            // Its own periodic identity would come 6 periods after its boot; the request is answered within a period of the link.
            Assert.True(clock.ElapsedMilliseconds < 2 * period * 1000 + 2000, "named after " + clock.ElapsedMilliseconds + " ms");
            mesh.Recorder.WaitFor(m => m.Topic == "dcmonitor/" + mesh.ObjectId(1) + "/state", 2 * period * 1000);
        }
    }
}
