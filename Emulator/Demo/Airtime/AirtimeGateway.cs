using System;
using System.Collections.Generic;
using System.Text;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Mesh.Air;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Mesh;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// Node-0 of an <see cref="AirtimeExchange"/> as the gateway: the firmware's own <see cref="GatewayProcessor"/> (the Pi writes
    /// <c>ALL:READ</c>; the group SEND carries the response window sized to the known nodes; the silent known nodes are re-asked
    /// with unicast reads after it) over node-0's emulated stack, ticked every <see cref="TickMilliseconds"/> on the air's clock.
    /// It stands in for the node's worker: every call into the processor holds one lock. Knows every other node beforehand (a
    /// gateway hears its nodes' answers) or, just started, none; answers the local part of the ALL at once, binary to the nodes. Counts the
    /// distinct nodes whose <c>NODE&lt;id&gt;:DATA</c> the Pi was notified of.
    /// </summary>
    public sealed class AirtimeGateway : IGatewayMesh, IGatewayNotifier, ILocalCommandRunner
    {
        /// <summary>Tick period of the processor, ms (GatewayProcessor.Tick: at least every 100 ms).</summary>
        public const int TickMilliseconds = 100;

        private const int VendorTtl = 7;

        private readonly object _gate = new object();
        private readonly EmulatedMeshStack _stack;
        private readonly IAirClock _clock;
        private readonly GatewayProcessor _processor;
        private readonly HashSet<int> _answered = new HashSet<int>();
        private readonly byte[] _binary = new byte[BinaryCommandCodec.WindowedLength];
        private readonly int _expected;
        private IDisposable _tick; // referenced: a real-time timer nobody references may be collected unfired
        private IDisposable _localReply;

        /// <summary>
        /// The gateway on <paramref name="stack"/> (node-0 of <paramref name="nodes"/>), its time from <paramref name="clock"/>; it knows
        /// every other node when <paramref name="knowsNodes"/>, none otherwise (just started).
        /// </summary>
        public AirtimeGateway(EmulatedMeshStack stack, IAirClock clock, int nodes, bool knowsNodes)
        {
            _stack = stack;
            _clock = clock;
            _expected = nodes - 1;
            _processor = new GatewayProcessor(this, this, this);
            long now = NowMilliseconds;
            for (int node = 1; knowsNodes && node < nodes; node++)
            {
                _processor.KnownNodes.Heard(NodeAddressing.UnicastOf(node), stack.UnicastAddress, now);
            }
        }

        /// <summary>Nodes the Pi got an answer from.</summary>
        public int Answered
        {
            get
            {
                lock (_gate)
                {
                    return _answered.Count;
                }
            }
        }

        /// <summary>Air µs of the last answer the Pi got.</summary>
        public long LastAnswerMicroseconds { get; private set; }

        /// <summary>Re-asks the processor sent.</summary>
        public int Reasks
        {
            get
            {
                lock (_gate)
                {
                    return _processor.ReasksSent;
                }
            }
        }

        /// <summary>True once every node answered, or the ALL's reply window is over with no re-ask outstanding.</summary>
        public bool Done
        {
            get
            {
                lock (_gate)
                {
                    long until = _processor.AllRepliesUntilMilliseconds; // long.MinValue until the group SEND went (after the local answer)
                    return _answered.Count == _expected || (until != long.MinValue && NowMilliseconds > until && _processor.ReasksOutstanding == 0);
                }
            }
        }

        /// <inheritdoc/>
        public int OwnAddress => _stack.UnicastAddress;

        /// <inheritdoc/>
        public bool VendorClientBound => true;

        private long NowMilliseconds => _clock.NowMicroseconds / 1000;

        /// <summary>The Pi writes <c>ALL:READ</c>; the processor ticks from now until <see cref="Done"/>.</summary>
        public void StartAllRead()
        {
            byte[] command = Encoding.ASCII.GetBytes("ALL:READ");
            lock (_gate)
            {
                _processor.OnCommandWritten(command, command.Length, NowMilliseconds);
            }

            ScheduleTick();
        }

        /// <summary>A STATUS reached node-0 (from <see cref="AirtimeResponder.StatusReceived"/>).</summary>
        public void OnStatus(int source, int opcode)
        {
            lock (_gate)
            {
                _processor.OnVendorStatus(source, AirtimeResponder.TextReply, NowMilliseconds);
            }
        }

        /// <summary>An acknowledged SEND of node-0 timed out (from <see cref="AirtimeResponder.RequestTimedOut"/>).</summary>
        public void OnTimeout(int destination)
        {
            lock (_gate)
            {
                _processor.OnVendorTimeout(destination, NowMilliseconds);
            }
        }

        /// <inheritdoc/>
        public bool SendVendor(int destination, NodeCommandKind command, int dutyPercent)
        {
            BinaryCommandCodec.TryEncode(command, dutyPercent, _binary);
            // Unacknowledged for the stack: its response timer runs on real time, the exchange on the air's virtual time; the processor's own
            // stuck-send limit (GatewayProcessor.StuckSendMilliseconds, 6 s of virtual time) ends a re-ask that got no answer instead of 5 s.
            return _stack.SendVendor(destination, AirtimeResponder.BinarySend, _binary, BinaryCommandCodec.Length, VendorTtl, false, 0) == NativeContract.Ok;
        }

        /// <inheritdoc/>
        public bool SendVendorToGroup(NodeCommandKind command, int dutyPercent, int responseWindowMilliseconds)
        {
            BinaryCommandCodec.TryEncode(command, dutyPercent, _binary);
            int length = BinaryCommandCodec.WriteResponseWindow(_binary, responseWindowMilliseconds);
            return _stack.SendVendor(NodeAddressing.AllNodesGroupAddress, AirtimeResponder.BinarySend, _binary, length, VendorTtl, false, 0) == NativeContract.Ok;
        }

        /// <inheritdoc/>
        public bool SendOnOff(int destination, bool on) => false; // the vendor client is bound: the fallback never runs

        /// <inheritdoc/>
        public void Notify(byte[] message, int length)
        {
            Notify(System.Text.Encoding.ASCII.GetString(message, 0, length));
        }

        private void Notify(string message)
        {
            const string prefix = "NODE";
            int data = message.IndexOf(":DATA:", StringComparison.Ordinal);
            if (!message.StartsWith(prefix, StringComparison.Ordinal) || data < 0)
            {
                return; // SENT:READ
            }

            int node = int.Parse(message.Substring(prefix.Length, data - prefix.Length), System.Globalization.CultureInfo.InvariantCulture);
            if (node != NodeAddressing.NodeIdOf(_stack.UnicastAddress) && _answered.Add(node))
            {
                LastAnswerMicroseconds = _clock.NowMicroseconds; // called by the processor, under the gate
            }
        }

        /// <inheritdoc/>
        public bool Run(string nodeCommandText, GatewayReplyHandler reply)
        {
            _localReply = _clock.After(0, () =>
            {
                lock (_gate)
                {
                    byte[] text = Encoding.ASCII.GetBytes(AirtimeResponder.TextReply);
                    reply(text, text.Length); // the local part of the ALL: node-0's own reading
                }
            });
            return true;
        }

        private void ScheduleTick()
        {
            _tick = _clock.After(TickMilliseconds * 1000L, () =>
            {
                if (Done)
                {
                    return;
                }

                lock (_gate)
                {
                    _processor.Tick(NowMilliseconds);
                }

                ScheduleTick();
            });
        }
    }
}
