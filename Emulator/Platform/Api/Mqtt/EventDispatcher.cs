using System;
using System.Collections.Generic;
using System.Threading;

namespace DcMonitor.Emulator.Mqtt
{
    /// <summary>
    /// Raises one emulated MQTT client's events one after the other, in the order they were posted, on a background thread (a
    /// thread-pool thread while there are events, none otherwise), as nanoFramework.M2Mqtt raises them from its own dispatch thread:
    /// never on the caller's thread and never two at once. An exception thrown by a handler is not caught (on the device it ends the
    /// dispatch thread; here it ends the process), so a faulty handler cannot pass unnoticed.
    /// </summary>
    internal sealed class EventDispatcher
    {
        private readonly object _gate = new object();
        private readonly Queue<Action> _pending = new Queue<Action>();
        private bool _draining;

        /// <summary>Queues <paramref name="raise"/> after every event posted before it.</summary>
        public void Post(Action raise)
        {
            lock (_gate)
            {
                _pending.Enqueue(raise);
                if (_draining)
                {
                    return;
                }

                _draining = true;
            }

            ThreadPool.UnsafeQueueUserWorkItem(_ => Drain(), null);
        }

        private void Drain()
        {
            while (true)
            {
                Action raise;
                lock (_gate)
                {
                    if (_pending.Count == 0)
                    {
                        _draining = false;
                        return;
                    }

                    raise = _pending.Dequeue();
                }

                raise();
            }
        }
    }
}
