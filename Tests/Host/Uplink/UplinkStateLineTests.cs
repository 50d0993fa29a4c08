using DcMonitor.Shared.Uplink;
using Xunit;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>The console's uplink state line: the text the tick formatted before, rebuilt only when a figure changed (issue 16).</summary>
    public class UplinkStateLineTests
    {
        [Fact]
        public void ItSaysStartingBeforeTheFirstTick()
        {
            Assert.Equal("starting", new UplinkStateLine().Text);
        }

        [Fact]
        public void ItFormatsTheFiguresAsTheTickDid()
        {
            var line = new UplinkStateLine();
            Assert.True(line.Update(false, 0x0005, false, 3, 1, 5, 42, 2, 12u));
            Assert.Equal("bridge is 0x0005, broker not connected, 3 readings queued, 1 dropped, 5 missed on the mesh, 42 published, 2 nodes known, energy 12 mWh", line.Text);
            Assert.True(line.Update(true, 0x0007, true, 0, 0, 0, 0, 0, 0u));
            Assert.Equal("bridge, broker connected, 0 readings queued, 0 dropped, 0 missed on the mesh, 0 published, 0 nodes known, energy 0 mWh", line.Text);
            Assert.True(line.Update(false, 0, false, 0, 0, 0, 0, 0, 0u));
            Assert.Equal("no bridge heard, broker not connected, 0 readings queued, 0 dropped, 0 missed on the mesh, 0 published, 0 nodes known, energy 0 mWh", line.Text);
        }

        [Fact]
        public void ItKeepsTheSameTextWhileNothingChanges()
        {
            var line = new UplinkStateLine();
            line.Update(false, 0x0005, true, 3, 1, 5, 42, 2, 12u);
            string first = line.Text;
            Assert.False(line.Update(false, 0x0005, true, 3, 1, 5, 42, 2, 12u));
            Assert.Same(first, line.Text);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        [InlineData(6)]
        [InlineData(7)]
        [InlineData(8)]
        public void AnyChangedFigureRebuildsTheText(int figure)
        {
            var line = new UplinkStateLine();
            line.Update(false, 0x0005, false, 3, 1, 5, 42, 2, 12u);
            string before = line.Text;
            bool changed = line.Update(figure == 0, figure == 1 ? 0x0006 : 0x0005, figure == 2, figure == 3 ? 4 : 3, figure == 4 ? 2 : 1,
                figure == 8 ? 6 : 5, figure == 5 ? 43 : 42, figure == 6 ? 3 : 2, figure == 7 ? 13u : 12u);
            Assert.True(changed);
            Assert.NotEqual(before, line.Text);
        }
    }
}
