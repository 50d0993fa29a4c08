using System;
using System.Diagnostics;
using System.Threading;
using DcMonitor.Emulator.Mesh.Stack.Foundation;
using DcMonitor.Emulator.Mesh.Stack.Transport;

namespace DcMonitor.Emulator.Mesh.Stack.Heartbeat
{
    /// <summary>
    /// Heartbeat of one emulated node (Mesh Profile 1.0.1 §3.6.5.10 message, §3.6.7 behaviour, §4.2.17–4.2.18 states, §4.3.2.62–66
    /// Config messages), mirroring Zephyr's subsys/bluetooth/mesh/heartbeat.c, as ESP-IDF's Config Server keeps it: one publication
    /// (destination, CountLog, PeriodLog, TTL, features, NetKey index) sent as a transport control message carrying its InitTTL; one
    /// subscription (a single source and destination, a period) that counts the matching heartbeats and keeps the fewest and most
    /// hops (hops = InitTTL − RxTTL + 1). The relay selection's neighbour survey reads it (docs/relay-selection.md). On the air a
    /// heartbeat is a one-segment network PDU with opcode <see cref="Opcode"/>; relays forward it like any PDU while its TTL allows.
    /// Not persisted (ESP-IDF stores the publication; the survey sets it again before use).
    /// </summary>
    internal sealed class HeartbeatLayer : IHeartbeatReceiver
    {
        /// <summary>Stands for the transport control opcode 0x0A (Heartbeat) on the emulated air: negative, so no access opcode equals it.</summary>
        public const int Opcode = -0x0A;

        private const int HeartbeatLogMaximum = 0x11;
        private const int HeartbeatMinimumHopsNone = 0x7F;

        private readonly NodeState _node;
        private readonly IAccessTransport _transport;
        private readonly Stopwatch _heartbeatClock = Stopwatch.StartNew();
        private Timer _heartbeatTimer;
        private int _publicationDestination, _publicationCountLog, _publicationPeriodLog, _publicationTtl, _publicationFeatures, _publicationNetKeyIndex;
        private int _publicationRemaining;
        private int _subscriptionSource, _subscriptionDestination, _subscriptionCount, _subscriptionMinimumHops = HeartbeatMinimumHopsNone, _subscriptionMaximumHops;
        private long _subscriptionEndsAt;

        /// <summary>Creates the heartbeat layer of <paramref name="node"/>, sending through <paramref name="transport"/>.</summary>
        public HeartbeatLayer(NodeState node, IAccessTransport transport)
        {
            _node = node;
            _transport = transport;
        }

        /// <summary>Heartbeats this node sent (diagnostics and tests).</summary>
        public int Sent { get; private set; }

        /// <summary>The Config Server's answer to a heartbeat request (caller holds the gate); null when <paramref name="opcode"/> is no heartbeat request or the parameters are malformed.</summary>
        public byte[] ServeRequest(int opcode, byte[] p)
        {
            switch (opcode)
            {
                case ConfigurationMessages.HeartbeatPublicationSet when p.Length == 9:
                {
                    int destination = p[0] | (p[1] << 8);
                    int features = p[5] | (p[6] << 8);
                    int netKeyIndex = p[7] | (p[8] << 8);
                    bool valid = (p[2] <= HeartbeatLogMaximum || p[2] == 0xFF) && p[3] <= HeartbeatLogMaximum && p[4] <= 0x7F && (destination < 0x8000 || destination >= 0xC000);
                    if (!valid)
                    {
                        return null; // prohibited values: the message is ignored (§4.4.1.2.15)
                    }

                    int status = netKeyIndex != 0 ? ConfigurationMessages.StatusInvalidNetKeyIndex : ConfigurationMessages.StatusSuccess;
                    if (status == ConfigurationMessages.StatusSuccess)
                    {
                        _publicationDestination = destination;
                        _publicationCountLog = p[2];
                        _publicationPeriodLog = p[3];
                        _publicationTtl = p[4];
                        _publicationFeatures = features & 0x000F;
                        _publicationNetKeyIndex = netKeyIndex;
                        _publicationRemaining = p[2] == 0xFF ? int.MaxValue : p[2] == 0 ? 0 : 1 << (p[2] - 1);
                        ArmHeartbeatPublication();
                    }

                    return new[] { (byte)status, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8] };
                }

                case ConfigurationMessages.HeartbeatSubscriptionSet when p.Length == 5:
                {
                    int source = p[0] | (p[1] << 8);
                    int destination = p[2] | (p[3] << 8);
                    if (p[4] > HeartbeatLogMaximum || (source != 0 && source > 0x7FFF) || (destination >= 0x8000 && destination < 0xC000))
                    {
                        return null;
                    }

                    if (source == 0 || destination == 0 || p[4] == 0)
                    {
                        _subscriptionSource = 0; // counting stops; the counts of the last period stay readable
                        _subscriptionDestination = 0;
                        _subscriptionEndsAt = 0;
                    }
                    else
                    {
                        _subscriptionSource = source;
                        _subscriptionDestination = destination;
                        _subscriptionEndsAt = _heartbeatClock.ElapsedMilliseconds + 1000L * (1L << (p[4] - 1));
                        _subscriptionCount = 0;
                        _subscriptionMinimumHops = HeartbeatMinimumHopsNone;
                        _subscriptionMaximumHops = 0;
                    }

                    return SubscriptionStatus();
                }

                case ConfigurationMessages.HeartbeatSubscriptionGet when p.Length == 0:
                    return SubscriptionStatus();
                default:
                    return null;
            }
        }

