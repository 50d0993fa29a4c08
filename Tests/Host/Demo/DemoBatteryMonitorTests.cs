using System;
using System.IO;
using DcMonitor.Emulator.Demo;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>
    /// The demo's BM6 (issue 18): node-0's owner types <c>bm6 use</c> and <c>bm6 read</c> at start for the virtual BM6 placed beside
    /// it, so the Pi's <c>0:BATT</c> in <c>demo --commands</c> prints the monitor's reading, and <c>ALL:BATT</c> shows the other nodes
    /// without a monitor by name (a two-node demo, nodes in this process).
    /// </summary>
    [LongRunning(5)]
    public sealed class DemoBatteryMonitorTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "dcm-demo-bm6-" + Guid.NewGuid().ToString("N"), "demo");

        public void Dispose()
        {
            if (Directory.Exists(Path.GetDirectoryName(_root)))
            {
                Directory.Delete(Path.GetDirectoryName(_root), true);
            }
        }

        [Fact]
        public void ZeroBattPrintsTheBm6ReadingOfNodeZero()
        {
            var output = new StringWriter();
            var status = new StringWriter();
            int exit = MeshDemo.Run(new MeshDemoOptions { Nodes = 2, Commands = "0:BATT;ALL:BATT", FlashRoot = _root, InProcess = true }, TextReader.Null, output, status);

            Assert.True(exit == 0, "exit " + exit + "; status:\n" + status);
            Assert.Contains("battery: node-0 typed 'bm6 use " + MeshDemo.BatteryMonitorAddress + "', 'bm6 read': BATT:V:12.71V,SOC:87%,T:21C", status.ToString());
            string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("NODE0:BATT:V:12.71V,SOC:87%,T:21C", lines[0]);
            Assert.Equal(2, Array.FindAll(lines, l => l == "NODE0:BATT:V:12.71V,SOC:87%,T:21C").Length); // 0:BATT, then ALL:BATT
            Assert.Contains("NODE1:BATT:ERROR:NO_BATTERY_MONITOR", lines);
        }
    }
}
