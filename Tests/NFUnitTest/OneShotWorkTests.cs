using System.Threading;
using DcMonitor.Shared.Runtime;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>
    /// A one-shot job of the worker queue (the executor's delayed reply, a ramp step, the ERROR:BUSY answers): one timer and one
    /// posted delegate made once, one run per schedule, exact cancellation on the worker, a run posted for an earlier schedule skipped.
    /// </summary>
    [TestClass]
    public class OneShotWorkTests
    {
        private const int WaitMilliseconds = 5000;
        private const int NeverDueMilliseconds = 600000;

        [TestMethod]
        public void AScheduledRunPostsOnceAndRunsOnce()
        {
            WorkQueue queue = new WorkQueue(8);
            int runs = 0;
            OneShotWork job = queue.CreateOneShot(delegate { runs++; });

            Assert.IsFalse(job.PostNow(), "nothing scheduled");
            job.Schedule(NeverDueMilliseconds);
            Assert.IsTrue(job.IsPending);
            Assert.IsTrue(job.PostNow());
            Assert.IsFalse(job.PostNow(), "already posted");
            Assert.AreEqual(1, queue.Count);
            Assert.IsTrue(queue.RunNext());
            Assert.AreEqual(1, runs);
            Assert.IsFalse(job.IsPending);
            Assert.IsFalse(job.PostNow(), "ran: nothing pending");
        }

        [TestMethod]
        public void ARunCancelledAfterItWasPostedDoesNotRun()
        {
            WorkQueue queue = new WorkQueue(8);
            Counter counter = new Counter();
            PostedThenCancelled(queue, counter);

            Assert.IsTrue(queue.RunNext());
            Assert.AreEqual(0, counter.Runs);
        }

        [TestMethod]
        public void ARunPostedForAnEarlierScheduleIsSkippedAndTheNewOneRunsWhenDue()
        {
            WorkQueue queue = new WorkQueue(8);
            Counter counter = new Counter();
            OneShotWork job = PostedThenCancelled(queue, counter);

            job.Schedule(NeverDueMilliseconds);
            Assert.IsTrue(queue.RunNext(), "the earlier schedule's run");
            Assert.AreEqual(0, counter.Runs, "not due yet");
            Assert.IsTrue(job.IsPending);
            Assert.IsTrue(job.PostNow());
            Assert.IsTrue(queue.RunNext());
            Assert.AreEqual(1, counter.Runs);
        }

        [TestMethod]
        public void ADueRunThatFindsTheQueueFullIsRetriedNotLost()
        {
            WorkQueue queue = new WorkQueue(1);
            queue.Start();
            AutoResetEvent started = new AutoResetEvent(false);
            AutoResetEvent release = new AutoResetEvent(false);
            AutoResetEvent ran = new AutoResetEvent(false);
            OneShotWork job = queue.CreateOneShot(delegate { ran.Set(); });

            Assert.IsTrue(queue.Post(delegate
            {
                started.Set();
                release.WaitOne(WaitMilliseconds, false);
            }));
            Assert.IsTrue(started.WaitOne(WaitMilliseconds, false), "the worker is busy");
            Assert.IsTrue(queue.Post(delegate { }), "and the queue is full");
            job.Schedule(NeverDueMilliseconds);
            Assert.IsFalse(job.PostNow(), "due now, refused by the full queue");
            Assert.IsTrue(job.IsPending);
            release.Set();
            Assert.IsTrue(ran.WaitOne(WaitMilliseconds, false), "retried: the run got in once the queue had room");
            queue.Stop();
        }

        /// <summary>A job of <paramref name="queue"/> counting its runs in <paramref name="counter"/>, scheduled, posted (due) and then cancelled.</summary>
        private static OneShotWork PostedThenCancelled(WorkQueue queue, Counter counter)
        {
            OneShotWork job = queue.CreateOneShot(counter.Run);
            job.Schedule(NeverDueMilliseconds);
            Assert.IsTrue(job.PostNow());
            job.Cancel();
            return job;
        }

        private sealed class Counter
        {
            public int Runs;

            public void Run()
            {
                Runs++;
            }
        }
    }
}
