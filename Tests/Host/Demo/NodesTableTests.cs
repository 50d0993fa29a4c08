using System.IO;
using DcMonitor.Emulator.Air;
using DcMonitor.Emulator.Demo.Tables;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>The demo's <c>nodes</c> table: a column per fact, a row per node, plain text in a pipe.</summary>
    public class NodesTableTests
    {
        [Fact]
        public void EveryNodeIsARowUnderTheColumns()
        {
            var nodes = new[]
            {
                new HubNode { Name = "node-0", Image = "universal", Unicast = 0x0005, Address = "DC:00:00:00:00:01" },
                new HubNode { Name = "relay-0", Image = "relay", Unicast = 0, Address = "DC:00:00:00:00:02" },
            };
            var output = new StringWriter();
            NodesTable.Write(nodes, "DC:00:00:00:00:01", output);
            string text = output.ToString();
            Assert.Matches(@"node\s+.\s*image\s+.\s*Bluetooth address\s+.\s*boot unicast\s+.\s*power\s+.\s*gateway", text);
            Assert.Matches(@"node-0\s+.\s*universal\s+.\s*DC:00:00:00:00:01\s+.\s*0x0005\s+.\s*off\s+.\s*connected", text);
            Assert.Matches(@"relay-0\s+.\s*relay\s+.\s*DC:00:00:00:00:02\s+.\s*none\s+.\s*off\s", text);
            Assert.DoesNotMatch(@"relay-0.*connected", text);
            Assert.DoesNotContain("\u001b[", text);
        }
    }
}
