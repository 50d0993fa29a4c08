using System;
using System.Collections;
using System.Threading;
using DcMonitor.Shared.Runtime;
using nanoFramework.TestFramework;

namespace DcMonitor.NFUnitTest
{
    /// <summary>The single worker that owns a node's state (seed protocol §4.16, §9 B5–B7).</summary>
    [TestClass]
    public class WorkQueueTests
    {
        private const int WaitMilliseconds = 5000;

        [TestMethod]
        public void ItemsRunInPostingOrderOnOneThread()
        {
            WorkQueue queue = new WorkQueue(8);
            ArrayList order = new ArrayList();
            ArrayList threads = new ArrayList();
            ManualResetEvent done = new ManualResetEvent(false);
            for (int i = 0; i < 5; i++)
            {
                int number = i;
                Assert.IsTrue(queue.Post(delegate
                {
                    order.Add(number);
                    threads.Add(Thread.CurrentThread.ManagedThreadId);
                }));
            }

            queue.Post(delegate { done.Set(); });
            queue.Start();
            Assert.IsTrue(done.WaitOne(WaitMilliseconds, false));
            queue.Stop();

            Assert.AreEqual(5, order.Count);
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual(i, (int)order[i]);
                Assert.AreEqual((int)threads[0], (int)threads[i]);
            }

            Assert.AreNotEqual(Thread.CurrentThread.ManagedThreadId, (int)threads[0]);
        }

        [TestMethod]
        public void AFullQueueRefusesInsteadOfDropping()
        {
            WorkQueue queue = new WorkQueue(2);
            Assert.IsTrue(queue.Post(delegate { }));
            Assert.IsTrue(queue.Post(delegate { }));
            Assert.IsFalse(queue.Post(delegate { }));
            Assert.AreEqual(2, queue.Count);
        }

        [TestMethod]
        public void AFailingItemIsReportedAndTheWorkerGoesOn()
        {
            WorkQueue queue = new WorkQueue(4);
            ManualResetEvent next = new ManualResetEvent(false);
            string reported = null;
            queue.ItemFailed += delegate(Exception exception) { reported = exception.Message; };
            queue.Post(delegate { throw new InvalidOperationException("boom"); });
            queue.Post(delegate { next.Set(); });
            queue.Start();
            Assert.IsTrue(next.WaitOne(WaitMilliseconds, false));
            queue.Stop();
            Assert.AreEqual("boom", reported);
        }

        [TestMethod]
        public void DelayedItemsRunOnTheWorkerAfterTheirDelay()
        {
            WorkQueue queue = new WorkQueue(4);
            queue.Start();
            ManualResetEvent ran = new ManualResetEvent(false);
            bool onWorker = false;
            long posted = DateTime.UtcNow.Ticks;
            long runAt = 0;
            queue.PostDelayed(150, delegate
            {
                runAt = DateTime.UtcNow.Ticks;
                onWorker = queue.IsWorkerThread;
                ran.Set();
            });
            Assert.AreEqual(1, queue.ScheduledCount);
            Assert.IsTrue(ran.WaitOne(WaitMilliseconds, false));
            queue.Stop();
            Assert.IsTrue(onWorker);
            Assert.IsTrue((runAt - posted) / TimeSpan.TicksPerMillisecond >= 140, "ran early");
            Assert.AreEqual(0, queue.ScheduledCount);
        }

        [TestMethod]
        public void ACancelledItemNeverRuns()
        {
            WorkQueue queue = new WorkQueue(4);
            queue.Start();
            bool cancelledRan = false;
            ManualResetEvent marker = new ManualResetEvent(false);
            ScheduledWork cancelled = queue.PostDelayed(50, delegate { cancelledRan = true; });
            cancelled.Cancel();
            queue.PostDelayed(300, delegate { marker.Set(); });
            Assert.IsTrue(marker.WaitOne(WaitMilliseconds, false));
            queue.Stop();
            Assert.IsTrue(cancelled.IsCancelled);
            Assert.IsFalse(cancelledRan);
        }

        [TestMethod]
        public void ArgumentsAreChecked()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { new WorkQueue(0); });
            WorkQueue queue = new WorkQueue(1);
            Assert.ThrowsException(typeof(ArgumentNullException), delegate { queue.Post(null); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), delegate { queue.PostDelayed(-1, delegate { }); });
        }
    }
}
