using System.IO;
using DcMonitor.Emulator.Demo.Tables;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>The demo's <c>stats</c> tables: a row per node that used the air and a total, a row per link direction, every column readable in a pipe.</summary>
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
            Assert.Matches(@"sender\s+.\s*receiver\s+.\s*PDUs delivered\s+.\s*lost\s+.\s*out of range", text);
            Assert.DoesNotContain("\u001b[", text); // no colour codes in a pipe
        }

        [Fact]
        public void EachLinkDirectionIsARowWithItsCounters()
        {
            var air = new VirtualAir();
            var a = new CountingRadio("node-0");
            var b = new CountingRadio("node-1");
            var c = new CountingRadio("relay-0");
            air.Join(a);
            air.Join(b);
            air.Join(c);
            air.SetLink("node-0", "node-1", inRange: false);
            air.Transmit(a, new NetworkPdu(), relayed: false);
            air.Transmit(a, new NetworkPdu(), relayed: false);
            air.Transmit(c, new NetworkPdu(), relayed: true);
            var output = new StringWriter();
            AirStatisticsTable.WriteLinks(air, output);
            string text = output.ToString();
            Assert.Matches(@"node-0\s+.\s*node-1\s+.\s*0\s+.\s*0\s+.\s*2\s", text);
            Assert.Matches(@"node-0\s+.\s*relay-0\s+.\s*2\s+.\s*0\s+.\s*0\s", text);
            Assert.Matches(@"relay-0\s+.\s*node-0\s+.\s*1\s+.\s*0\s+.\s*0\s", text);
            Assert.Matches(@"relay-0\s+.\s*node-1\s+.\s*1\s+.\s*0\s+.\s*0\s", text);
            Assert.DoesNotMatch(@"node-1\s+.\s*node-0", text); // node-1 sent nothing
        }
    }
}
