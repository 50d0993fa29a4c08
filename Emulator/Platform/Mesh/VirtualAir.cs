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
        private readonly Dictionary<string, long[]> _perRadio = new Dictionary<string, long[]>(StringComparer.Ordinal);

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
            lock (_perRadio)
            {
                if (!_perRadio.TryGetValue(sender.RadioName, out long[] counts))
                {
                    counts = new long[2];
                    _perRadio[sender.RadioName] = counts;
                }

                counts[0]++;
                if (relayed)
                {
                    counts[1]++;
                }
            }

            List<IRadio> receivers = new List<IRadio>();
            lock (_gate)
            {
                foreach (IRadio radio in _radios)
                {
                    if (radio == sender || !_links.TryGetValue(Key(sender.RadioName, radio.RadioName), out Link link))
                    {
                        if (radio != sender)
                        {
                            receivers.Add(radio);
                        }

                        continue;
                    }

                    if (!link.InRange)
                    {
                        continue;
                    }

                    if (link.Loss > 0 && _loss.NextDouble() < link.Loss)
                    {
                        Statistics.Dropped();
                        continue;
                    }

                    receivers.Add(radio);
                }
            }

            foreach (IRadio receiver in receivers)
            {
                receiver.Receive(pdu);
            }
        }

        /// <summary>Per radio: (network PDUs transmitted, of which relayed), by radio name.</summary>
        public Dictionary<string, (long Transmitted, long Relayed)> PerRadio()
        {
            lock (_perRadio)
            {
                var copy = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, long[]> entry in _perRadio)
                {
                    copy[entry.Key] = (entry.Value[0], entry.Value[1]);
                }

                return copy;
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
