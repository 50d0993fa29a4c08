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
            Assert.Equal(2, lines.Length); // text, then binary
            Assert.Matches(@"^airtime: layout=building nodes=4 protocol=text relays=all loss=0 transmissions=\d+ answered=3/3 completion_ms=\d+$", lines[0]);
            // binary, every node relaying: the request 4 + 3 replies × 4, each relayed 5 times by the 3 other nodes = 5N² − 6N + 5
            Assert.Matches(@"^airtime: layout=building nodes=4 protocol=binary relays=all loss=0 transmissions=61 answered=3/3 completion_ms=\d+$", lines[1]);
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
