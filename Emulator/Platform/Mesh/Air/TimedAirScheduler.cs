using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace DcMonitor.Emulator.Mesh.Air
{
    /// <summary>
    /// The virtual-time engine of the timed <see cref="VirtualAir"/>: every transmission becomes an advertising event on
    /// channels 37/38/39 stamped on a virtual clock (the air's time + <see cref="AdvertisingTiming.ReactionMicroseconds"/>, after
    /// the sender's previous event + the advertising interval, + a random advDelay from the sender's seeded generator); a thread
    /// of the air's own decides each event at each receiver (range, half-duplex, the channel its scanner is on, collisions on
    /// that channel from senders it hears, then the link's loss) and delivers in virtual-time order. Virtual time advances
    /// only once every radio has processed what it was given (<see cref="IAirActivity"/>) and, after a delivery handed an event
    /// to firmware, once no radio has transmitted for <see cref="FirmwareQuietMilliseconds"/> of real time, so every
    /// transmission caused by a delivery is stamped from the time of that delivery whatever the threads' timing: the schedule,
    /// the collisions and the losses follow from the seed (docs/air-model.md "Time").
    /// </summary>
    internal sealed class TimedAirScheduler
    {
        /// <summary>Real time the air waits, after a delivery that reached firmware, for the firmware's answer to be transmitted.</summary>
        public const int FirmwareQuietMilliseconds = 3;

        /// <summary>Longest real time the air waits for radios to become idle before it goes on regardless (a stuck radio stalls nothing).</summary>
        public const int QuiescenceLimitMilliseconds = 500;

        /// <summary>Real time an idle air keeps its thread before letting it end (it starts again on the next transmission).</summary>
        private const int IdleThreadMilliseconds = 2000;

        /// <summary>How long decided events stay known to the collision test: longer than any event, 50 ms of virtual time.</summary>
        private const long HistoryMicroseconds = 50_000;

        private readonly object _gate = new object();
        private readonly object _activity = new object();
        private readonly VirtualAir _air;
        private readonly int _seed;
        private readonly List<ScheduledTransmission> _pending = new List<ScheduledTransmission>();
        private readonly List<ScheduledTransmission> _history = new List<ScheduledTransmission>();
        private readonly SortedDictionary<(long Due, long Order), VirtualTimer> _timers = new SortedDictionary<(long Due, long Order), VirtualTimer>();
        private readonly Dictionary<string, RadioClock> _radios = new Dictionary<string, RadioClock>(StringComparer.Ordinal);
        private readonly long _createdTimestamp = Stopwatch.GetTimestamp();
        private readonly Stopwatch _real = Stopwatch.StartNew();
        private long _now;
        private long _order;
        private long _lastSubmissionTicks;
        private int _firmwareHandoffs;
        private bool _stepping;
        private Thread _thread;

        public TimedAirScheduler(VirtualAir air, int seed)
        {
            _air = air;
            _seed = seed;
        }

        /// <summary>Virtual time, µs: the end of the last delivered event (or the last timer fired).</summary>
        public long NowMicroseconds
        {
            get
            {
                lock (_gate)
                {
                    return _now;
                }
            }
        }

        /// <summary>True while events or timers wait to be processed, or the last step's consequences are still being worked out.</summary>
        public bool Busy
        {
            get
            {
                lock (_gate)
                {
                    return _stepping || _pending.Count > 0 || _timers.Count > 0;
                }
            }
        }

        /// <summary>
        /// Queues one advertising event from <paramref name="sender"/>, not before <paramref name="notBeforeMicroseconds"/> of virtual
        /// time (a node process's timer-driven transmission, stamped from when the process sent it; 0: no such bound); returns it.
        /// </summary>
        public ScheduledTransmission Submit(IRadio sender, NetworkPdu pdu, long notBeforeMicroseconds = 0)
        {
            lock (_gate)
            {
                KeepUpWithRealTime();
                RadioClock clock = ClockOf(sender.RadioName);
                long earliest = Math.Max(Math.Max(_now + AdvertisingTiming.ReactionMicroseconds, clock.NextStart), notBeforeMicroseconds);
                long start = earliest + clock.AdvertisingDelay.Next(0, _air.MaximumAdvertisingDelayMicroseconds + 1);
                clock.NextStart = start + AdvertisingTiming.AdvertisingIntervalMicroseconds;
                var transmission = new ScheduledTransmission(sender, pdu, start, AdvertisingTiming.Airtime(AdvertisingTiming.NetworkPduLength(pdu)), _order++);
                _pending.Add(transmission);
                _lastSubmissionTicks = _real.ElapsedTicks;
                EnsureRunning();
                Monitor.PulseAll(_gate);
                return transmission;
            }
        }

        /// <summary>Schedules <paramref name="action"/> at now + <paramref name="delayMicroseconds"/> of virtual time.</summary>
        public IDisposable After(long delayMicroseconds, Action action)
        {
            if (delayMicroseconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(delayMicroseconds), delayMicroseconds, "A timer cannot fire in the past.");
            }

            lock (_gate)
            {
                KeepUpWithRealTime();
                var timer = new VirtualTimer(this, (_now + delayMicroseconds, _order++), action);
                _timers.Add(timer.Key, timer);
                EnsureRunning();
                Monitor.PulseAll(_gate);
                return timer;
            }
        }

        /// <summary>A radio finished processing a reception: wakes the scheduler if it waits for idle radios.</summary>
        public void ReceptionProcessed()
        {
            lock (_activity)
            {
                Monitor.PulseAll(_activity);
            }
        }

        /// <summary>A radio handed an event to its firmware: the next step waits for the firmware's answer (see class summary).</summary>
        public void HandedToFirmware() => Interlocked.Increment(ref _firmwareHandoffs);

        /// <summary>The channel index the scanner is on at <paramref name="time"/>, or −1 between scan windows (duty cycle below 100 %).</summary>
        private static int ScanChannelOf(RadioClock clock, long time)
        {
            long shifted = time + clock.ScanPhase;
            if (shifted % AdvertisingTiming.ScanIntervalMicroseconds >= AdvertisingTiming.ScanWindowMicroseconds)
            {
                return -1; // the scanner rests until the next interval
            }

            return (int)(shifted / AdvertisingTiming.ScanIntervalMicroseconds % 3);
        }

        private void Cancel(VirtualTimer timer)
        {
            lock (_gate)
            {
                _timers.Remove(timer.Key);
            }
        }

        /// <summary>
        /// The real time of <paramref name="timestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> of any process on this machine: the
        /// system's monotonic clock) in µs since the air was created, at most the real time now.
        /// </summary>
        public long RealMicrosecondsAt(long timestamp)
        {
            long since = (timestamp - _createdTimestamp) * 1_000_000L / Stopwatch.Frequency;
            return Math.Min(since, RealMicroseconds);
        }

        /// <summary>Real µs since the air was created (the pace of virtual time when <see cref="VirtualAir.FollowsRealTime"/>).</summary>
        private long RealMicroseconds => _real.ElapsedTicks * 1_000_000L / Stopwatch.Frequency;

        /// <summary>
        /// When <see cref="VirtualAir.FollowsRealTime"/> and no step is being worked out, brings virtual time up to real time, so work
        /// submitted after a real-time wait lands that much later (caller holds the gate).
        /// </summary>
        private void KeepUpWithRealTime()
        {
            if (_air.FollowsRealTime && !_stepping)
            {
                _now = Math.Max(_now, RealMicroseconds);
            }
        }

        /// <summary>Starts the thread if it is not running (caller holds the gate).</summary>
        private void EnsureRunning()
        {
            if (_thread == null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "timed air" };
                _thread.Start();
            }
        }

        private RadioClock ClockOf(string name)
        {
            if (!_radios.TryGetValue(name, out RadioClock clock))
            {
                int hash = StableHash(name);
                var phase = new Random(unchecked(_seed * 31 + hash));
                clock = new RadioClock
                {
                    AdvertisingDelay = new Random(unchecked(_seed * 17 + hash)),
                    ScanPhase = phase.Next(0, 3 * AdvertisingTiming.ScanIntervalMicroseconds),
                };
                _radios[name] = clock;
            }

            return clock;
        }

        private void Run()
        {
            int handoffs = Volatile.Read(ref _firmwareHandoffs);
            while (true)
            {
                WaitUntilQuiet(ref handoffs);
                VirtualTimer due = null;
                List<ScheduledTransmission> batch = null;
                lock (_gate)
                {
                    _stepping = false; // the last step's deliveries are processed and its reactions submitted
                    if (_pending.Count == 0 && _timers.Count == 0)
                    {
                        if (!Monitor.Wait(_gate, IdleThreadMilliseconds) && _pending.Count == 0 && _timers.Count == 0)
                        {
                            _thread = null;
                            return;
                        }

                        continue;
                    }

                    long nextEnd = long.MaxValue;
                    foreach (ScheduledTransmission pending in _pending)
                    {
                        nextEnd = Math.Min(nextEnd, pending.End);
                    }

                    long nextTimer = long.MaxValue;
                    foreach (KeyValuePair<(long Due, long Order), VirtualTimer> entry in _timers)
                    {
                        nextTimer = entry.Key.Due;
                        due = entry.Value;
                        break;
                    }

                    long ahead = _air.FollowsRealTime ? Math.Min(nextEnd, nextTimer) - RealMicroseconds : 0;
                    if (ahead > 0)
                    {
                        Monitor.Wait(_gate, (int)Math.Min(ahead / 1000 + 1, int.MaxValue)); // paced by real time; a new submission wakes it
                        continue;
                    }

                    _stepping = true;
                    if (due != null && nextTimer <= nextEnd)
                    {
                        _timers.Remove(due.Key);
                        _now = Math.Max(_now, nextTimer);
                    }
                    else
                    {
                        due = null;
                        batch = TakeBatch(Math.Min(nextEnd, nextTimer) + AdvertisingTiming.ReactionMicroseconds);
                    }
                }

                if (due != null)
                {
                    due.Fire();
                    continue;
                }

                Deliver(batch);
            }
        }

        /// <summary>
        /// Takes every pending event that ends before <paramref name="limit"/>: nothing submitted from now on can overlap them, since
        /// a new event starts at least <see cref="AdvertisingTiming.ReactionMicroseconds"/> after the air's time (caller holds the gate).
        /// </summary>
        private List<ScheduledTransmission> TakeBatch(long limit)
        {
            var batch = new List<ScheduledTransmission>();
            for (int i = _pending.Count - 1; i >= 0; i--)
            {
                if (_pending[i].End < limit)
                {
                    batch.Add(_pending[i]);
                    _pending.RemoveAt(i);
                }
            }

            batch.Sort(ScheduledTransmission.ByEnd);
            return batch;
        }

        private void Deliver(List<ScheduledTransmission> batch)
        {
            var receptions = new List<(long Time, ScheduledTransmission Transmission, IRadio Receiver)>();
            IRadio[] radios = _air.Radios();
            lock (_gate)
            {
                _history.AddRange(batch); // decided from now on: known to the collision test of the batch itself and of later events
                foreach (ScheduledTransmission transmission in batch)
                {
                    List<ScheduledTransmission> overlapping = Overlapping(transmission);
                    foreach (IRadio receiver in radios)
                    {
                        if (receiver == transmission.Sender || receiver.RadioName == transmission.SenderName)
                        {
                            continue;
                        }

                        if (!_air.InRange(transmission.SenderName, receiver.RadioName))
                        {
                            _air.Arrives(transmission.SenderName, receiver.RadioName); // counted out of range
                            continue;
                        }

                        long heardAt = HeardAt(transmission, receiver.RadioName, overlapping, out bool collided);
                        if (heardAt < 0)
                        {
                            _air.CountMissed(receiver.RadioName, collided);
                            continue;
                        }

                        if (_air.Arrives(transmission.SenderName, receiver.RadioName))
                        {
                            receptions.Add((heardAt, transmission, receiver));
                        }
                    }
                }

                foreach (ScheduledTransmission transmission in batch)
                {
                    _now = Math.Max(_now, transmission.End);
                }

                _history.RemoveAll(old => old.End < _now - HistoryMicroseconds);
            }

            receptions.Sort((x, y) =>
            {
                int byTime = x.Time.CompareTo(y.Time);
                return byTime != 0 ? byTime : ScheduledTransmission.ByEnd(x.Transmission, y.Transmission);
            });
            foreach ((long _, ScheduledTransmission transmission, IRadio receiver) in receptions)
            {
                receiver.Receive(transmission.Pdu);
            }
        }

        /// <summary>Every other known event whose time overlaps <paramref name="transmission"/>'s (caller holds the gate).</summary>
        private List<ScheduledTransmission> Overlapping(ScheduledTransmission transmission)
        {
            var overlapping = new List<ScheduledTransmission>();
            foreach (List<ScheduledTransmission> list in new[] { _pending, _history })
            {
                foreach (ScheduledTransmission other in list)
                {
                    if (other != transmission && other.Busy(transmission.Start, transmission.End))
                    {
                        overlapping.Add(other);
                    }
                }
            }

            return overlapping;
        }

        /// <summary>
        /// When <paramref name="receiver"/> receives the event intact: the end of the first copy sent on the channel its scanner
        /// is on for the whole copy, while it is not transmitting itself and no other sender it hears overlaps that copy on that
        /// channel; −1 when no copy gets through (<paramref name="collided"/> true when a copy it listened to was lost to a
        /// collision). Caller holds the gate.
        /// </summary>
        private long HeardAt(ScheduledTransmission transmission, string receiver, List<ScheduledTransmission> overlapping, out bool collided)
        {
            collided = false;
            RadioClock clock = ClockOf(receiver);
            for (int channel = 0; channel < 3; channel++)
            {
                long from = transmission.ChannelStart(channel);
                long to = transmission.ChannelEnd(channel);
                if (ScanChannelOf(clock, from) != channel || ScanChannelOf(clock, to - 1) != channel)
                {
                    continue; // the scanner is on another channel
                }

                bool intact = true;
                foreach (ScheduledTransmission other in overlapping)
                {
                    if (other.SenderName == receiver)
                    {
                        if (other.Busy(from, to))
                        {
                            intact = false; // half-duplex: it is transmitting
                            break;
                        }
                    }
                    else if (other.OccupiesChannel(channel, from, to) && _air.InRange(other.SenderName, receiver))
                    {
                        intact = false;
                        collided = true;
                        break;
                    }
                }

                if (intact)
                {
                    return to;
                }
            }

            return -1;
        }

        /// <summary>
        /// Waits until every radio has processed its receptions and, when firmware was handed an event since the last step, until
        /// no transmission has been submitted for <see cref="FirmwareQuietMilliseconds"/>; never longer than
        /// <see cref="QuiescenceLimitMilliseconds"/> in all.
        /// </summary>
        private void WaitUntilQuiet(ref int handoffs)
        {
            long deadline = _real.ElapsedMilliseconds + QuiescenceLimitMilliseconds;
            while (true)
            {
                while (!RadiosIdle() && _real.ElapsedMilliseconds < deadline)
                {
                    lock (_activity)
                    {
                        if (!RadiosIdle())
                        {
                            Monitor.Wait(_activity, 1);
                        }
                    }
                }

                int now = Volatile.Read(ref _firmwareHandoffs);
                if (now == handoffs || _real.ElapsedMilliseconds >= deadline)
                {
                    handoffs = now;
                    return;
                }

                handoffs = now;
                long quietTicks = Stopwatch.Frequency * FirmwareQuietMilliseconds / 1000;
                while (_real.ElapsedMilliseconds < deadline)
                {
                    long since;
                    lock (_gate)
                    {
                        since = _real.ElapsedTicks - _lastSubmissionTicks;
                    }

                    if (since >= quietTicks && RadiosIdle())
                    {
                        break;
                    }

                    Thread.Sleep(1);
                }
            }
        }

        private bool RadiosIdle()
        {
            foreach (IRadio radio in _air.Radios())
            {
                if (radio is IAirActivity activity && activity.PendingReceptions > 0)
                {
                    return false;
                }
            }

            Func<bool> firmwareIdle = _air.FirmwareIdle;
            return firmwareIdle == null || firmwareIdle();
        }

        /// <summary>FNV-1a of a name: the same in every process (string.GetHashCode is not).</summary>
        private static int StableHash(string text)
        {
            unchecked
            {
                uint hash = 2166136261;
                foreach (char c in text)
                {
                    hash = (hash ^ c) * 16777619;
                }

                return (int)hash;
            }
        }

        /// <summary>What the air keeps of one radio: its advDelay generator, its scanner's phase, when it may start its next event.</summary>
        private sealed class RadioClock
        {
            public Random AdvertisingDelay { get; init; }

            public int ScanPhase { get; init; }

            public long NextStart { get; set; }
        }

        /// <summary>A pending <see cref="After"/>.</summary>
        private sealed class VirtualTimer : IDisposable
        {
            private readonly TimedAirScheduler _owner;
            private readonly Action _action;

            public VirtualTimer(TimedAirScheduler owner, (long Due, long Order) key, Action action)
            {
                _owner = owner;
                Key = key;
                _action = action;
            }

            public (long Due, long Order) Key { get; }

            public void Fire() => _action();

            public void Dispose() => _owner.Cancel(this);
        }
    }
}
