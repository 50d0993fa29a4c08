using System.Collections.Generic;
using System.Threading.Tasks;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Air;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>The timed air: airtime from the LE 1M PHY formula, collisions decided at each receiver, the same seed giving the same air.</summary>
    public class TimedAirTests
    {
        /// <summary>A binary vendor SEND: 3-byte opcode + 2 bytes of parameters, unsegmented.</summary>
        private static NetworkPdu BinarySend(int source, int sequence) => new NetworkPdu
        {
            Source = source, Destination = 0xC000, Ttl = 7, Sequence = sequence, SegmentCount = 1, Opcode = 0xC202E5, Parameters = new byte[] { 1, 0 },
        };

        [Fact]
        public void AirtimeOfAKnownPduFollowsTheFormula()
        {
            // network PDU: header 9 + lower transport 1 + (opcode 3 + parameters 2 + TransMIC 4) + NetMIC 4 = 23 bytes
            Assert.Equal(23, AdvertisingTiming.NetworkPduLength(BinarySend(5, 0)));
            Assert.Equal((18 + 23) * 8, AdvertisingTiming.Airtime(23));
            Assert.Equal(376, AdvertisingTiming.Airtime(29)); // the longest advertisement: 47 bytes at 1 Mbit/s
            Assert.Equal(3 * 328 + 2 * AdvertisingTiming.ChannelGapMicroseconds, AdvertisingTiming.EventDuration(23));

            var air = new VirtualAir(lossSeed: 3, AirModel.Timed) { MaximumAdvertisingDelayMicroseconds = 0 };
            var sender = new CountingRadio("a");
            var listener = new CountingRadio("b");
            air.Join(sender);
            air.Join(listener);
            air.Transmit(sender, BinarySend(5, 0), relayed: false);
            Assert.True(air.WaitUntilQuiet(5000));

            Assert.Equal(3 * 328, air.Statistics.AirtimeMicroseconds);
            Assert.Equal(AdvertisingTiming.ReactionMicroseconds + AdvertisingTiming.EventDuration(23), air.NowMicroseconds);
            Assert.Equal(1, listener.Received);
        }

        [Fact]
        public void OverlappingSameChannelTransmissionsAreLostWhereBothAreHeardOnly()
        {
            var air = new VirtualAir(lossSeed: 11, AirModel.Timed) { MaximumAdvertisingDelayMicroseconds = 0 };
            var a = new CountingRadio("a");
            var b = new CountingRadio("b");
            var both = new CountingRadio("r-both");
            var onlyA = new CountingRadio("q-only-a");
            var hold = new HoldingRadio("hold");
            foreach (IRadio radio in new IRadio[] { a, b, both, onlyA, hold })
            {
                air.Join(radio);
            }

            air.SetLink("b", "q-only-a", inRange: false);
            const int Rounds = 20;
            for (int i = 0; i < Rounds; i++)
            {
                air.Transmit(a, BinarySend(5, i), relayed: false); // with no advDelay both start together: every copy overlaps
                air.Transmit(b, BinarySend(6, i), relayed: false);
            }

            hold.Release(air);
            Assert.True(air.WaitUntilQuiet(10000));

            Assert.Equal(0, both.Received);
            Assert.InRange(onlyA.Received, Rounds - 3, Rounds); // only a scanner changing channel in mid-event can miss one
            Assert.Equal(2 * Rounds, air.PerRadio()["r-both"].Collisions); // a's and b's receptions both lost, every round
            Assert.Equal(0, air.PerRadio().TryGetValue("q-only-a", out AirStatistics q) ? q.Collisions : 0);
        }

        [Fact]
        public void TheSameSeedGivesTheSameAirWhateverTheThreads()
        {
            (long Collisions, long Dropped, long Now, string Received) first = BusyAir(seed: 5);
            (long Collisions, long Dropped, long Now, string Received) second = BusyAir(seed: 5);

            Assert.True(first.Collisions > 0, "six radios sending together must collide");
            Assert.True(first.Dropped > 0, "a loss of 0.2 must lose some");
            Assert.Equal(first, second);
        }

        /// <summary>Six radios each send 8 PDUs at once from their own threads; returns what the air made of it.</summary>
        private static (long Collisions, long Dropped, long Now, string Received) BusyAir(int seed)
        {
            var air = new VirtualAir(seed, AirModel.Timed);
            var hold = new HoldingRadio("hold");
            air.Join(hold);
            var radios = new List<CountingRadio>();
            for (int i = 0; i < 6; i++)
            {
                var radio = new CountingRadio("node-" + i);
                radios.Add(radio);
                air.Join(radio);
                if (i > 0)
                {
                    air.SetLink("node-0", radio.RadioName, inRange: true, loss: 0.2);
                }
            }

            Parallel.For(0, radios.Count, i =>
            {
                for (int n = 0; n < 8; n++)
                {
                    air.Transmit(radios[i], BinarySend(5 + i, n), relayed: false);
                }
            });
            hold.Release(air);
            Assert.True(air.WaitUntilQuiet(10000));
            return (air.Statistics.Collisions, air.Statistics.PdusDroppedByLoss, air.NowMicroseconds,
                string.Join(",", radios.ConvertAll(r => r.Received.ToString())));
        }
    }
}
