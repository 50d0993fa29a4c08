using System;
using System.Threading;
using DcMonitor.Shared.Runtime;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// A periodic job of the worker queue (the node's 100 ms tick): one timer and one posted delegate made once, at most one
    /// run waiting, a tick that cannot post counted instead of piling up.
    /// </summary>
    [TestClass]
    public class PeriodicWorkTests
    {
        private const int WaitMilliseconds = 5000;

        [TestMethod]
        public void ATickPostsOneRunAndATickWhileItWaitsIsSkippedAndCounted()
        {
            WorkQueue queue = new WorkQueue(8);
            int runs = 0;
            PeriodicWork job = queue.CreatePeriodic(delegate { runs++; });

            Assert.IsTrue(job.PostNow());
            Assert.IsFalse(job.PostNow(), "the previous run still waits");
            Assert.AreEqual(1, job.SkippedTicks);
            Assert.AreEqual(1, queue.Count);

            Assert.IsTrue(queue.RunNext());
            Assert.AreEqual(1, runs);
            Assert.IsFalse(queue.RunNext());
            Assert.IsTrue(job.PostNow(), "the run ran: the next tick posts again");
            Assert.IsTrue(queue.RunNext());
            Assert.AreEqual(2, runs);
            Assert.AreEqual(1, job.SkippedTicks);
        }

        [TestMethod]
        public void ATickFindingTheQueueFullIsSkippedAndTheNextOnePosts()
        {
            WorkQueue queue = new WorkQueue(1);
            int runs = 0;
            PeriodicWork job = queue.CreatePeriodic(delegate { runs++; });
            Assert.IsTrue(queue.Post(delegate { }));

            Assert.IsFalse(job.PostNow());
            Assert.AreEqual(1, job.SkippedTicks);
            Assert.IsTrue(queue.RunNext());
            Assert.IsTrue(job.PostNow());
            Assert.IsTrue(queue.RunNext());
            Assert.AreEqual(1, runs);
        }

        [TestMethod]
        public void AStartedJobRunsOnTheWorkerEachPeriodUntilStopped()
        {
            WorkQueue queue = new WorkQueue(8);
            queue.Start();
            int runs = 0;
            bool onWorker = true;
            AutoResetEvent ran = new AutoResetEvent(false);
            PeriodicWork job = queue.CreatePeriodic(delegate
            {
                runs++;
                onWorker &= queue.IsWorkerThread;
                ran.Set();
            });

            job.Start(20);
            for (int i = 0; i < 3; i++)
            {
                Assert.IsTrue(ran.WaitOne(WaitMilliseconds, false), "tick " + i.ToString());
            }

            job.Stop();
            queue.Stop();
            Assert.IsTrue(runs >= 3);
            Assert.IsTrue(onWorker);
        }

        [TestMethod]
        public void ArgumentsAndMisuseAreRefused()
        {
            WorkQueue queue = new WorkQueue(2);
            Assert.ThrowsException(typeof(ArgumentNullException), delegate { queue.CreatePeriodic(null); });
            PeriodicWork job = queue.CreatePeriodic(delegate { });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { job.Start(0); });
            queue.Start();
            Assert.ThrowsException(typeof(InvalidOperationException), delegate { queue.RunNext(); });
            queue.Stop();
        }
    }
}
