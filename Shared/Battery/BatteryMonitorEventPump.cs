using System;
using DcMonitor.Shared.Runtime;

namespace DcMonitor.Shared.Battery
{
    /// <summary>
    /// Carries an <see cref="IBatteryMonitorLink"/>'s events from the interop's event thread to the node's worker thread,
    /// where the <see cref="BatteryMonitorReader"/> runs: each event is copied (the link reuses its instance) into a fixed ring
    /// of <see cref="Capacity"/> copies and one drain item, made once, is posted; nothing allocates per event. An event that finds
    /// the ring full is counted (<see cref="EventsLost"/>) and the reader's own timeouts end the read it belonged to, so a
    /// lost event never leaves a read hanging.
    /// </summary>
    public sealed class BatteryMonitorEventPump
    {
        /// <summary>Events held between the link's thread and the worker (a read raises about 4; notifications come once a second).</summary>
        public const int Capacity = 8;

        private readonly object _gate = new object();
        private readonly BatteryMonitorLinkEvent[] _ring = new BatteryMonitorLinkEvent[Capacity];
        private readonly BatteryMonitorLinkEvent _taken = new BatteryMonitorLinkEvent();
        private readonly WorkQueue _queue;
        private readonly BatteryMonitorReader _reader;
        private readonly WorkItem _drain;
        private readonly MillisecondClock _clock;
        private int _first;
        private int _count;
        private bool _drainPosted;

        /// <summary>
        /// Subscribes to <paramref name="link"/>'s events and hands them to <paramref name="reader"/> on <paramref name="queue"/>'s worker,
        /// each with the time <paramref name="clock"/> gives when it is handed over.
        /// </summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public BatteryMonitorEventPump(IBatteryMonitorLink link, WorkQueue queue, BatteryMonitorReader reader, MillisecondClock clock)
        {
            if (link == null || queue == null || reader == null || clock == null)
            {
                throw new ArgumentNullException(link == null ? "link" : queue == null ? "queue" : reader == null ? "reader" : "clock");
            }

            _clock = clock;

            for (int i = 0; i < Capacity; i++)
            {
                _ring[i] = new BatteryMonitorLinkEvent();
            }

            _queue = queue;
            _reader = reader;
            _drain = Drain;
            link.LinkEvent += Offer;
        }

        /// <summary>Events dropped because the ring was full (diagnostics).</summary>
        public int EventsLost { get; private set; }

        /// <summary>The link's handler: copies the event and posts the drain (any thread; never blocks).</summary>
        public void Offer(BatteryMonitorLinkEvent linkEvent)
        {
            bool post;
            lock (_gate)
            {
                if (_count == Capacity)
                {
                    EventsLost++;
                    return;
                }

                Copy(linkEvent, _ring[(_first + _count) % Capacity]);
                _count++;
                post = !_drainPosted;
                _drainPosted = true;
            }

            if (post && !_queue.Post(_drain))
            {
                lock (_gate)
                {
                    _drainPosted = false; // the next event posts again; the reader's timeouts cover the wait
                }
            }
        }

        private void Drain()
        {
            while (true)
            {
                lock (_gate)
                {
                    if (_count == 0)
                    {
                        _drainPosted = false;
                        return;
                    }

                    Copy(_ring[_first], _taken);
                    _first = (_first + 1) % Capacity;
                    _count--;
                }

                _reader.OnLinkEvent(_taken, _clock());
            }
        }

        private static void Copy(BatteryMonitorLinkEvent from, BatteryMonitorLinkEvent to)
        {
            to.Kind = from.Kind;
            to.Failure = from.Failure;
            to.AddressType = from.AddressType;
            to.Name = from.Name;
            to.Value = from.Value;
            int length = from.DataLength < 0 ? 0 : from.DataLength > BatteryMonitorLinkEvent.MaximumDataLength ? BatteryMonitorLinkEvent.MaximumDataLength : from.DataLength;
            to.DataLength = length;
            Array.Copy(from.Data, to.Data, length);
            Array.Copy(from.Address, to.Address, to.Address.Length);
        }
    }
}
