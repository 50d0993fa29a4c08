using System.Threading;

namespace DcMonitor.Shared.Runtime
{
    /// <summary>
    /// A work item that a <see cref="WorkQueue"/> runs on its worker thread after a delay, unless it was
    /// cancelled first. Created by <see cref="WorkQueue.PostDelayed"/>. Cancelling from the worker thread
    /// is exact: a cancelled item never runs, even if its timer already fired.
    /// </summary>
    public sealed class ScheduledWork
    {
        private const int RetryWhenQueueFullMilliseconds = 10;

        private readonly WorkQueue _queue;
        private readonly WorkItem _item;
        private readonly WorkItem _runOnWorker;
        private Timer _timer;
        private bool _cancelled;

        internal ScheduledWork(WorkQueue queue, WorkItem item)
        {
            _queue = queue;
            _item = item;
            _runOnWorker = RunOnWorker;
        }

        /// <summary>True once <see cref="Cancel"/> was called.</summary>
        public bool IsCancelled => _cancelled;

        /// <summary>Stops the item from running (idempotent).</summary>
        public void Cancel()
        {
            _cancelled = true;
            StopTimer();
            _queue.Forget(this);
        }

        internal void Arm(int delayMilliseconds)
        {
            _timer = new Timer(OnDue, null, delayMilliseconds, Timeout.Infinite);
        }

        private void OnDue(object state)
        {
            if (_cancelled)
            {
                return;
            }

            if (!_queue.Post(_runOnWorker))
            {
                Timer timer = _timer;
                if (timer != null)
                {
                    timer.Change(RetryWhenQueueFullMilliseconds, Timeout.Infinite); // never lose the item
                }
            }
        }

        private void RunOnWorker()
        {
            StopTimer();
            _queue.Forget(this);
            if (!_cancelled)
            {
                _item();
            }
        }

        private void StopTimer()
        {
            Timer timer = _timer;
            _timer = null;
            if (timer != null)
            {
                timer.Dispose();
            }
        }
    }
}
