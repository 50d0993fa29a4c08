using System;
using System.Collections;
using System.Threading;

namespace DcMonitor.Shared.Runtime
{
    /// <summary>
    /// One worker thread that runs posted <see cref="WorkItem"/>s one at a time, in posting order. A node
    /// funnels every command, timer tick and radio event through one queue, so the state they touch (duty,
    /// sensor, ramp) has a single owner and nothing blocks a radio or timer callback (seed protocol §4.16,
    /// §9 B5–B7). <see cref="Post"/> is thread-safe and never blocks. An item that throws is reported
    /// through <see cref="ItemFailed"/> and the worker goes on with the next item.
    /// </summary>
    public sealed class WorkQueue
    {
        private readonly ArrayList _items = new ArrayList();
        private readonly ArrayList _scheduled = new ArrayList(); // keeps armed timers reachable
        private readonly AutoResetEvent _posted = new AutoResetEvent(false);
        private readonly int _capacity;
        private Thread _thread;
        private bool _stopping;

        /// <summary>Creates a stopped queue holding at most <paramref name="capacity"/> waiting items (&gt; 0).</summary>
        /// <exception cref="ArgumentOutOfRangeException">capacity is not positive.</exception>
        public WorkQueue(int capacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _capacity = capacity;
        }

        /// <summary>Called on the worker thread with the exception of an item that threw.</summary>
        public event WorkItemFailedHandler ItemFailed;

        /// <summary>Items waiting to run.</summary>
        public int Count
        {
            get
            {
                lock (_items)
                {
                    return _items.Count;
                }
            }
        }

        /// <summary>True when called from the worker thread itself.</summary>
        public bool IsWorkerThread => _thread != null && Thread.CurrentThread == _thread;

        /// <summary>Starts the worker thread (once).</summary>
        public void Start()
        {
            if (_thread != null)
            {
                return;
            }

            _thread = new Thread(Run);
            _thread.Start();
        }

        /// <summary>Asks the worker to finish the item it is running and stop; waiting items are not run.</summary>
        public void Stop()
        {
            _stopping = true;
            _posted.Set();
        }

        /// <summary>
        /// Queues <paramref name="item"/>. Returns false, and queues nothing, when the queue already holds
        /// its capacity or is stopping; the caller then answers "busy" instead of losing the work silently.
        /// </summary>
        /// <exception cref="ArgumentNullException">item is null.</exception>
        public bool Post(WorkItem item)
        {
            if (item == null)
            {
                throw new ArgumentNullException("item");
            }

            lock (_items)
            {
                if (_stopping || _items.Count >= _capacity)
                {
                    return false;
                }

                _items.Add(item);
            }

            _posted.Set();
            return true;
        }

        /// <summary>
        /// Runs <paramref name="item"/> on the worker thread after <paramref name="delayMilliseconds"/> (≥ 0),
        /// unless the returned handle is cancelled first. Thread-safe.
        /// </summary>
        /// <exception cref="ArgumentNullException">item is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">negative delay.</exception>
        public ScheduledWork PostDelayed(int delayMilliseconds, WorkItem item)
        {
            if (item == null)
            {
                throw new ArgumentNullException("item");
            }

            if (delayMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException("delayMilliseconds");
            }

            ScheduledWork work = new ScheduledWork(this, item);
            lock (_scheduled)
            {
                _scheduled.Add(work);
            }

            work.Arm(delayMilliseconds);
            return work;
        }

        /// <summary>
        /// Creates a stopped periodic job running <paramref name="item"/> on the worker thread once per period after
        /// <see cref="PeriodicWork.Start"/>; its timer and delegates are created here, once, so its ticks allocate nothing.
        /// </summary>
        /// <exception cref="ArgumentNullException">item is null.</exception>
        public PeriodicWork CreatePeriodic(WorkItem item)
        {
            if (item == null)
            {
                throw new ArgumentNullException("item");
            }

            return new PeriodicWork(this, item);
        }

        /// <summary>
        /// Creates an idle one-shot job running <paramref name="item"/> on the worker thread after each <see cref="OneShotWork.Schedule"/>;
        /// its timer and delegates are created here, once, so scheduling it allocates nothing (a delayed reply, a retry).
        /// </summary>
        /// <exception cref="ArgumentNullException">item is null.</exception>
        public OneShotWork CreateOneShot(WorkItem item)
        {
            if (item == null)
            {
                throw new ArgumentNullException("item");
            }

            return new OneShotWork(this, item);
        }

        /// <summary>
        /// Runs the oldest waiting item on the calling thread, as the worker would (an item that throws is reported through
        /// <see cref="ItemFailed"/>); false when none waits. For a queue whose worker was never started: a path driver or a
        /// test steps the queue deterministically on its own thread.
        /// </summary>
        /// <exception cref="InvalidOperationException">the worker thread was started.</exception>
        public bool RunNext()
        {
            if (_thread != null)
            {
                throw new InvalidOperationException("the worker thread runs the items");
            }

            return RunOneItem();
        }

        /// <summary>Number of delayed items not yet run or cancelled.</summary>
        public int ScheduledCount
        {
            get
            {
                lock (_scheduled)
                {
                    return _scheduled.Count;
                }
            }
        }

        internal void Forget(ScheduledWork work)
        {
            lock (_scheduled)
            {
                _scheduled.Remove(work);
            }
        }

        private void Run()
        {
            while (!_stopping)
            {
                if (!RunOneItem())
                {
                    _posted.WaitOne();
                }
            }
        }

        private bool RunOneItem()
        {
            WorkItem next = null;
            lock (_items)
            {
                if (_items.Count > 0)
                {
                    next = (WorkItem)_items[0];
                    _items.RemoveAt(0);
                }
            }

            if (next == null)
            {
                return false;
            }

            try
            {
                next();
            }
            catch (Exception exception)
            {
                WorkItemFailedHandler handler = ItemFailed;
                if (handler != null)
                {
                    handler(exception);
                }
            }

            return true;
        }
    }
}
