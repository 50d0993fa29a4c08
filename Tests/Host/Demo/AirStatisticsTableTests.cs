using System.IO;
using DcMonitor.Emulator.Demo;
using DcMonitor.Emulator.Mesh;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>The demo's <c>stats</c> table: a row per node that used the air and a total, every column readable in a pipe.</summary>
    public class AirStatisticsTableTests
    {
        [Fact]
        public void AnIdleAirShowsTheHeaderAndAZeroTotal()
        {
            var output = new StringWriter();
            AirStatisticsTable.Write(new VirtualAir(), output);
            string text = output.ToString();
            Assert.Contains("GATT notifications", text);
            Assert.Contains("lost at receiver", text);
            Assert.Matches(@"total\s+0\s+0\s+0\s+0\s+0\s+0", text);
            Assert.DoesNotContain("\u001b[", text); // no colour codes in a pipe
        }
    }
}