        /// <summary>Counts a heartbeat that reached this node (network layer, after the message cache).</summary>
        public void ReceivedHeartbeat(NetworkPdu pdu)
        {
            if (pdu.Parameters == null || pdu.Parameters.Length < 1)
            {
                return;
            }

            lock (_node.Gate)
            {
                if (_subscriptionSource == 0 || pdu.Source != _subscriptionSource || pdu.Destination != _subscriptionDestination
                    || _heartbeatClock.ElapsedMilliseconds >= _subscriptionEndsAt)
                {
                    return;
                }

                int hops = (pdu.Parameters[0] & 0x7F) - pdu.Ttl + 1;
                _subscriptionCount = Math.Min(_subscriptionCount + 1, 0xFFFF);
                _subscriptionMinimumHops = Math.Min(_subscriptionMinimumHops, hops);
                _subscriptionMaximumHops = Math.Max(_subscriptionMaximumHops, hops);
            }
        }

        /// <summary>Stops publishing heartbeats (power off, node reset; caller holds the gate).</summary>
        public void StopPublication()
        {
            _heartbeatTimer?.Dispose();
            _heartbeatTimer = null;
            _publicationRemaining = 0;
        }

        private byte[] SubscriptionStatus()
        {
            long remainingMilliseconds = _subscriptionSource == 0 ? 0 : Math.Max(0, _subscriptionEndsAt - _heartbeatClock.ElapsedMilliseconds);
            int periodLog = Log2Encoding((int)(remainingMilliseconds / 1000));
            int countLog = _subscriptionCount == 0xFFFF ? 0xFF : Log2Encoding(_subscriptionCount);
            return new[]
            {
                (byte)ConfigurationMessages.StatusSuccess, (byte)_subscriptionSource, (byte)(_subscriptionSource >> 8), (byte)_subscriptionDestination, (byte)(_subscriptionDestination >> 8),
                (byte)periodLog, (byte)countLog, (byte)_subscriptionMinimumHops, (byte)_subscriptionMaximumHops,
            };
        }

        /// <summary>The log encoding of §4.1.2: 0 for 0, else 1 + floor(log2(value)).</summary>
        private static int Log2Encoding(int value)
        {
            int encoded = 0;
            while (value > 0)
            {
                encoded++;
                value >>= 1;
            }

            return encoded;
        }

        private void ArmHeartbeatPublication()
        {
            _heartbeatTimer?.Dispose();
            _heartbeatTimer = null;
            if (_publicationDestination == 0 || _publicationPeriodLog == 0 || _publicationRemaining == 0)
            {
                return;
            }

            int period = 1000 * (1 << (_publicationPeriodLog - 1));
            _heartbeatTimer = new Timer(_ => PublishHeartbeat(), null, 0, period);
        }

        private void PublishHeartbeat()
        {
            int own;
            int destination;
            int ttl;
            byte[] parameters;
            lock (_node.Gate)
            {
                if (!_node.Started || !_node.Settings.Provisioned || _publicationRemaining <= 0)
                {
                    return;
                }

                if (_publicationRemaining != int.MaxValue)
                {
                    _publicationRemaining--;
                }

                own = _node.Settings.UnicastAddress;
                destination = _publicationDestination;
                ttl = _publicationTtl;
                int features = (_node.Relay ? 0x0001 : 0) & _publicationFeatures;
                parameters = new[] { (byte)ttl, (byte)(features >> 8), (byte)features }; // InitTTL, then the active features (big-endian)
                Sent++;
            }

            _transport.SendAccess(own, destination, ttl, Opcode, parameters);
        }
    }
}
