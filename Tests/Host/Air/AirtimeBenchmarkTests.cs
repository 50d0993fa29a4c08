using DcMonitor.Emulator.Demo;
using Xunit;

namespace DcMonitor.Tests.Air
{
    /// <summary>
    /// The ALL:READ targets of issue 15 at sizes a test can afford, on the timed air with collisions and 10 % loss per link
    /// (docs/airtime-benchmark.md): binary payloads, the relays relay selection picks, the firmware's transmit counts and the gateway's
    /// own collection with re-asks; and the 200-node building with the answers on directed paths (docs/directed-forwarding.md). Counts are
    /// deterministic for the air's seed; the other 200-node figures are in the benchmark table.
    /// </summary>
    public class AirtimeBenchmarkTests
    {
        [Fact]
        public void ARoomOf16AnswersEveryNodeWithinTwelveTransmissionsPerNode()
        {
            AirtimeExchange exchange = AirtimeExchange.Measure(16, MeshLayout.Room, true, AirtimeSetup.Selected(MeshLayout.Room, 16), 0.1);

            Assert.Equal(15, exchange.Answered);
            Assert.Equal(0, exchange.RelayNodes); // everyone hears everyone: nobody relays
            Assert.InRange(exchange.Transmissions, 3 * 16, 12 * 16);
            Assert.False(exchange.CutAtWallClockLimit);
        }

        [Fact]
        public void AnExchangeStoppedAtItsWallClockLimitSaysSo()
        {
            // The old firmware's relays flood a room of 16 for about 4 s of wall-clock time; 300 ms stops the same exchange first.
            AirtimeExchange cut = AirtimeExchange.Measure(16, MeshLayout.Room, true, AirtimeSetup.Seed(), 0.0,
                wallClockLimit: System.TimeSpan.FromMilliseconds(300));
            AirtimeExchange whole = AirtimeExchange.Measure(16, MeshLayout.Room, true, AirtimeSetup.Seed(), 0.0);

            Assert.True(cut.CutAtWallClockLimit);
            Assert.False(whole.CutAtWallClockLimit);
            Assert.True(cut.Transmissions < whole.Transmissions, "cut " + cut.Transmissions + ", whole " + whole.Transmissions);
        }

        [Fact]
        public void ABuildingOf63AnswersEveryNodeAtAFractionOfTheFlood()
        {
            AirtimeExchange exchange = AirtimeExchange.Measure(63, MeshLayout.Building, true, AirtimeSetup.Selected(MeshLayout.Building, 63), 0.1);

            Assert.Equal(62, exchange.Answered);
            Assert.Equal(8, exchange.RelayNodes);
            // each answer: 3 transmissions + 2 by each of the relays within its TTL's reach (the reply's TTL is scoped to the hops the
            // request took; from this corner gateway that is most of the 8), plus the re-asks: 1,466 measured (23.3 per node; 1,449
            // without scoping); every node relaying 5 times cost 5N² − 6N + 5 = 19,472 at 63 nodes (issue 15), 309 per node
            Assert.InRange(exchange.Transmissions, 19 * 63, 24 * 63);
            // 18 measured (13 without scoping): a scoped reply has fewer relays to spare, and re-asks recover it; over air seeds 1-4 they
            // were 18, 16, 5, 11 scoped and 13, 11, 9, 10 not (docs/airtime-benchmark.md), hence a bound of a third of the nodes
            Assert.True(exchange.Reasks <= 62 / 3, "re-asks: " + exchange.Reasks);
        }

        [Fact]
        public void ABuildingOf200AnswersEveryNodeWithinTwelveTransmissionsPerNodeAlongDirectedPaths()
        {
            AirtimeExchange exchange = AirtimeExchange.Measure(200, MeshLayout.Building, true, AirtimeSetup.Directed(MeshLayout.Building, 200), 0.1);

            Assert.Equal(199, exchange.Answered);
            // each answer: 2 transmissions + 3 by each relay of its region's chain to the gateway (docs/directed-forwarding.md), the group
            // request's flood through the 8 relays, and the re-asks, unicast along the same two-way paths: 2,270 measured (11.4 per
            // node; 4,110 with every answer flooded through the selected relays, docs/airtime-benchmark.md)
            Assert.InRange(exchange.Transmissions, 8 * 200, 12 * 200);
            Assert.Equal(0, exchange.DirectedFallbacks); // every answer found its fixed path: none flooded
            Assert.InRange(exchange.MostForwardingEntries, 1, 64); // CONFIG_BLE_MESH_MAX_FORWARD_TABLE_ENTRY_COUNT
        }
    }
}
