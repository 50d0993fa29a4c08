using System;
using System.Collections.Generic;

namespace DcMonitor.Emulator.Mesh.Stack.Transport
{
    /// <summary>
    /// Lower transport segmentation and reassembly of one node (Mesh Profile 3.5.3). Transmitter: a segmented message to a
    /// unicast address is sent whole, then its SAR timer (<see cref="RetransmissionBaseMilliseconds"/> + 50 ms × TTL) runs; a
    /// Segment Acknowledgment from the destination stops it when its BlockAck has every segment, otherwise the segments it
    /// lacks are sent again (new sequence numbers) and the timer restarts; after <see cref="TransmissionAttempts"/> sends of
    /// the outstanding segments without a complete acknowledgment the transmitter gives up (counted in
    /// <see cref="AirStatistics.SegmentedTransfersFailed"/>). A message to a group is sent <see cref="TransmissionAttempts"/>
    /// times on the same timer, with no acknowledgment. Receiver: segments to its unicast address are collected by
    /// (source, SeqZero); a complete message is acknowledged at once and delivered once; an incomplete one is acknowledged
    /// when the acknowledgment timer (<see cref="AcknowledgementBaseMilliseconds"/> + 50 ms × TTL) expires; a segment of a
    /// message already complete is answered with the full acknowledgment again. Thread-safe.
    /// </summary>
    public sealed class SegmentationAndReassembly
    {
        /// <summary>Segment transmission timer base, ms: at least 200 + 50 × TTL (Mesh Profile 3.5.3.3).</summary>
        public const int RetransmissionBaseMilliseconds = 200;

        /// <summary>Acknowledgment timer base, ms: at least 150 + 50 × TTL (Mesh Profile 3.5.3.4).</summary>
        public const int AcknowledgementBaseMilliseconds = 150;

        /// <summary>Milliseconds added per TTL step to both timers (Mesh Profile 3.5.3.3 and 3.5.3.4).</summary>
        public const int MillisecondsPerTtl = 50;

        /// <summary>Sends of the outstanding segments in all, the first included: ESP-BLE-MESH's "max 4 attempts" (docs/reference/esp-ble-mesh.md §4).</summary>
        public const int TransmissionAttempts = 4;

        /// <summary>Incomplete messages a receiver keeps at once; a further one evicts all (they expire).</summary>
        private const int ReassemblyCapacity = 64;

        /// <summary>Completed messages a receiver remembers, to acknowledge late segments again without delivering twice.</summary>
        private const int CompletedCapacity = 256;

        private readonly object _gate = new object();
        private readonly ITransportHost _host;
        private readonly Dictionary<long, Outgoing> _outgoing = new Dictionary<long, Outgoing>();
        private readonly Dictionary<long, Incoming> _incoming = new Dictionary<long, Incoming>();
        private readonly HashSet<long> _completed = new HashSet<long>();
        private readonly Queue<long> _completedOrder = new Queue<long>();

        internal SegmentationAndReassembly(ITransportHost host)
        {
            _host = host;
        }

        /// <summary>Sends the segments of one message (all with the same source, destination and SeqZero) and runs its SAR transmitter.</summary>
        public void Send(NetworkPdu[] segments)
        {
            NetworkPdu first = segments[0];
            var outgoing = new Outgoing(first.Destination, first.SequenceZero, first.Ttl, segments);
            long key = Key(first.Destination, first.SequenceZero);
            lock (_gate)
            {
                _outgoing[key] = outgoing;
                outgoing.Attempts = 1;
            }

            foreach (NetworkPdu segment in segments)
            {
                _host.SendNetwork(segment);
            }

            lock (_gate)
            {
                if (_outgoing.TryGetValue(key, out Outgoing current) && current == outgoing && outgoing.Timer == null)
                {
                    Arm(outgoing); // the timer runs from the last segment handed to the network (a timer set earlier could fire first on an idle air)
                }
            }
        }

