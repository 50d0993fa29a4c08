using System;
using System.Threading;

namespace DcMonitor.Shared.Runtime
{
    /// <summary>
    /// A work item that a <see cref="WorkQueue"/> runs on its worker thread once per period, from one timer and one posted
    /// delegate created once (<see cref="WorkQueue.CreatePeriodic"/>): a tick allocates nothing, where re-posting with
    /// <see cref="WorkQueue.PostDelayed"/> allocates a <see cref="ScheduledWork"/>, a timer and delegates each time (issue 16).
    /// At most one run waits in the queue: a tick that finds the previous run still waiting, or the queue full, is skipped and
    /// counted (<see cref="SkippedTicks"/>) — the next tick comes one period later. Stopped until <see cref="Start"/>.
    /// </summary>
    public sealed class PeriodicWork
    {
        private readonly WorkQueue _queue;
        private readonly WorkItem _item;
        private readonly WorkItem _runOnWorker;
        private readonly Timer _timer;
        private readonly object _gate = new object();
        private bool _waiting;
        private int _skippedTicks;

        internal PeriodicWork(WorkQueue queue, WorkItem item)
        {
            _queue = queue;
            _item = item;
            _runOnWorker = RunOnWorker;
            _timer = new Timer(OnDue, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>Ticks that posted nothing because the previous run had not run yet or the queue was full (diagnostics).</summary>
        public int SkippedTicks
        {
            get
            {
                lock (_gate)
                {
                    return _skippedTicks;
                }
            }
        }

        /// <summary>Starts (or restarts) ticking: the first tick after <paramref name="periodMilliseconds"/> (&gt; 0), then every period. Thread-safe.</summary>
        /// <exception cref="ArgumentOutOfRangeException">period is not positive.</exception>
        public void Start(int periodMilliseconds)
        {
            if (periodMilliseconds <= 0)
            {
                throw new ArgumentOutOfRangeException("periodMilliseconds");
            }

            _timer.Change(periodMilliseconds, periodMilliseconds);
        }

        /// <summary>Stops ticking (a run already posted still runs). Thread-safe; idempotent.</summary>
        public void Stop()
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
        }

        /// <summary>
        /// Posts one run now, as each tick of the timer does; false, and counted as skipped, when the previous run is still
        /// waiting or the queue refused it. Thread-safe.
        /// </summary>
        public bool PostNow()
        {
            lock (_gate)
            {
                if (_waiting)
                {
                    _skippedTicks++;
                    return false;
                }

                _waiting = true;
            }

            if (_queue.Post(_runOnWorker))
            {
                return true;
            }

            lock (_gate)
            {
                _waiting = false;
                _skippedTicks++;
            }

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
                _waiting = false;
            }

            _item();
        }
    }
}
