using System.Linq;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>The universal node images on the timed air: the Pi's READ and ALL:READ still answered, with airtime and collisions counted.</summary>
    public class TimedAirNetworkTests
    {
        [Fact]
        public void AReadCrossesTheTimedAir()
        {
            using var network = new TestNetwork(2, model: AirModel.Timed);
            var pi = network.ConnectPi(0);
            pi.Write("1:READ");
            Assert.Equal("SENT:READ", pi.Next());
            Assert.StartsWith("NODE1:DATA:", pi.Next(10000));
            Assert.True(network.Air.WaitUntilQuiet(10000));
            Assert.True(network.Air.Statistics.AirtimeMicroseconds > 0, "the timed air counts channel occupancy");
            Assert.True(network.Air.NowMicroseconds >= 2 * AdvertisingTimingFloor, "a round trip takes at least two advertising events of air time");
        }

        [Fact]
        public void AnAllReadOfEightNodesInOneRoomIsAnsweredByEveryNode()
        {
            using var network = new TestNetwork(8, model: AirModel.Timed);
            var pi = network.ConnectPi(0);
            pi.Write("ALL:READ");
            Assert.StartsWith("NODE0:DATA:", pi.Next());
            Assert.Equal("SENT:READ", pi.Next());
            Assert.Equal(Enumerable.Range(1, 7).Select(i => "NODE" + i).ToHashSet(), pi.NodesAnswering(7));
        }

        /// <summary>The shortest advertising event: the three copies of a 1-byte network PDU and their gaps, µs.</summary>
        private static int AdvertisingTimingFloor => DcMonitor.Emulator.Mesh.Air.AdvertisingTiming.EventDuration(1);
    }
}
