using System;
using System.Threading;

namespace DcMonitor.Shared.Runtime
{
    /// <summary>
    /// A work item that a <see cref="WorkQueue"/> runs on its worker thread once per <see cref="Schedule"/>, after a delay, from one
    /// timer and one posted delegate created once (<see cref="WorkQueue.CreateOneShot"/>): scheduling allocates nothing, where
    /// <see cref="WorkQueue.PostDelayed"/> allocates a <see cref="ScheduledWork"/>, a timer and delegates each time (issue 16).
    /// Like a <see cref="ScheduledWork"/>, a due run that finds the queue full retries every
    /// <see cref="RetryWhenQueueFullMilliseconds"/> ms (it is never lost), and cancelling from the worker thread is exact: a cancelled
    /// run never runs, even if its timer already fired. At most one run is pending: scheduling again while one is pending moves it.
    /// </summary>
    public sealed class OneShotWork
    {
        /// <summary>Delay before a due run that found the queue full is posted again, ms.</summary>
        public const int RetryWhenQueueFullMilliseconds = 10;

        private readonly WorkQueue _queue;
        private readonly WorkItem _item;
        private readonly WorkItem _runOnWorker;
        private readonly Timer _timer;
        private readonly object _gate = new object();
        private bool _pending;
        private int _generation; // counts Schedule calls (never 0), so a run posted for an earlier one is recognised and skipped
        private int _postedGeneration; // the generation whose run waits in the queue; 0: none

        internal OneShotWork(WorkQueue queue, WorkItem item)
        {
            _queue = queue;
            _item = item;
            _runOnWorker = RunOnWorker;
            _timer = new Timer(OnDue, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>True from <see cref="Schedule"/> until the run starts or <see cref="Cancel"/>.</summary>
        public bool IsPending
        {
            get
            {
                lock (_gate)
                {
                    return _pending;
                }
            }
        }

        /// <summary>Runs the item once on the worker thread after <paramref name="delayMilliseconds"/> (≥ 0). Thread-safe.</summary>
        /// <exception cref="ArgumentOutOfRangeException">negative delay.</exception>
        public void Schedule(int delayMilliseconds)
        {
            if (delayMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException("delayMilliseconds");
            }

            lock (_gate)
            {
                _pending = true;
                _generation++;
                if (_generation == 0)
                {
                    _generation = 1;
                }
            }

            _timer.Change(delayMilliseconds, Timeout.Infinite);
        }

        /// <summary>Stops a pending run (idempotent). Exact on the worker thread: the item does not run.</summary>
        public void Cancel()
        {
            lock (_gate)
            {
                _pending = false;
            }

            _timer.Change(Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>
        /// Posts the pending run now, as the timer does when due; false when none is pending, it is already posted or the queue
        /// refused it (then the timer retries). For a path driver or a test that steps the queue with <see cref="WorkQueue.RunNext"/>
        /// and cannot wait for the timer. Thread-safe.
        /// </summary>
        public bool PostNow()
        {
            lock (_gate)
            {
                if (!_pending || _postedGeneration == _generation)
                {
                    return false;
                }

                _postedGeneration = _generation;
            }

            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            if (_queue.Post(_runOnWorker))
            {
                return true;
            }

            lock (_gate)
            {
                _postedGeneration = 0;
            }

            _timer.Change(RetryWhenQueueFullMilliseconds, Timeout.Infinite); // never lose the run
            return false;
        }

        private void OnDue(object state)
        {
            PostNow();
        }

        private void RunOnWorker()
        {
            lock (_gate)
            {
                if (!_pending || _postedGeneration != _generation)
                {
                    return; // cancelled, or scheduled again, after its timer fired: this run is not the one due
                }

                _pending = false;
                _postedGeneration = 0;
            }

            _item();
        }
    }
}
