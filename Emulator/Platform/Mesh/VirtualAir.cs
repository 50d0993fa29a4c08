using System;
using System.Collections.Generic;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The virtual radio medium shared by the mesh stacks of one emulated network: a transmission reaches every
    /// other radio in range of the sender, each reception lost with the link's loss probability. Links are
    /// symmetric and in range with no loss unless <see cref="SetLink"/> says otherwise; both can change at run
    /// time. Delivery is asynchronous (each stack has its own receive thread). Thread-safe.
    /// </summary>
    public sealed class VirtualAir : IAirMedium
    {
        private readonly object _gate = new object();
        private readonly List<IRadio> _radios = new List<IRadio>();
        private readonly Dictionary<string, Link> _links = new Dictionary<string, Link>(StringComparer.Ordinal);
        private readonly Random _loss;
        private readonly Dictionary<string, AirStatistics> _perRadio = new Dictionary<string, AirStatistics>(StringComparer.Ordinal);
        private readonly Dictionary<(string Sender, string Receiver), LinkStatistics> _perLink = new Dictionary<(string Sender, string Receiver), LinkStatistics>();

        /// <summary>Creates an air whose packet loss draws from a seeded generator (repeatable runs).</summary>
        public VirtualAir(int lossSeed = 1)
        {
            _loss = new Random(lossSeed);
        }

        /// <summary>Traffic counters.</summary>
        public AirStatistics Statistics { get; } = new AirStatistics();

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
        public void Transmit(IRadio sender, NetworkPdu pdu, bool relayed)
        {
            Statistics.Transmitted(relayed);
            CountersOf(sender.RadioName).Transmitted(relayed);
            List<IRadio> receivers = new List<IRadio>();
            lock (_gate)
            {
                foreach (IRadio radio in _radios)
                {
                    if (radio == sender)
                    {
                        continue;
                    }

                    LinkStatistics counters = LinkCountersOf(sender.RadioName, radio.RadioName);
                    if (!_links.TryGetValue(Key(sender.RadioName, radio.RadioName), out Link link))
                    {
                        counters.CountDelivered();
                        receivers.Add(radio);
                        continue;
                    }

                    if (!link.InRange)
                    {
                        counters.CountOutOfRange();
                        continue;
                    }

                    if (link.Loss > 0 && _loss.NextDouble() < link.Loss)
                    {
                        Statistics.Dropped();
                        CountersOf(radio.RadioName).Dropped();
                        counters.CountLost();
                        continue;
                    }

                    counters.CountDelivered();
                    receivers.Add(radio);
                }
            }

            foreach (IRadio receiver in receivers)
            {
                receiver.Receive(pdu);
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
