using System;

namespace DcMonitor.MeshInterop
{
    /// <summary>
    /// A node's Heartbeat Subscription state as its Config Heartbeat Subscription Status reports it (Mesh Profile 1.0.1 §4.3.2.66,
    /// §4.2.18): the one source it counts, the destination, the remaining period, how many heartbeats arrived (CountLog) and
    /// the fewest and most hops they took (hops = InitTTL − RxTTL + 1, §3.4.7.2). Immutable.
    /// </summary>
    public sealed class HeartbeatSubscription
    {
        /// <summary>Length of the status parameters, bytes.</summary>
        public const int StatusLength = 9;

        private HeartbeatSubscription(byte[] status, int offset)
        {
            Status = status[offset];
            Source = status[offset + 1] | (status[offset + 2] << 8);
            Destination = status[offset + 3] | (status[offset + 4] << 8);
            PeriodLog = status[offset + 5];
            CountLog = status[offset + 6];
            MinimumHops = status[offset + 7];
            MaximumHops = status[offset + 8];
        }

        /// <summary>Status code (0 = success, §4.3.5).</summary>
        public int Status { get; }

        /// <summary>Source address counted (0 = none).</summary>
        public int Source { get; }

        /// <summary>Destination address counted.</summary>
        public int Destination { get; }

        /// <summary>Remaining counting period, PeriodLog encoding (0 = ended).</summary>
        public int PeriodLog { get; }

        /// <summary>Heartbeats received, CountLog encoding: 0 none, n ≥ 1 between 2^(n−1) and 2^n − 1, 0xFF more than 0xFFFE.</summary>
        public int CountLog { get; }

        /// <summary>Fewest hops of a received heartbeat (1 = heard directly); 0x7F when none arrived.</summary>
        public int MinimumHops { get; }

        /// <summary>Most hops of a received heartbeat; 0 when none arrived.</summary>
        public int MaximumHops { get; }

        /// <summary>True when at least one heartbeat of <see cref="Source"/> arrived directly, without a relay: the two are one-hop neighbours.</summary>
        public bool HeardDirectly => CountLog > 0 && MinimumHops == 1;

        /// <summary>Reads a Heartbeat Subscription Status from <paramref name="parameters"/> at <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentException">Fewer than <see cref="StatusLength"/> bytes from the offset.</exception>
        public static HeartbeatSubscription Parse(byte[] parameters, int offset)
        {
            if (parameters == null || offset < 0 || parameters.Length - offset < StatusLength)
            {
                throw new ArgumentException("A Heartbeat Subscription Status has 9 parameter bytes.");
            }

            return new HeartbeatSubscription(parameters, offset);
        }
    }
}
