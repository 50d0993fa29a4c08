using System.Collections.Generic;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>The virtual air's per-link counters: every transmission is delivered, lost or out of range at each other radio.</summary>
    public class LinkStatisticsTests
    {
        [Fact]
        public void EveryReceptionIsCountedOnceOnItsDirection()
        {
            var air = new VirtualAir(lossSeed: 7);
            var sender = new CountingRadio("a");
            var lossy = new CountingRadio("b");
            var far = new CountingRadio("c");
            air.Join(sender);
            air.Join(lossy);
            air.Join(far);
            air.SetLink("a", "b", inRange: true, loss: 0.5);
            air.SetLink("a", "c", inRange: false);
            for (int i = 0; i < 200; i++)
            {
                air.Transmit(sender, new NetworkPdu(), relayed: false);
            }

            List<LinkStatistics> links = air.PerLink();
            Assert.Equal(new[] { "a>b", "a>c" }, links.ConvertAll(l => l.Sender + ">" + l.Receiver));
            LinkStatistics ab = links[0];
            Assert.Equal(200, ab.Delivered + ab.Lost);
            Assert.Equal(lossy.Received, ab.Delivered);
            Assert.InRange(ab.Lost, 50, 150); // a loss of 0.5 loses some and delivers some
            Assert.Equal(0, ab.OutOfRange);
            Assert.Equal(air.Statistics.PdusDroppedByLoss, ab.Lost);
            Assert.Equal(200, links[1].OutOfRange);
            Assert.Equal(0, links[1].Delivered + links[1].Lost);
            Assert.Equal(0, far.Received);
        }
    }
}
