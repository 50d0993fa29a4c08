using System;
using System.Threading;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Runtime;
using DcMonitor.UniversalNode.Commands;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// The vendor server model (seed protocol §4.3): runs a received SEND — the seed's text (opcode 0xC002E5,
    /// answered with a text STATUS) or this firmware's binary (0xC202E5, answered with the 8-byte binary STATUS) —
    /// through the command executor and replies to the requester from this node's unicast address. A SEND from
    /// this node itself (its own group message looped back) is ignored: the gateway already ran it locally. A
    /// group SEND that repeats, in the other encoding and within <see cref="DuplicateWindowMilliseconds"/>, a group
    /// SEND from the same gateway (it sends binary and text to reach seed nodes; they may arrive in either order, and
    /// several gateways' pairs may interleave) is ignored too, so a node runs and answers one ALL command once. Text longer than 63
    /// characters is answered with <c>ERR:TOO_LONG</c> (the seed silently cut it). The answer to a group SEND waits a random
    /// 20–500 ms (<see cref="ResponseDelay"/>, Mesh Profile 1.0.1 §3.7.3.1) in <see cref="HeldReplies"/>, so an ALL command's
    /// answers do not all start at once (to the response window a binary group SEND carries instead of 500 ms,
    /// <see cref="BinaryCommandCodec"/>); an answer to a unicast SEND goes at once. Worker thread only (the delay's timer
    /// only posts to the worker). A SEND awaiting its reply takes a <see cref="VendorRequest"/> from a fixed pool, so a binary
    /// READ and its STATUS allocate nothing here (issue 16).
    /// </summary>
    public sealed class VendorServer
    {
        /// <summary>Longest SEND text run (seed §1.9: 64-byte buffer).</summary>
        public const int MaximumTextLength = 63;

        /// <summary>Window in which a text group SEND repeating a binary one from the same gateway is a duplicate, ms.</summary>
        public const int DuplicateWindowMilliseconds = 2000;

        /// <summary>Reply to an over-long text SEND.</summary>
        public const string TooLongReply = "ERR:TOO_LONG";

        private readonly MeshNode _mesh;
        private readonly WorkQueue _queue;
        private readonly MeshGatewayAdapter _adapter;
        private readonly CommandExecutor _executor;
        private readonly byte[] _status = new byte[BinaryStatusCodec.Length];
        private readonly byte[] _text = new byte[SensorPayloadFormatter.MaximumLength + 64];
        private const int RecentGroupSends = 4;

        private readonly int[] _recentSource = new int[RecentGroupSends];
        private readonly string[] _recentCommand = new string[RecentGroupSends];
        private readonly bool[] _recentBinary = new bool[RecentGroupSends];
        private readonly long[] _recentAt = new long[RecentGroupSends];
        private int _nextRecent;

        // Commands waiting in the executor, the one awaiting its reply and a ramp running in the background.
        private const int RequestPoolSize = CommandExecutor.MaximumPendingCommands + 2;

        private readonly VendorRequest[] _requests = new VendorRequest[RequestPoolSize];
        private readonly HeldReplies _held;
        private readonly WorkItem _sendDue;
        private readonly Timer _delayTimer;
        private ResponseDelay _delay;
        private int _delaySeed;

        /// <summary>Creates the server; <paramref name="queue"/> is the worker that held replies are sent on.</summary>
        public VendorServer(MeshNode mesh, WorkQueue queue, MeshGatewayAdapter adapter, CommandExecutor executor)
        {
            _mesh = mesh;
            _queue = queue;
            _adapter = adapter;
            _executor = executor;
            _held = new HeldReplies(_text.Length);
            _sendDue = SendDueReplies;
            _delayTimer = new Timer(OnDelayTimer, null, Timeout.Infinite, Timeout.Infinite);
            for (int i = 0; i < _requests.Length; i++)
            {
                _requests[i] = new VendorRequest(this);
            }
        }

        /// <summary>Answers to group SENDs waiting for their random delay (diagnostics).</summary>
        public int HeldReplyCount => _held.Count;

        /// <summary>Delay drawn for the last answer to a group SEND, ms (20–500; 0 before the first; diagnostics).</summary>
        public int LastResponseDelayMilliseconds { get; private set; }

        /// <summary>Handles a SEND (text or binary) received by the vendor server.</summary>
        public void OnSend(ReceivedMeshEvent request, long nowMilliseconds)
        {
            if (request.Source == _adapter.OwnAddress)
            {
                return; // self-echo of our own group SEND (seed §4.3)
            }

            bool binary = request.Opcode == MeshProtocol.BinarySendOpcode;
            string command = binary ? BinaryCommandCodec.TryDecodeToText(request.Payload, 0, request.PayloadLength) : request.PayloadText();
            int handle = request.RequestHandle;
            bool group = request.Destination >= 0xC000;
            int window = !group ? 0 : binary && command != null
                ? BinaryCommandCodec.ResponseWindowMillisecondsOf(request.Payload, 0, request.PayloadLength) : ResponseDelay.MaximumMilliseconds;
            if (command == null)
            {
                ReplyText(handle, NodeReplies.Unknown("<binary>"), window);
                return;
            }

            if (group && IsOtherEncodingOfARecentGroupSend(request.Source, command, binary, nowMilliseconds))
            {
                return;
            }

            if (!binary && command.Length > MaximumTextLength)
            {
                ReplyText(handle, TooLongReply, window);
                return;
            }

            VendorRequest pending = FreeRequest();
            if (pending == null)
            {
                ReplyText(handle, "ERR:BUSY", window);
                return;
            }

            pending.Start(handle, binary, window);
            if (!_executor.Submit(command, pending.Reply))
            {
                pending.Release();
                ReplyText(handle, "ERR:BUSY", window);
            }
        }

        /// <summary>Answers one SEND with its command's reply: the binary STATUS to a binary SEND when the reply has one, else the text.</summary>
        internal void Answer(int handle, bool binary, int window, NodeReply reply)
        {
            if (binary && reply.EncodeBinary(_status))
            {
                Reply(handle, MeshProtocol.BinaryStatusOpcode, _status, BinaryStatusCodec.Length, window);
            }
            else
            {
                ReplyText(handle, reply.Text, window);
            }
        }

        /// <summary>A request not awaiting a reply, or null when every one is (the executor is then full as well).</summary>
        private VendorRequest FreeRequest()
        {
            for (int i = 0; i < _requests.Length; i++)
            {
                if (!_requests[i].InUse)
                {
                    return _requests[i];
                }
            }

            return null;
        }

        /// <summary>
        /// True when the same gateway's same group command arrived in the other encoding within the window (and forgets
        /// that one, so a third copy runs); otherwise remembers this one and returns false.
        /// </summary>
        private bool IsOtherEncodingOfARecentGroupSend(int source, string command, bool binary, long now)
        {
            for (int i = 0; i < RecentGroupSends; i++)
            {
                if (_recentCommand[i] != null && _recentSource[i] == source && _recentBinary[i] != binary && _recentCommand[i] == command
                    && now - _recentAt[i] <= DuplicateWindowMilliseconds)
                {
                    _recentCommand[i] = null;
                    return true;
                }
            }

            _recentSource[_nextRecent] = source;
            _recentCommand[_nextRecent] = command;
            _recentBinary[_nextRecent] = binary;
            _recentAt[_nextRecent] = now;
            _nextRecent = (_nextRecent + 1) % RecentGroupSends;
            return false;
        }

        private void ReplyText(int handle, string text, int window)
        {
            int length = text.Length < _text.Length ? text.Length : _text.Length;
            for (int i = 0; i < length; i++)
            {
                _text[i] = (byte)text[i];
            }

            Reply(handle, MeshProtocol.VendorStatusOpcode, _text, length, window);
        }

        /// <summary>
        /// Replies at once to a unicast request (<paramref name="window"/> 0); holds the reply to a group request for its random delay,
        /// 20 ms to <paramref name="window"/> ms (at once when the table is full).
        /// </summary>
        private void Reply(int handle, int opcode, byte[] payload, int length, int window)
        {
            if (window > 0)
            {
                int own = _adapter.OwnAddress;
                if (_delay == null || _delaySeed != own)
                {
                    _delay = new ResponseDelay(own); // per node: seeded by its unicast address (once per address)
                    _delaySeed = own;
                }

                int delay = _delay.NextMilliseconds(window);
                long now = Environment.TickCount64;
                if (_held.Hold(handle, opcode, payload, length, now + delay))
                {
                    LastResponseDelayMilliseconds = delay;
                    ArmDelayTimer(now);
                    return;
                }
            }

            _mesh.ReplyVendor(handle, opcode, payload, length);
        }

        private void ArmDelayTimer(long now)
        {
            long next = _held.NextDueAt;
            if (next != long.MaxValue)
            {
                _delayTimer.Change(next <= now ? 0 : (int)(next - now), Timeout.Infinite);
            }
        }

        private void OnDelayTimer(object state)
        {
            if (!_queue.Post(_sendDue))
            {
                _delayTimer.Change(10, Timeout.Infinite); // worker full: try again shortly, never drop a held reply
            }
        }

        private void SendDueReplies()
        {
            long now = Environment.TickCount64;
            for (int slot = _held.TakeDue(now); slot >= 0; slot = _held.TakeDue(now))
            {
                _mesh.ReplyVendor(_held.HandleAt(slot), _held.OpcodeAt(slot), _held.PayloadAt(slot), _held.LengthAt(slot));
                _held.Release(slot);
            }

            ArmDelayTimer(now);
        }
    }
}