        /// <summary>A Segment Acknowledgment addressed to this node arrived.</summary>
        public void Acknowledged(NetworkPdu acknowledgement)
        {
            uint blockAck = BlockAckOf(acknowledgement);
            var missing = new List<NetworkPdu>();
            lock (_gate)
            {
                long key = Key(acknowledgement.Source, acknowledgement.SequenceZero);
                if (!_outgoing.TryGetValue(key, out Outgoing outgoing))
                {
                    return; // a late or repeated acknowledgment of a finished message
                }

                outgoing.Acknowledged |= blockAck;
                if (outgoing.Complete)
                {
                    Finish(key, outgoing);
                    return;
                }

                if (outgoing.Attempts >= TransmissionAttempts)
                {
                    return; // the timer gives up
                }

                outgoing.Attempts++;
                missing = ResendList(outgoing);
                Arm(outgoing);
            }

            Retransmit(missing);
        }

        /// <summary>
        /// A segment addressed to this node (unicast) or to a group it is subscribed to arrived; true when the message is now
        /// complete for the first time (deliver it).
        /// </summary>
        public bool Received(NetworkPdu segment)
        {
            bool unicast = segment.Destination == _host.OwnAddress;
            long key = Key(segment.Source, segment.SequenceZero);
            NetworkPdu acknowledgement = null;
            bool complete = false;
            lock (_gate)
            {
                if (_completed.Contains(key))
                {
                    if (unicast)
                    {
                        acknowledgement = _host.Acknowledgement(segment.Source, segment.SequenceZero, AllSegments(segment.SegmentCount));
                    }
                }
                else
                {
                    if (!_incoming.TryGetValue(key, out Incoming incoming))
                    {
                        if (_incoming.Count >= ReassemblyCapacity)
                        {
                            foreach (Incoming stale in _incoming.Values)
                            {
                                stale.Timer?.Dispose();
                            }

                            _incoming.Clear(); // incomplete messages expire
                        }

                        incoming = new Incoming(segment.SegmentCount);
                        _incoming[key] = incoming;
                    }

                    incoming.Received |= 1u << segment.SegmentIndex;
                    if (incoming.Received == AllSegments(segment.SegmentCount))
                    {
                        incoming.Timer?.Dispose();
                        _incoming.Remove(key);
                        Remember(key);
                        complete = true;
                        if (unicast)
                        {
                            acknowledgement = _host.Acknowledgement(segment.Source, segment.SequenceZero, incoming.Received);
                        }
                    }
                    else if (unicast && incoming.Timer == null)
                    {
                        int source = segment.Source;
                        int sequenceZero = segment.SequenceZero;
                        incoming.Timer = _host.Clock.After(((long)AcknowledgementBaseMilliseconds + MillisecondsPerTtl * segment.Ttl) * 1000, () => AcknowledgementDue(source, sequenceZero));
                    }
                }
            }

            if (acknowledgement != null)
            {
                SendAcknowledgement(acknowledgement);
            }

            return complete;
        }

        /// <summary>Stops every timer (the node lost power or was reset).</summary>
        public void Stop()
        {
            lock (_gate)
            {
                foreach (Outgoing outgoing in _outgoing.Values)
                {
                    outgoing.Timer?.Dispose();
                }

                foreach (Incoming incoming in _incoming.Values)
                {
                    incoming.Timer?.Dispose();
                }

                _outgoing.Clear();
                _incoming.Clear();
            }
        }

        private void AcknowledgementDue(int source, int sequenceZero)
        {
            NetworkPdu acknowledgement;
            lock (_gate)
            {
                if (!_incoming.TryGetValue(Key(source, sequenceZero), out Incoming incoming))
                {
                    return;
                }

                incoming.Timer = null;
                acknowledgement = _host.Acknowledgement(source, sequenceZero, incoming.Received);
            }

            SendAcknowledgement(acknowledgement);
        }

        private void RetransmissionDue(Outgoing outgoing)
        {
            List<NetworkPdu> resend;
            lock (_gate)
            {
                long key = Key(outgoing.Destination, outgoing.SequenceZero);
                if (!_outgoing.TryGetValue(key, out Outgoing current) || current != outgoing)
                {
                    return;
                }

                outgoing.Timer = null;
                if (outgoing.Attempts >= TransmissionAttempts)
                {
                    _outgoing.Remove(key);
                    if (IsUnicast(outgoing.Destination))
                    {
                        _host.Statistics?.TransferFailed(); // gave up: the destination never acknowledged every segment
                    }

                    return;
                }

                outgoing.Attempts++;
                resend = ResendList(outgoing);
                Arm(outgoing);
            }

            Retransmit(resend);
        }

