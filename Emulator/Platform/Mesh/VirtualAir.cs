using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using DcMonitor.Emulator.Mesh.Air;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The virtual radio medium shared by the mesh stacks of one emulated network: a transmission reaches every
    /// other radio in range of the sender, each reception lost with the link's loss probability. Links are
    /// symmetric and in range with no loss unless <see cref="SetLink"/> says otherwise; both can change at run
    /// time. Delivery is asynchronous (each stack has its own receive thread). Thread-safe.
    /// <para>
    /// Two models (<see cref="AirModel"/>): <see cref="AirModel.Instantaneous"/> hands each transmission to the receivers at
    /// once (no airtime, no collisions: the multi-process hub and unit tests of counters); <see cref="AirModel.Timed"/> runs
    /// the advertising bearer on a virtual clock with airtime, advDelay, scanning, half-duplex and collisions at each
    /// receiver (<see cref="TimedAirScheduler"/>, docs/air-model.md).
    /// </para>
    /// </summary>
    public sealed class VirtualAir : IAirMedium, IAirClock, IAirFeedback
    {
        private readonly object _gate = new object();
        private readonly List<IRadio> _radios = new List<IRadio>();
        private readonly Dictionary<string, Link> _links = new Dictionary<string, Link>(StringComparer.Ordinal);
        private readonly Random _loss;
        private readonly Dictionary<string, AirStatistics> _perRadio = new Dictionary<string, AirStatistics>(StringComparer.Ordinal);
        private readonly Dictionary<(string Sender, string Receiver), LinkStatistics> _perLink = new Dictionary<(string Sender, string Receiver), LinkStatistics>();

        private readonly TimedAirScheduler _scheduler;
        private readonly RealTimeAirClock _realTime = new RealTimeAirClock();
        private readonly int _maximumAdvertisingDelay = AdvertisingTiming.MaximumAdvertisingDelayMicroseconds;

        /// <summary>
        /// Creates an air whose packet loss (and, timed, whose advDelays and scanner phases) draw from generators seeded with
        /// <paramref name="lossSeed"/> (repeatable runs).
        /// </summary>
        public VirtualAir(int lossSeed = 1, AirModel model = AirModel.Instantaneous)
        {
            _loss = new Random(lossSeed);
            Model = model;
            _scheduler = model == AirModel.Timed ? new TimedAirScheduler(this, lossSeed) : null;
        }

        /// <summary>Traffic counters.</summary>
        public AirStatistics Statistics { get; } = new AirStatistics();

        /// <summary>
        /// Largest advDelay of the timed air, µs: the Core spec's 10 ms (<see cref="AdvertisingTiming.MaximumAdvertisingDelayMicroseconds"/>)
        /// unless narrowed, e.g. to 0 so that a test can make two senders start together.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Outside 0–10,000 µs.</exception>
        public int MaximumAdvertisingDelayMicroseconds
        {
            get => _maximumAdvertisingDelay;
            init
            {
                if (value < 0 || value > AdvertisingTiming.MaximumAdvertisingDelayMicroseconds)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "advDelay is 0 to 10 ms (Core spec Vol 6 Part B 4.4.2.2.1).");
                }

                _maximumAdvertisingDelay = value;
            }
        }

        /// <summary>
        /// Optional: true when the firmware on the air's radios has handled every event its stack handed it (e.g. the airtime exchange's
        /// responders). The timed air then also waits for it before time goes on, so an answer is stamped from the delivery that caused it
        /// however late its thread runs; unset, the air waits <see cref="TimedAirScheduler.FirmwareQuietMilliseconds"/> of real time instead.
        /// </summary>
        public Func<bool> FirmwareIdle { get; set; }

        /// <summary>How this air carries transmissions.</summary>
        public AirModel Model { get; }

        /// <summary>
        /// Timed air only: when true, virtual time is paced by real time — it never runs ahead of the real time since the air was
        /// created (an event is delivered, a virtual timer fires, only once real time has reached it) and it catches up with real
        /// time whenever the air is not working out a step — so the stack's virtual timers (heartbeat periods, SAR timers) and the
        /// firmware's real-time waits (a group reply's 20–500 ms delay, a 5 s survey round) keep their proportions, as on a real
        /// radio. Set it for airs that carry firmware images. False (the default): virtual time jumps from event to event and a run
        /// of emulated stacks alone is deterministic for its seed (the airtime benchmark).
        /// </summary>
        public bool FollowsRealTime { get; init; }

        /// <summary>Timed: virtual µs (the end of the last event delivered); instantaneous: real µs since the air was created.</summary>
        public long NowMicroseconds => _scheduler?.NowMicroseconds ?? _realTime.NowMicroseconds;

        /// <summary>True while the timed air still has events or timers to process (always false when instantaneous).</summary>
        public bool Busy => _scheduler?.Busy ?? false;

        /// <inheritdoc/>
        public IDisposable After(long delayMicroseconds, Action action) =>
            _scheduler != null ? _scheduler.After(delayMicroseconds, action) : _realTime.After(delayMicroseconds, action);

        /// <summary>
        /// Waits (real time) until the timed air has no event or timer left, at most <paramref name="timeoutMilliseconds"/>; true when
        /// quiet. The instantaneous air is always quiet.
        /// </summary>
        public bool WaitUntilQuiet(int timeoutMilliseconds)
        {
            var clock = Stopwatch.StartNew();
            while (Busy)
            {
                if (clock.ElapsedMilliseconds >= timeoutMilliseconds)
                {
                    return false;
                }

                Thread.Sleep(1);
            }

            return true;
        }

        /// <summary>A radio processed one reception (timed air: lets virtual time go on; see <see cref="IAirActivity"/>).</summary>
        public void ReceptionProcessed() => _scheduler?.ReceptionProcessed();

        /// <summary>A radio handed an event to its firmware (timed air: the next step waits for the firmware's answer).</summary>
        public void HandedToFirmware() => _scheduler?.HandedToFirmware();

        /// <summary>Sets reachability and loss probability (0–1) between two radios, both directions.</summary>
        /// <exception cref="ArgumentOutOfRangeException">loss outside 0–1.</exception>
        public void SetLink(string a, string b, bool inRange, double loss = 0.0)
        {
            if (loss < 0 || loss > 1 || double.IsNaN(loss))
            {
                throw new ArgumentOutOfRangeException(nameof(loss), loss, "Loss is a probability, 0 to 1.");
            }

            lock (_gate)
            {
                _links[Key(a, b)] = new Link(inRange, loss);
            }
        }

        /// <summary>True when <paramref name="a"/> and <paramref name="b"/> hear each other.</summary>
        public bool InRange(string a, string b)
        {
            lock (_gate)
            {
                return !_links.TryGetValue(Key(a, b), out Link link) || link.InRange;
            }
        }

        /// <inheritdoc/>
        public void Join(IRadio radio)
        {
            lock (_gate)
            {
                if (!_radios.Contains(radio))
                {
                    _radios.Add(radio);
                }
            }
        }

        /// <inheritdoc/>
        public void Leave(IRadio radio)
        {
            lock (_gate)
            {
                _radios.Remove(radio);
            }
        }

        /// <inheritdoc/>
        public void Transmit(IRadio sender, NetworkPdu pdu, bool relayed) => Transmit(sender, pdu, relayed, 0);

        /// <summary>
        /// Transmits one PDU that its sender submitted at <paramref name="submittedTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> of
        /// any process on this machine; 0: now): on a timed air paced by real time it starts no earlier than that moment, so a node process's
        /// timer-driven transmission is stamped from when the process sent it, not from when the hub read it, nor from a step the air
        /// is holding (docs/air-model.md "Time"). Otherwise as <see cref="Transmit(IRadio, NetworkPdu, bool)"/>.
        /// </summary>
        public void Transmit(IRadio sender, NetworkPdu pdu, bool relayed, long submittedTimestamp)
        {
            Statistics.Transmitted(relayed);
            CountersOf(sender.RadioName).Transmitted(relayed);
            if (_scheduler != null)
            {
                long notBefore = submittedTimestamp != 0 && FollowsRealTime ? _scheduler.RealMicrosecondsAt(submittedTimestamp) : 0;
                ScheduledTransmission scheduled = _scheduler.Submit(sender, pdu, notBefore);
                Statistics.OnAir(3 * scheduled.Airtime);
                return;
            }

            List<IRadio> receivers = new List<IRadio>();
            foreach (IRadio radio in Radios())
            {
                if (radio != sender && Arrives(sender.RadioName, radio.RadioName))
                {
                    receivers.Add(radio);
                }
            }

            foreach (IRadio receiver in receivers)
            {
                receiver.Receive(pdu);
            }
        }

        /// <summary>
        /// Decides, and counts, whether a transmission of <paramref name="sender"/> that <paramref name="receiver"/> could hear
        /// arrives: out of range, lost to the link's loss probability (drawn from the seeded generator) or delivered.
        /// </summary>
        internal bool Arrives(string sender, string receiver)
        {
            lock (_gate)
            {
                LinkStatistics counters = LinkCountersOf(sender, receiver);
                if (!_links.TryGetValue(Key(sender, receiver), out Link link))
                {
                    counters.CountDelivered();
                    return true;
                }

                if (!link.InRange)
                {
                    counters.CountOutOfRange();
                    return false;
                }

                if (link.Loss > 0 && _loss.NextDouble() < link.Loss)
                {
                    Statistics.Dropped();
                    CountersOf(receiver).Dropped();
                    counters.CountLost();
                    return false;
                }

                counters.CountDelivered();
                return true;
            }
        }

        /// <summary>Counts a reception the timed air did not make: lost to a collision, or missed (scanning another channel, transmitting).</summary>
        internal void CountMissed(string receiver, bool collided)
        {
            if (collided)
            {
                Statistics.Collided();
                CountersOf(receiver).Collided();
            }
        }

        /// <summary>The radios on the air now.</summary>
        internal IRadio[] Radios()
        {
            lock (_gate)
            {
                return _radios.ToArray();
            }
        }

        /// <inheritdoc/>
        public void CountSegmented(IRadio sender, int segments)
        {
            Statistics.Segmented(segments);
            CountersOf(sender.RadioName).Segmented(segments);
        }

        /// <summary>Counts a GATT notification a node sent to its central.</summary>
        public void CountNotification(string radioName)
        {
            Statistics.Notified();
            CountersOf(radioName).Notified();
        }

        /// <summary>
        /// The counters of each radio, by name: what it transmitted (and relayed), the messages it segmented, the
        /// receptions it lost, the notifications it sent. The same counters in total are <see cref="Statistics"/>.
        /// </summary>
        public Dictionary<string, AirStatistics> PerRadio()
        {
            lock (_perRadio)
            {
                return new Dictionary<string, AirStatistics>(_perRadio, StringComparer.Ordinal);
            }
        }

        /// <summary>
        /// The counters of each direction of each link that carried a transmission while both ends were on the air (delivered,
        /// lost to the loss probability, out of range), ordered by sender then receiver name.
        /// </summary>
        public List<LinkStatistics> PerLink()
        {
            lock (_gate)
            {
                var links = new List<LinkStatistics>(_perLink.Values);
                links.Sort((x, y) =>
                {
                    int bySender = string.CompareOrdinal(x.Sender, y.Sender);
                    return bySender != 0 ? bySender : string.CompareOrdinal(x.Receiver, y.Receiver);
                });
                return links;
            }
        }

        /// <summary>The counters of the link from <paramref name="sender"/> to <paramref name="receiver"/>; call holding <c>_gate</c>.</summary>
        private LinkStatistics LinkCountersOf(string sender, string receiver)
        {
            if (!_perLink.TryGetValue((sender, receiver), out LinkStatistics counters))
            {
                counters = new LinkStatistics(sender, receiver);
                _perLink[(sender, receiver)] = counters;
            }

            return counters;
        }

        private AirStatistics CountersOf(string radioName)
        {
            lock (_perRadio)
            {
                if (!_perRadio.TryGetValue(radioName, out AirStatistics counters))
                {
                    counters = new AirStatistics();
                    _perRadio[radioName] = counters;
                }

                return counters;
            }
        }

        private static string Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? a + "|" + b : b + "|" + a;

        private readonly struct Link
        {
            public Link(bool inRange, double loss)
            {
                InRange = inRange;
                Loss = loss;
            }

            public bool InRange { get; }

            public double Loss { get; }
        }
    }
}
