using DcMonitor.PathDrivers;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// No leak on either runtime (issue 16): each path that Shared/ covers (<see cref="WholePath"/>, the drivers the host's
    /// allocation tests and benchmarks use) runs <see cref="Operations"/> times, and the free managed heap that
    /// <c>nanoFramework.Runtime.Native.GC.Run(true)</c> reports after is compared with the figure before; twice, and the
    /// smaller shrinkage of the two rounds may not exceed <see cref="ToleranceBytes"/>. A leak of one object per operation
    /// (a growing list, an unbounded cache: 12 bytes or more on nanoCLR) shrinks both rounds by 120,000 bytes or more; what
    /// else happens in the process (on the host: other threads, the runtime, the test runner) rarely shrinks both. Runs on
    /// nanoCLR as written and on the host (the emulator's GC.Run, an approximation from the host's collector). The figures
    /// are printed.
    /// </summary>
    [TestClass]
    public class HeapLeakTests
    {
        /// <summary>Operations per path between the two heap figures.</summary>
        public const int Operations = 10000;

        /// <summary>
        /// Shrinkage of the free heap allowed per round, bytes: above the host's noise between two collections (the runtime
        /// hands out memory in 8 KB allocation contexts: up to 8,584 B per round measured), far below what a leak of one object
        /// per operation costs a round (12 B or more each on nanoCLR: 120,000 B or more).
        /// </summary>
        public const int ToleranceBytes = 16384;

        /// <summary>Operations run before the first figure, so lazily built tables already exist.</summary>
        public const int WarmUpOperations = 100;

        /// <summary>
        /// Rounds measured at most to get two whose figures are both above zero (a round where GC.Run reports no free heap, before or
        /// after, is measured again; a leak of one object per operation empties the 82,488 B heap every round and fails).
        /// </summary>
        public const int MaximumRounds = 4;

        [TestMethod]
        public void ForwardingStatusesDoesNotLeak()
        {
            CheckNoLeak(new ForwardStatusPath());
        }

        [TestMethod]
        public void PiReadsDoNotLeak()
        {
            CheckNoLeak(new PiCommandPath("1:READ"));
        }

        [TestMethod]
        public void PiDutyCommandsDoNotLeak()
        {
            CheckNoLeak(new PiCommandPath("1:DUTY:50"));
        }

        [TestMethod]
        public void PiAllReadsDoNotLeak()
        {
            CheckNoLeak(new PiCommandPath("ALL:READ"));
        }

        [TestMethod]
        public void PiStopCommandsDoNotLeak()
        {
            CheckNoLeak(new PiCommandPath("1:STOP"));
        }

        [TestMethod]
        public void PiCommandsWithAnInvalidValueDoNotLeak()
        {
            CheckNoLeak(new PiCommandPath("1:DUTY:abc"));
        }

        [TestMethod]
        public void SensorReadsAndTheirRepliesDoNotLeak()
        {
            CheckNoLeak(new SensorReadPath());
        }

        [TestMethod]
        public void IdleGatewayTicksDoNotLeak()
        {
            CheckNoLeak(new IdleGatewayTickPath());
        }

        [TestMethod]
        public void IdleNodeTicksDoNotLeak()
        {
            CheckNoLeak(new IdleNodeTickPath());
        }

        [TestMethod]
        public void IdleUplinkTicksDoNotLeak()
        {
            CheckNoLeak(new IdleUplinkTickPath());
        }

        [TestMethod]
        public void MqttReadingReportsDoNotLeak()
        {
            CheckNoLeak(new MqttReadingReportPath());
        }

        [TestMethod]
        public void BridgeCandidateTicksWithHeardNodesDoNotLeak()
        {
            CheckNoLeak(new BridgeCandidateTickPath());
        }

        [TestMethod]
        public void NodeReadingReportsDoNotLeak()
        {
            CheckNoLeak(new NodeReadingReportPath());
        }

        [TestMethod]
        public void MqttBatchPublishesDoNotLeak()
        {
            CheckNoLeak(new MqttBatchPublishPath());
        }

        private static void CheckNoLeak(WholePath path)
        {
            for (int i = 0; i < WarmUpOperations; i++)
            {
                path.Run();
            }

            // Two rounds whose free-heap figures are both above zero. On the host GC.Run's figure is process-wide: a burst of the test
            // runner's own allocations can push it to 0 for a round (nothing to compare); such a round is measured again, at most
            // MaximumRounds in all. A leak per operation shrinks every round, so it still fails below.
            long first = long.MinValue;
            long second = long.MinValue;
            int rounds = 0;
            string clamped = string.Empty;
            while (second == long.MinValue && rounds < MaximumRounds)
            {
                rounds++;
                long shrinkage;
                if (!TryShrinkageOverOneRound(path, out shrinkage, ref clamped))
                {
                    continue;
                }

                if (first == long.MinValue)
                {
                    first = shrinkage;
                }
                else
                {
                    second = shrinkage;
                }
            }

            Assert.IsTrue(second != long.MinValue, path.Name + ": GC.Run reported no free heap in " + rounds.ToString() + " rounds (" + clamped + "): nothing to compare");
            long smaller = first < second ? first : second;
            OutputHelper.WriteLine(path.Name + ": free heap shrunk by " + first.ToString() + " B and " + second.ToString() + " B over two rounds of "
                + Operations.ToString() + " operations (tolerance " + ToleranceBytes.ToString() + " B)");
            Assert.IsTrue(path.Handed >= 2 * Operations, path.Name + ": the driver handed on " + path.Handed.ToString() + " results");
            Assert.IsTrue(smaller <= ToleranceBytes, path.Name + ": the free heap shrank by " + first.ToString() + " B and " + second.ToString()
                + " B over two rounds of " + Operations.ToString() + " operations (tolerance " + ToleranceBytes.ToString() + " B): something is kept per operation");
        }

        /// <summary>
        /// Free heap before minus free heap after <see cref="Operations"/> operations, bytes (negative when it grew), in
        /// <paramref name="shrinkage"/>; false when GC.Run reported no free heap before or after (the pair is added to <paramref name="clamped"/>).
        /// </summary>
        private static bool TryShrinkageOverOneRound(WholePath path, out long shrinkage, ref string clamped)
        {
            uint before = nanoFramework.Runtime.Native.GC.Run(true);
            for (int i = 0; i < Operations; i++)
            {
                path.Run();
            }

            uint after = nanoFramework.Runtime.Native.GC.Run(true);
            shrinkage = (long)before - after;
            if (before > 0 && after > 0)
            {
                return true;
            }

            clamped += (clamped.Length > 0 ? "; " : string.Empty) + before.ToString() + " B, then " + after.ToString() + " B";
            return false;
        }
    }
}