        private void Retransmit(List<NetworkPdu> segments)
        {
            _host.Statistics?.SegmentsRetransmitted(segments.Count);
            foreach (NetworkPdu segment in segments)
            {
                _host.SendNetwork(_host.Resequenced(segment));
            }
        }

        private void SendAcknowledgement(NetworkPdu acknowledgement)
        {
            _host.Statistics?.Acknowledged();
            _host.SendNetwork(acknowledgement);
        }

        /// <summary>Segments not yet acknowledged (caller holds the gate).</summary>
        private static List<NetworkPdu> ResendList(Outgoing outgoing)
        {
            var list = new List<NetworkPdu>();
            foreach (NetworkPdu segment in outgoing.Segments)
            {
                if ((outgoing.Acknowledged & (1u << segment.SegmentIndex)) == 0)
                {
                    list.Add(segment);
                }
            }

            return list;
        }

        /// <summary>(Re)starts the transmitter's timer (caller holds the gate).</summary>
        private void Arm(Outgoing outgoing)
        {
            outgoing.Timer?.Dispose();
            outgoing.Timer = _host.Clock.After(((long)RetransmissionBaseMilliseconds + MillisecondsPerTtl * outgoing.Ttl) * 1000, () => RetransmissionDue(outgoing));
        }

        /// <summary>Ends a fully acknowledged transfer (caller holds the gate).</summary>
        private void Finish(long key, Outgoing outgoing)
        {
            outgoing.Timer?.Dispose();
            _outgoing.Remove(key);
        }

        private void Remember(long key)
        {
            _completed.Add(key);
            _completedOrder.Enqueue(key);
            if (_completedOrder.Count > CompletedCapacity)
            {
                _completed.Remove(_completedOrder.Dequeue());
            }
        }

        /// <summary>The BlockAck of a Segment Acknowledgment, little-endian in its parameters.</summary>
        /// <exception cref="ArgumentException">Parameters shorter than 4 bytes.</exception>
        public static uint BlockAckOf(NetworkPdu acknowledgement)
        {
            byte[] p = acknowledgement.Parameters;
            if (p == null || p.Length < 4)
            {
                throw new ArgumentException("A Segment Acknowledgment carries a 4-byte BlockAck.", nameof(acknowledgement));
            }

            return p[0] | ((uint)p[1] << 8) | ((uint)p[2] << 16) | ((uint)p[3] << 24);
        }

        /// <summary>The BlockAck bytes, little-endian.</summary>
        public static byte[] BlockAckBytes(uint blockAck) => new[] { (byte)blockAck, (byte)(blockAck >> 8), (byte)(blockAck >> 16), (byte)(blockAck >> 24) };

        private static uint AllSegments(int count) => count >= 32 ? uint.MaxValue : (1u << count) - 1;

        private static bool IsUnicast(int address) => address > 0 && address < 0x8000;

        private static long Key(int address, int sequenceZero) => ((long)address << 32) | (uint)sequenceZero;

        /// <summary>A segmented message this node sends.</summary>
        private sealed class Outgoing
        {
            public Outgoing(int destination, int sequenceZero, int ttl, NetworkPdu[] segments)
            {
                Destination = destination;
                SequenceZero = sequenceZero;
                Ttl = ttl;
                Segments = segments;
            }

            public int Destination { get; }

            public int SequenceZero { get; }

            public int Ttl { get; }

            public NetworkPdu[] Segments { get; }

            public uint Acknowledged { get; set; }

            public int Attempts { get; set; }

            public IDisposable Timer { get; set; }

            public bool Complete => Acknowledged == AllSegments(Segments.Length);
        }

        /// <summary>A segmented message this node receives.</summary>
        private sealed class Incoming
        {
            public Incoming(int segmentCount)
            {
                SegmentCount = segmentCount;
            }

            public int SegmentCount { get; }

            public uint Received { get; set; }

            public IDisposable Timer { get; set; }
        }
    }
}
