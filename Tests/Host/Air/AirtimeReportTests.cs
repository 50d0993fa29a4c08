using System.IO;
using System.Linq;
using DcMonitor.Emulator;
using DcMonitor.Emulator.Demo;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>The <c>airtime</c> command's cases: one <c>airtime:</c> line per case, counted once the timed air is quiet.</summary>
    public class AirtimeReportTests
    {
        [Fact]
        public void EachCaseEndsInOneAirtimeLine()
        {
            var output = new StringWriter();
            int exit = EmulatorCommandLine.Run(new[] { "airtime", "--nodes", "4", "--layout", "building", "--loss", "0" }, TextReader.Null, output, new StringWriter());

            Assert.Equal(0, exit);
            string[] lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("airtime: ")).ToArray();
            Assert.Equal(8, lines.Length); // text, binary, directed (and its paths' line); the READ round trip in each, text/binary ratio
            Assert.Matches(@"^airtime: layout=building nodes=4 protocol=text relays=all loss=0 transmissions=\d+ answered=3/3 completion_ms=\d+$", lines[0]);
            // binary, relays selected: 4 nodes all hear each other, so none relays: the request 3 + 3 answers × 3 network transmissions
            Assert.Matches(@"^airtime: layout=building nodes=4 protocol=binary relays=selected loss=0 transmissions=12 answered=3/3 completion_ms=\d+$", lines[1]);
            // directed: each node's one-hop path to the gateway: the request 3 + 3 answers × 2 directed network transmissions
            Assert.Matches(@"^airtime: layout=building nodes=4 protocol=binary relays=directed loss=0 transmissions=9 answered=3/3 completion_ms=\d+$", lines[2]);
            Assert.Equal("airtime: directed layout=building nodes=4 loss=0 most_forwarding_entries=3 flooded_without_path=0 re-asks=0", lines[3]);
            Assert.Equal("airtime: read protocol=text relays=all transmissions=24 segments=4 acks=1 answered=1/1", lines[4]);
            Assert.Equal("airtime: read protocol=binary relays=selected transmissions=6 segments=0 acks=0 answered=1/1", lines[5]);
            Assert.Equal("airtime: read protocol=binary relays=directed transmissions=4 segments=0 acks=0 answered=1/1", lines[6]); // both ways on the two-way path
            Assert.Equal("airtime: read ratio=4.0 (text with segment acks / binary)", lines[7]);
        }

        [Fact]
        public void AReadRoundTripInTextCostsFourTimesTheBinaryWithItsSegmentAcknowledgment()
        {
            AirtimeExchange binary = AirtimeExchange.Measure(2, MeshLayout.Room, all: false, AirtimeSetup.Selected(MeshLayout.Room, 2), loss: 0.0);
            AirtimeExchange text = AirtimeExchange.Measure(2, MeshLayout.Room, all: false, AirtimeSetup.Seed(), loss: 0.0);

            Assert.Equal(3 + 3, binary.Transmissions); // SEND and STATUS, 3 network transmissions each (the composition's Network Transmit)
            Assert.Equal(0, binary.Acknowledgements);
            Assert.Equal(1, text.Acknowledgements); // the 4-segment text STATUS is acknowledged once
            Assert.Equal(4 + 4 * 4 + 4, text.Transmissions); // SEND, 4 segments, the acknowledgment: 4 transmissions each (seed §1.6)
            Assert.True(text.Transmissions >= 3 * binary.Transmissions);
        }
    }
}
