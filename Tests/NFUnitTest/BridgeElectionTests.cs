using DcMonitor.Shared.Uplink;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// Which candidate bridges the mesh to MQTT (issue "MQTT uplink"): the lowest live candidate; silence of three heartbeats is
    /// death; a successor takes over within the documented bound when it evaluates once per heartbeat period; a new candidate
    /// listens first; only unicast addresses take part. Times are the caller's clock, so every edge is exact.
    /// </summary>
    [TestClass]
    public class BridgeElectionTests
    {
        [TestMethod]
        public void TheTimingConstantsAreTheDocumentedOnes()
        {
            Assert.AreEqual(5000, BridgeElection.HeartbeatPeriodMilliseconds);
            Assert.AreEqual(15000, BridgeElection.SilenceTimeoutMilliseconds, "three missed heartbeats");
            Assert.AreEqual(20000, BridgeElection.TakeoverBoundMilliseconds);
            Assert.AreEqual(6000, BridgeElection.ListenMilliseconds, "one heartbeat period and a second");
        }

        [DataRow(0x0001, true, true)]
        [DataRow(0x7FFF, true, true)]
        [DataRow(0x0005, false, false)]
        [DataRow(0x0000, true, false)]
        [DataRow(0x8000, true, false)]
        [DataRow(0xC000, true, false)]
        [DataRow(-1, true, false)]
        public void OnlyAUplinkCapableUnicastNodeIsACandidate(int address, bool capable, bool candidate)
        {
            BridgeElection election = new BridgeElection(address, capable, 0);
            Assert.AreEqual(candidate, election.IsCandidate);
            Assert.AreEqual(candidate, election.IsBridge(BridgeElection.ListenMilliseconds), "alone after listening it bridges exactly when it is a candidate");
            Assert.AreEqual(candidate ? address : 0, election.CurrentBridge(0));
        }

        [DataRow(0x0000)]
        [DataRow(0x8000)]
        [DataRow(0xFFFF)]
        [DataRow(-5)]
        public void HeartbeatsFromNonUnicastAddressesAreIgnored(int address)
        {
            BridgeElection election = new BridgeElection(0x0009, true, 0);
            election.HeardHeartbeat(address, 10000);
            Assert.AreEqual(0x0009, election.CurrentBridge(10000));
            Assert.IsTrue(election.IsBridge(10000));
        }

        [TestMethod]
        public void SilenceIsDeathAtExactlyThreeHeartbeats()
        {
            BridgeElection node8 = new BridgeElection(0x0008, false, 0);
            node8.HeardHeartbeat(0x0006, 1000);
            Assert.AreEqual(0x0006, node8.CurrentBridge(1000 + BridgeElection.SilenceTimeoutMilliseconds - 1));
            Assert.AreEqual(0, node8.CurrentBridge(1000 + BridgeElection.SilenceTimeoutMilliseconds), "nobody is left");
            node8.HeardHeartbeat(0x0006, 40000);
            Assert.AreEqual(0x0006, node8.CurrentBridge(40000), "heard again: alive again");
        }

        [TestMethod]
        public void AHigherCandidatesHeartbeatsNeverDisplaceTheLowest()
        {
            BridgeElection node5 = new BridgeElection(0x0005, true, 0);
            for (long now = 0; now <= 60000; now += BridgeElection.HeartbeatPeriodMilliseconds)
            {
                node5.HeardHeartbeat(0x0006, now);
                node5.HeardHeartbeat(0x7FFF, now);
                Assert.AreEqual(0x0005, node5.CurrentBridge(now));
                Assert.AreEqual(now >= BridgeElection.ListenMilliseconds, node5.IsBridge(now), "at " + now.ToString());
            }
        }

        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2499)]
        [DataRow(4999)]
        public void ASuccessorEvaluatingOncePerHeartbeatTakesOverWithinTheBound(int phase)
        {
            // 0x0005 bridges and sends its last heartbeat at lastHeard; 0x0006 evaluates every heartbeat period at its own phase.
            BridgeElection node6 = new BridgeElection(0x0006, true, -BridgeElection.ListenMilliseconds);
            long lastHeard = 12345;
            node6.HeardHeartbeat(0x0005, lastHeard);
            long takenOver = -1;
            for (long now = lastHeard - (lastHeard % BridgeElection.HeartbeatPeriodMilliseconds) + phase; now <= lastHeard + 60000; now += BridgeElection.HeartbeatPeriodMilliseconds)
            {
                if (now >= lastHeard && node6.IsBridge(now))
                {
                    takenOver = now;
                    break;
                }
            }

            Assert.IsTrue(takenOver >= lastHeard + BridgeElection.SilenceTimeoutMilliseconds, "not before the silence timeout: " + takenOver.ToString());
            Assert.IsTrue(takenOver <= lastHeard + BridgeElection.TakeoverBoundMilliseconds, "within the bound: " + takenOver.ToString());
        }

        [TestMethod]
        public void TwoCandidatesThatHearEachOtherNeverBothBridge()
        {
            BridgeElection low = new BridgeElection(0x0005, true, 0);
            BridgeElection high = new BridgeElection(0x0007, true, 2000);
            for (long now = 0; now <= 120000; now += 1000)
            {
                if (now % BridgeElection.HeartbeatPeriodMilliseconds == 0)
                {
                    high.HeardHeartbeat(0x0005, now);
                    low.HeardHeartbeat(0x0007, now);
                }

                Assert.IsFalse(low.IsBridge(now) && high.IsBridge(now), "two bridges at " + now.ToString());
                Assert.IsFalse(high.IsBridge(now), "the higher one never bridges while the lower one is alive, at " + now.ToString());
                Assert.AreEqual(now >= BridgeElection.ListenMilliseconds, low.IsBridge(now), "at " + now.ToString());
            }
        }

        [TestMethod]
        public void ItsOwnAddressInAHeartbeatIsIgnored()
        {
            BridgeElection node9 = new BridgeElection(0x0009, true, 0);
            node9.HeardHeartbeat(0x0009, 0);
            node9.HeardHeartbeat(0x000A, 0);
            Assert.AreEqual(0x0009, node9.CurrentBridge(100000), "its own past heartbeat does not make it silent-dead or a duplicate");
            Assert.IsTrue(node9.IsBridge(100000));
        }
    }
}
