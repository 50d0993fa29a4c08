using System;
using System.Collections;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Mesh;

namespace DcMonitor.Shared.Gateway
{
    /// <summary>
    /// The gateway role of a universal node (seed protocol §2.4, §4.4–§4.11) as a state machine driven by
    /// events — a Pi write, a mesh status, a send failure or timeout, a tick — all on the node's worker thread,
    /// so nothing blocks a radio callback (seed §9 B6). Seed defects fixed here:
    /// <list type="bullet">
    /// <item><c>SENT:&lt;word&gt;</c> only when the stack accepted the send, else <c>ERROR:MESH_SEND_FAIL</c> (B8);</item>
    /// <item>one acknowledged send per destination, tracked per destination: a command for a busy destination
    /// waits for its status, failure or timeout; a send never stays outstanding beyond
    /// <see cref="StuckSendMilliseconds"/> (B7, B14: timeouts are matched to the event's destination);</item>
    /// <item><c>&lt;own id&gt;:MONITOR</c> polls this node locally (B9); sources that are not node addresses are never
    /// reported as <c>NODE0</c> (B12); replies too long to forward get <c>ERROR:REPLY_TOO_LONG:&lt;id&gt;</c> (B13);</item>
    /// <item>the fallback (vendor client not bound) maps only STOP/OFF/ON to Generic OnOff, rejects the rest with
    /// <c>ERROR:NOT_READY</c> (B10) and runs ALL on this node too (B17); known nodes age out (B16).</item>
    /// </list>
    /// An ALL command's group SEND carries a response window sized to the known nodes (<see cref="GroupResponseWindowMilliseconds"/>);
    /// after it, an ALL:READ re-asks the known nodes whose answers were lost with unicast reads (<see cref="ReasksOutstanding"/>),
    /// silently: the Pi's replies are the ones it would get from a mesh that lost nothing. A gateway that knew too few nodes (just
    /// started, or its nodes aged out) learns the mesh from the answers and sends the group read once more with a window sized to
    /// them (<see cref="GroupResendsSent"/>), so the answers that collided in the short window, or were lost on the way from nodes
    /// it could not re-ask, are not lost for good.
    /// Commands are handled one at a time in arrival order: while one waits for this node's own reply (self or the
    /// local part of ALL) or for its destination, later ones wait, so notifications keep the seed's order (§2.8).
    /// Times are milliseconds of a monotonic clock, passed in by the caller.
    /// </summary>
    public sealed class GatewayProcessor
    {
        /// <summary>Monitor poll period (seed §1.7).</summary>
        public const int MonitorPeriodMilliseconds = 1000;

        /// <summary>Longest a unicast send stays outstanding: the stack's 5 s timeout plus a margin.</summary>
        public const int StuckSendMilliseconds = 6000;

        /// <summary>Gap between fallback OnOff sets of an ALL command (seed §1.7).</summary>
        public const int FallbackGapMilliseconds = 200;

        /// <summary>Pi commands held while an earlier one is in progress.</summary>
        public const int MaximumQueuedCommands = 16;

        /// <summary>
        /// Fixed part of the ALL reply window, ms: the window of the firmware before it was sized (so no mesh gets a shorter one), which
        /// covers the SAR incomplete timer of a segmented text reply (10 s, Mesh Profile 1.0.1 §3.5.3.4), the longest response delay
        /// (0.5 s, §3.7.3.1) and multi-hop retransmission on a loaded mesh.
        /// </summary>
        public const int AllRepliesWindowBaseMilliseconds = 30000;

        /// <summary>
        /// Part of the ALL reply window per known node, ms: the air time near the gateway that one node's answer takes (3 network
        /// transmissions 20–30 ms apart per segment, several segments and their acknowledgement for a text reply).
        /// </summary>
        public const int AllRepliesWindowPerNodeMilliseconds = 150;

        /// <summary>Longest ALL reply window, ms (reached at 200 known nodes).</summary>
        public const int AllRepliesWindowMaximumMilliseconds = 60000;

        /// <summary>
        /// How long after an ALL command's group send its replies are taken (ms): each node's first reply is forwarded, a second one
        /// from the same node (it heard the command twice, binary and text) is not. Sized to the mesh:
        /// min(<see cref="AllRepliesWindowBaseMilliseconds"/> + <see cref="AllRepliesWindowPerNodeMilliseconds"/> × known nodes,
        /// <see cref="AllRepliesWindowMaximumMilliseconds"/>): 30 s alone, 32.4 s at 16 nodes, 45 s at 100, 60 s from 200 on.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">knownNodes negative.</exception>
        public static int AllRepliesWindowMilliseconds(int knownNodes)
        {
            if (knownNodes < 0)
            {
                throw new ArgumentOutOfRangeException("knownNodes");
            }

            long window = AllRepliesWindowBaseMilliseconds + (long)AllRepliesWindowPerNodeMilliseconds * knownNodes;
            return window > AllRepliesWindowMaximumMilliseconds ? AllRepliesWindowMaximumMilliseconds : (int)window;
        }

        /// <summary>
        /// Response window per known node of a binary ALL, ms: room for one node's answer and its relaying (3 network transmissions and
        /// 2 by each relay, 20 ms apart, on a mesh of about 8 relays) with few collisions (docs/airtime-benchmark.md: at 30 ms a
        /// 63-node building lost more answers to collisions than the re-asks recover).
        /// </summary>
        public const int GroupResponseWindowPerNodeMilliseconds = 100;

        /// <summary>
        /// Shortest response window of a binary ALL, ms: the window while the gateway knows few nodes — just after it starts it has
        /// heard nobody, yet the mesh may hold dozens of nodes; room for about 20 answers at <see cref="GroupResponseWindowPerNodeMilliseconds"/>
        /// (a 32-node room answered 30 of 31 within the 500 ms of Mesh Profile 1.0.1 §3.7.3.1, and an answer lost to a collision
        /// cannot be re-asked from a node the gateway has never heard).
        /// </summary>
        public const int GroupResponseWindowMinimumMilliseconds = 2000;

        /// <summary>
        /// The response window an ALL command's group SEND carries (ms): each node answers after a random delay of 20 ms to this
        /// (<see cref="ResponseDelay.NextMilliseconds(int)"/>), so the answers of a large mesh do not collide.
        /// <see cref="GroupResponseWindowMinimumMilliseconds"/> up to 20 known nodes, <see cref="GroupResponseWindowPerNodeMilliseconds"/>
        /// per known node above (6.3 s at 63 nodes, 20 s at 200), at most 25.5 s (what <see cref="BinaryCommandCodec"/> carries).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">knownNodes negative.</exception>
        public static int GroupResponseWindowMilliseconds(int knownNodes)
        {
            if (knownNodes < 0)
            {
                throw new ArgumentOutOfRangeException("knownNodes");
            }

            long window = (long)GroupResponseWindowPerNodeMilliseconds * knownNodes;
            long maximum = BinaryCommandCodec.MaximumResponseWindowUnits * BinaryCommandCodec.ResponseWindowUnitMilliseconds;
            return window < GroupResponseWindowMinimumMilliseconds ? GroupResponseWindowMinimumMilliseconds : window > maximum ? (int)maximum : (int)window;
        }

        /// <summary>
        /// Wait after an ALL:READ's response window before the gateway re-asks the known nodes that did not answer, ms: room for the
        /// last answers to cross a multi-hop mesh (a few relay hops of 20–30 ms, a segmented text answer's SAR).
        /// </summary>
        public const int ReaskAfterWindowMilliseconds = 2000;

        /// <summary>
        /// How many more nodes than its response window was sized for (in quarters) must answer an ALL:READ's group send before the
        /// gateway sends it once more: 5 = more than a quarter more. Then the gateway knew too few nodes when it sized the window (it had
        /// just started, or its nodes had aged out), so the mesh's answers came closer together than <see cref="GroupResponseWindowPerNodeMilliseconds"/>
        /// and some collided — and a node never heard cannot be re-asked. A quarter more still leaves 80 ms per answer, and those nodes
        /// are known (a node that joined since the last ALL): the re-asks cover them without sending the whole mesh's answers again.
        /// </summary>
        public const int GroupResendAnswerQuarters = 5;

        /// <summary>Re-asks (unicast <c>read</c>) outstanding at once, so the re-asking does not itself flood the mesh.</summary>
        public const int MaximumConcurrentReasks = 4;

        /// <summary>Re-asks per node and ALL:READ.</summary>
        public const int MaximumReasksPerNode = 3;

        /// <summary>A node not heard for this long is forgotten (the Pi's own stale limit, seed §8.3).</summary>
        public const int KnownNodeLifetimeMilliseconds = 45000;

        private readonly IGatewayMesh _mesh;
        private readonly IGatewayNotifier _notifier;
        private readonly ILocalCommandRunner _local;
        private readonly KnownNodeTable _known = new KnownNodeTable();
        private readonly byte[] _queuedBytes = new byte[MaximumQueuedCommands * GatewayCommandParser.MaximumCommandBytes];
        private readonly int[] _queuedLengths = new int[MaximumQueuedCommands];
        private readonly GatewayCommand _command = new GatewayCommand(GatewayCommandParser.MaximumCommandBytes);
        private readonly GatewayCommand _groupCommand = new GatewayCommand(GatewayCommandParser.MaximumCommandBytes);
        private readonly GatewayReplyHandler _localReplyHandler;
        private readonly int[] _outstandingDestination = new int[NodeAddressing.MaximumNodes];
        private readonly long[] _outstandingSince = new long[NodeAddressing.MaximumNodes];
        private readonly bool[] _outstandingSilent = new bool[NodeAddressing.MaximumNodes];
        private readonly bool[] _outstandingReask = new bool[NodeAddressing.MaximumNodes];
        private readonly bool[] _answeredAll = new bool[NodeAddressing.MaximumNodes];
        private readonly int[] _reasks = new int[NodeAddressing.MaximumNodes];
        private readonly ArrayList _fallbackTargets = new ArrayList();
        private readonly ReplyWriter _message = new ReplyWriter(GatewayReplies.MaximumMessageBytes);
        private readonly ReplyWriter _incoming = new ReplyWriter(GatewayReplies.MaximumMessageBytes);

        private int _outstandingCount;
        private int _queueHead;
        private int _queueCount;
        private int _localOwn;
        private bool _localThenSendsToGroup;
        private bool _busy;
        private long _now;
        private int _monitorTarget = -1;
        private bool _monitorWaiting;
        private long _lastMonitorPoll;
        private bool _fallbackActive;
        private bool _fallbackLocalDone;
        private bool _fallbackOn;
        private bool _fallbackRefused;
        private long _nextFallbackAt;
        private long _allRepliesUntil = long.MinValue;
        private long _reaskFrom = long.MaxValue;
        private int _reasksOutstanding;
        private int _knownAtGroupSend;
        private int _learnedDuringAll;
        private long _resendAnswersUntil = long.MinValue;
        private bool _groupResendAllowed;

        /// <summary>Creates the processor over the node's mesh, notifier and local command runner.</summary>
        public GatewayProcessor(IGatewayMesh mesh, IGatewayNotifier notifier, ILocalCommandRunner local)
        {
            _mesh = mesh;
            _notifier = notifier;
            _local = local;
            _localReplyHandler = OnLocalReply;
        }

        /// <summary>The nodes heard from, in first-heard order.</summary>
        public KnownNodeTable KnownNodes => _known;

        /// <summary>Address being monitored, or -1.</summary>
        public int MonitorTarget => _monitorTarget;

        /// <summary>Number of unicast sends awaiting a status, failure or timeout.</summary>
        public int OutstandingSends => _outstandingCount;

        /// <summary>Pi commands not yet started.</summary>
        public int QueuedCommands => _queueCount;

        /// <summary>The Pi wrote a command to DC03 (<paramref name="length"/> bytes of <paramref name="data"/>).</summary>
        public void OnCommandWritten(byte[] data, int length, long nowMilliseconds)
        {
            _now = nowMilliseconds;
            if (_queueCount >= MaximumQueuedCommands)
            {
                CommandsRefused++;
                NotifyBusy();
                return;
            }

            CommandsTaken++;
            int place = (_queueHead + _queueCount) % MaximumQueuedCommands; // the write's bytes wait here, parsed when their turn comes
            _queuedLengths[place] = length;
            Array.Copy(data, 0, _queuedBytes, place * GatewayCommandParser.MaximumCommandBytes, length < GatewayCommandParser.MaximumCommandBytes ? length : GatewayCommandParser.MaximumCommandBytes);
            _queueCount++;
            Pump();
        }

        /// <summary>
        /// The Pi wrote a command to DC03 that could not be taken (the native event ring or the node's worker queue was full):
        /// the write was acknowledged, so it is answered with exactly one <see cref="GatewayReplies.Busy"/>, as a command finding
        /// this processor's own queue full is. Nothing else changes.
        /// </summary>
        public void OnCommandRefused(long nowMilliseconds)
        {
            _now = nowMilliseconds;
            CommandsRefused++;
            NotifyBusy();
        }

        /// <summary>Pi commands taken into this processor's queue (each is answered once processed; diagnostics).</summary>
        public int CommandsTaken { get; private set; }

        /// <summary>
        /// Pi commands answered with <see cref="GatewayReplies.Busy"/> without being taken: this processor's queue was full, or a queue
        /// before it was (<see cref="OnCommandRefused"/>). Every acknowledged DC03 write is counted here or in <see cref="CommandsTaken"/>
        /// (diagnostics).
        /// </summary>
        public int CommandsRefused { get; private set; }

        /// <summary>Every <see cref="GatewayReplies.Busy"/> sent: the refused commands, and taken ones whose local part the node's command queue refused (diagnostics).</summary>
        public int BusyReplies { get; private set; }

        /// <summary>A vendor STATUS arrived (matched response or publish), already turned into the node's reply text.</summary>
        public void OnVendorStatus(int source, string replyText, long nowMilliseconds)
        {
            _incoming.Clear();
            _incoming.Append(replyText); // a text that does not fit is too long to forward anyway: NODE<id>:DATA: comes before it
            OnVendorStatus(source, _incoming.Buffer, _incoming.Length, nowMilliseconds);
        }

        /// <summary>
        /// A vendor STATUS arrived (matched response or publish), already turned into the node's reply text: the first
        /// <paramref name="replyLength"/> ASCII bytes of <paramref name="reply"/>, read before this returns. Allocates nothing.
        /// </summary>
        public void OnVendorStatus(int source, byte[] reply, int replyLength, long nowMilliseconds)
        {
            _now = nowMilliseconds;
            int own = _mesh.OwnAddress;
            int nodeId = NodeAddressing.NodeIdOf(source);
            if (source == own || nodeId < 0)
            {
                return; // self-echo, or not a node (the seed reported such sources as NODE0, B12)
            }

            if (_known.Heard(source, own, nowMilliseconds) && _groupResendAllowed)
            {
                _learnedDuringAll++; // a node this ALL:READ's window was not sized for, and whose neighbours' lost answers cannot be re-asked
            }

            bool monitored = source == _monitorTarget;
            bool reasked = IsReasked(source);
            bool asked = ClearOutstanding(source, out _) || monitored;
            if (reasked)
            {
                _reasksOutstanding--;
                asked = !_answeredAll[nodeId]; // its answer to the group came first: this one is a second answer
                _answeredAll[nodeId] = true;
            }
            if (monitored)
            {
                _monitorWaiting = false;
            }

            bool forAll = false;
            if (!asked && !reasked && nowMilliseconds <= _allRepliesUntil && !_answeredAll[nodeId])
            {
                _answeredAll[nodeId] = true;
                asked = true;
                forAll = true;
            }

            if (asked)
            {
                NotifyNodeData(nodeId, reply, replyLength, forAll); // anything else nobody asked for: a late reply after MESH_TIMEOUT, a stopped
            }                                               // monitor's last poll, a node's second answer to one ALL

            Pump();
        }

        /// <summary>
        /// A node's message other than a vendor STATUS reached this node (an uplink reading or energy report, its identity, a bridge
        /// heartbeat: on a mesh with an uplink every node publishes one each report period): the node is known from now on, so an ALL's
        /// response window is sized to it and its lost answer is re-asked, though it never answered this gateway. Sources that are not
        /// node addresses, and this node's own, are ignored. Allocates nothing.
        /// </summary>
        public void OnNodeHeard(int source, long nowMilliseconds)
        {
            _known.Heard(source, _mesh.OwnAddress, nowMilliseconds);
        }

        /// <summary>The stack reported a failed vendor send to <paramref name="destination"/>.</summary>
        public void OnVendorSendFailed(int destination, long nowMilliseconds)
        {
            _now = nowMilliseconds;
            ReaskEnded(destination);
            ClearOutstanding(destination, out bool silent);
            if (destination == _monitorTarget)
            {
                _monitorWaiting = false;
            }
            else if (!silent)
            {
                Notify(GatewayReplies.MeshSendFail);
            }

            Pump();
        }

        /// <summary>The stack's 5 s response timer for a send to <paramref name="destination"/> expired.</summary>
        public void OnVendorTimeout(int destination, long nowMilliseconds)
        {
            _now = nowMilliseconds;
            ReaskEnded(destination);
            bool wasOutstanding = ClearOutstanding(destination, out bool silent);
            if (destination == _monitorTarget)
            {
                _monitorWaiting = false; // silent while monitoring (seed §4.9)
            }
            else if (wasOutstanding && !silent)
            {
                Notify(GatewayReplies.MeshTimeout); // a monitor poll that outlived its MONITOR stays silent
            }

            Pump();
        }

        /// <summary>A Generic OnOff Status answered a fallback Set.</summary>
        public void OnOnOffStatus(int source, bool on, long nowMilliseconds)
        {
            _now = nowMilliseconds;
            int nodeId = NodeAddressing.NodeIdOf(source);
            if (nodeId >= 0)
            {
                Notify(GatewayReplies.OnOffAcknowledged(nodeId, on));
            }
        }

        /// <summary>A fallback OnOff Set to <paramref name="destination"/> timed out (2 s).</summary>
        public void OnOnOffTimeout(int destination, long nowMilliseconds)
        {
            _now = nowMilliseconds;
            Notify(GatewayReplies.OnOffTimeout(destination));
        }

        /// <summary>The provisioner bound this node's vendor client model.</summary>
        public void OnVendorClientBound()
        {
            Notify(GatewayReplies.MeshReadyVendor);
        }

        /// <summary>Time passes: expire stuck sends, poll the monitor target, continue a fallback fan-out. Call at least every 100 ms.</summary>
        public void Tick(long nowMilliseconds)
        {
            _now = nowMilliseconds;
            for (int i = _outstandingCount - 1; i >= 0; i--)
            {
                if (nowMilliseconds - _outstandingSince[i] > StuckSendMilliseconds)
                {
                    OnVendorTimeout(_outstandingDestination[i], nowMilliseconds);
                }
            }

            _known.ForgetSilent(nowMilliseconds, KnownNodeLifetimeMilliseconds);
            ContinueFallback();
            PollMonitor();
            Reask();
            Pump();
        }

        /// <summary>Re-asks (unicast <c>read</c>) still outstanding.</summary>
        public int ReasksOutstanding => _reasksOutstanding;

        /// <summary>Re-asks sent since start (diagnostics).</summary>
        public int ReasksSent { get; private set; }

        /// <summary>Group reads sent a second time since start because an ALL:READ's window was too short for the mesh (diagnostics).</summary>
        public int GroupResendsSent { get; private set; }

        /// <summary>
        /// End of the last ALL command's reply window, ms of the caller's clock (<see cref="long.MinValue"/> before the first): until then
        /// each node's first answer is forwarded and re-asks are sent. A group resend moves it to where it would have been had the gateway
        /// known the answering nodes when the ALL was sent.
        /// </summary>
        public long AllRepliesUntilMilliseconds => _allRepliesUntil;

        /// <summary>
        /// After an ALL:READ's response window (+ <see cref="ReaskAfterWindowMilliseconds"/>) and within its reply window, asks each known
        /// node that has not answered again with a unicast <c>read</c>, at most <see cref="MaximumConcurrentReasks"/> at once and
        /// <see cref="MaximumReasksPerNode"/> times each. Its answer is forwarded as the node's answer to the ALL (once); the re-ask
        /// itself tells the Pi nothing (no SENT, no MESH_TIMEOUT), so the Pi sees exactly what a mesh that lost nothing shows.
        /// </summary>
        private void Reask()
        {
            if (_now < _reaskFrom || !_mesh.VendorClientBound)
            {
                return;
            }

            if (_now > _allRepliesUntil)
            {
                _reaskFrom = long.MaxValue; // the ALL is over: late re-ask answers are still forwarded, no new re-asks
                return;
            }

            if (_groupResendAllowed)
            {
                _groupResendAllowed = false;
                if (ResendToGroupWhenAnswersMayBeLost())
                {
                    return; // the re-asks wait for the second window
                }
            }

            for (int i = 0; i < _known.Count && _reasksOutstanding < MaximumConcurrentReasks; i++)
            {
                int address = _known.AddressAt(i);
                int nodeId = NodeAddressing.NodeIdOf(address);
                if (_answeredAll[nodeId] || _reasks[nodeId] >= MaximumReasksPerNode || IsOutstanding(address))
                {
                    continue;
                }

                if (_outstandingCount == _outstandingDestination.Length)
                {
                    return; // no room to track another send
                }

                _reasks[nodeId]++;
                if (_mesh.SendVendor(address, NodeCommandKind.Read, 0))
                {
                    MarkOutstanding(address, true);
                    _outstandingReask[_outstandingCount - 1] = true; // a new entry: the address was not outstanding
                    _reasksOutstanding++;
                    ReasksSent++;
                }
            }
        }

        /// <summary>
        /// Once per ALL:READ, when its window is over, sends the group read again, silently (no <c>SENT</c>), with a window sized to the
        /// nodes now known, when answers may have been lost that no re-ask can recover, because the gateway did not know their nodes:
        /// <list type="bullet">
        /// <item>crowded: more than <see cref="GroupResendAnswerQuarters"/> quarters of the nodes the window was sized for answered, so
        /// the answers came closer together than <see cref="GroupResponseWindowPerNodeMilliseconds"/> and some collided;</item>
        /// <item>learning: more of the answers came from nodes the gateway did not know at the group send than it knew then (it had just
        /// started, or its nodes had aged out) — on a small mesh with no uplink a fresh gateway knows nobody, and a lost answer there
        /// was lost for good (issue 15). A node that joined a mesh the gateway knows is one new node among many: no resend.</item>
        /// </list>
        /// Moves the re-asks after it and the reply window to where a gateway knowing those nodes would have put it. Nodes that answered
        /// answer again (not forwarded: each node's first answer only); those whose answers were lost are heard now, or re-asked after.
        /// The Pi's next commands wait until the resend's window and its margin are over (their answers would be indistinguishable
        /// from late answers to the resend: a vendor STATUS carries no request id). True when it was sent.
        /// </summary>
        private bool ResendToGroupWhenAnswersMayBeLost()
        {
            int answered = 0;
            for (int i = 0; i < _answeredAll.Length; i++)
            {
                answered += _answeredAll[i] ? 1 : 0;
            }

            int roomFor = GroupResponseWindowMilliseconds(_knownAtGroupSend) / GroupResponseWindowPerNodeMilliseconds;
            int sizedFor = _knownAtGroupSend > roomFor ? _knownAtGroupSend : roomFor;
            bool crowded = answered * 4 > sizedFor * GroupResendAnswerQuarters;
            bool learning = _learnedDuringAll > _knownAtGroupSend;
            if (!crowded && !learning)
            {
                return false;
            }

            long groupSentAt = _allRepliesUntil - AllRepliesWindowMilliseconds(_knownAtGroupSend);
            int window = GroupResponseWindowMilliseconds(_known.Count);
            if (!_mesh.SendVendorToGroup(NodeCommandKind.Read, 0, window))
            {
                return false; // the known nodes are re-asked as usual
            }

            GroupResendsSent++;
            _reaskFrom = _now + window + ReaskAfterWindowMilliseconds;
            _resendAnswersUntil = _reaskFrom; // the Pi's next commands wait: a late answer to the resend would pass for theirs
            long until = groupSentAt + AllRepliesWindowMilliseconds(_known.Count);
            if (until > _allRepliesUntil)
            {
                _allRepliesUntil = until;
            }

            return true;
        }

        /// <summary>True when the send outstanding to <paramref name="destination"/> is a re-ask.</summary>
        private bool IsReasked(int destination)
        {
            for (int i = 0; i < _outstandingCount; i++)
            {
                if (_outstandingDestination[i] == destination)
                {
                    return _outstandingReask[i];
                }
            }

            return false;
        }

        /// <summary>
        /// A new ALL went to the group while re-asks of the previous ALL:READ were outstanding: they become plain silent sends, so the
        /// answer to one is still forwarded (the earlier ALL:READ's answer for that node, late) but is not taken as the node's answer to
        /// the new ALL, whose own answer then follows; a time-out stays silent.
        /// </summary>
        private void EndReasksOfThePreviousAll()
        {
            for (int i = 0; i < _outstandingCount; i++)
            {
                _outstandingReask[i] = false;
            }

            _reasksOutstanding = 0;
        }

        /// <summary>A send to <paramref name="destination"/> failed or timed out: when it was a re-ask, one fewer is outstanding.</summary>
        private void ReaskEnded(int destination)
        {
            if (IsReasked(destination))
            {
                _reasksOutstanding--;
            }
        }

        private void NotifyBusy()
        {
            BusyReplies++;
            Notify(GatewayReplies.Busy);
        }

        private void Pump()
        {
            while (!_busy && _queueCount > 0)
            {
                if (_now < _resendAnswersUntil)
                {
                    return; // a silent group resend's answers are still coming: they carry no request id, so a command sent now could take one for its own
                }

                GatewayCommand next = _command; // one command object for all: Process uses it only until it may call back into Pump
                GatewayCommandParser.Parse(_queuedBytes, _queueHead * GatewayCommandParser.MaximumCommandBytes, _queuedLengths[_queueHead], next);
                if (!next.IsRejected && !next.IsAll && next.Action != GatewayAction.Monitor && _mesh.VendorClientBound
                    && IsOutstanding(NodeAddressing.UnicastOf(next.NodeId)) && NodeAddressing.UnicastOf(next.NodeId) != _mesh.OwnAddress)
                {
                    return; // at most one acknowledged send per destination: wait for its status, failure or timeout
                }

                _queueHead = (_queueHead + 1) % MaximumQueuedCommands;
                _queueCount--;
                Process(next);
            }
        }

        private void Process(GatewayCommand command)
        {
            if (command.HasWord && command.Action != GatewayAction.Monitor)
            {
                StopMonitoring(); // any later command with a word stops monitoring (seed §2.4 step 5), even an unknown one
            }

            if (command.IsRejected)
            {
                _message.Clear();
                command.WriteError(_message);
                _notifier.Notify(_message.Buffer, _message.Length);
                return;
            }

            int own = _mesh.OwnAddress;
            if (command.Action == GatewayAction.Monitor)
            {
                StartMonitoring(command, own);
                return;
            }

            if (!command.IsAll && own != 0 && NodeAddressing.UnicastOf(command.NodeId) == own)
            {
                RunLocally(command.NodeCommandText, own, null); // self-addressing: nothing touches the mesh, no SENT
                return;
            }

            if (!_mesh.VendorClientBound)
            {
                StartFallback(command, own);
                return;
            }

            if (command.IsAll)
            {
                RunLocally(command.NodeCommandText, own, command); // local first, then one group send (seed §4.8)
                return;
            }

            SendUnicast(NodeAddressing.UnicastOf(command.NodeId), command);
        }

        private void SendUnicast(int destination, GatewayCommand command)
        {
            if (_mesh.SendVendor(destination, command.NodeKind, command.DutyPercent))
            {
                MarkOutstanding(destination, false);
                NotifySent(command);
            }
            else
            {
                Notify(GatewayReplies.MeshSendFail);
            }
        }

        /// <summary>
        /// Runs text on this node and notifies its reply; for ALL, then sends to the group. Later commands wait for
        /// the local reply (it comes within ≈ 200 ms), except after a ramp, whose reply takes 2.7 s: a ramp never
        /// stalls the gateway, and ALL:RAMP goes to the group at once, so every node ramps together (the seed
        /// blocked for the whole local ramp first, §4.8, B6); the local reply follows when the ramp ends.
        /// </summary>
        private void RunLocally(string text, int own, GatewayCommand thenSendToGroup)
        {
            if (thenSendToGroup != null)
            {
                _groupCommand.CopyFrom(thenSendToGroup); // the next command is parsed into the same object before the local reply comes
            }

            if (text == NodeCommandText.Ramp)
            {
                RunRampLocally(own, thenSendToGroup != null);
                return;
            }

            _busy = true;
            _localOwn = own;
            _localThenSendsToGroup = thenSendToGroup != null;
            if (!_local.Run(text, _localReplyHandler)) // one handler for every such run: while it waits, _busy holds later ones back
            {
                _busy = false;
                NotifyBusy();
            }
        }

        /// <summary>The reply of a local run that is not a ramp (<see cref="RunLocally"/>).</summary>
        private void OnLocalReply(byte[] reply, int length)
        {
            NotifyNodeData(NodeAddressing.NodeIdOf(_localOwn), reply, length, _localThenSendsToGroup);
            _busy = false;
            if (_localThenSendsToGroup)
            {
                SendToGroup(_groupCommand);
            }

            Pump();
        }

        /// <summary>A ramp on this node: it never stalls the gateway; for ALL the group send goes at once, the local reply follows the ramp.</summary>
        private void RunRampLocally(int own, bool thenSendToGroup)
        {
            _busy = false;
            bool accepted = _local.Run(NodeCommandText.Ramp, delegate(byte[] reply, int length)
            {
                NotifyNodeData(NodeAddressing.NodeIdOf(own), reply, length);
            });
            if (!accepted)
            {
                NotifyBusy();
                return;
            }

            if (thenSendToGroup)
            {
                SendToGroup(_groupCommand);
            }
        }

        private void SendToGroup(GatewayCommand command)
        {
            int window = GroupResponseWindowMilliseconds(_known.Count);
            bool sent = _mesh.SendVendorToGroup(command.NodeKind, command.DutyPercent, window);
            if (sent)
            {
                EndReasksOfThePreviousAll();
                Array.Clear(_answeredAll, 0, _answeredAll.Length);
                Array.Clear(_reasks, 0, _reasks.Length);
                _allRepliesUntil = _now + AllRepliesWindowMilliseconds(_known.Count);
                _reaskFrom = command.NodeKind == NodeCommandKind.Read ? _now + window + ReaskAfterWindowMilliseconds : long.MaxValue; // re-asking repeats only a read
                _knownAtGroupSend = _known.Count;
                _learnedDuringAll = 0;
                _groupResendAllowed = command.NodeKind == NodeCommandKind.Read;
            }

            if (sent)
            {
                NotifySent(command);
            }
            else
            {
                Notify(GatewayReplies.MeshSendFail);
            }
        }

        private void StartMonitoring(GatewayCommand command, int own)
        {
            int target;
            if (command.IsAll)
            {
                target = _known.Count > 0 ? _known.AddressAt(0) : own;
            }
            else
            {
                target = NodeAddressing.UnicastOf(command.NodeId);
            }

            bool local = own != 0 && target == own;
            if (target == 0 || (!local && !_mesh.VendorClientBound))
            {
                Notify(GatewayReplies.NotReady);
                return;
            }

            _monitorTarget = target;
            _monitorWaiting = false;
            _lastMonitorPoll = _now - MonitorPeriodMilliseconds;
            Notify(GatewayReplies.SentMonitor);
        }

        private void StopMonitoring()
        {
            _monitorTarget = -1;
            _monitorWaiting = false;
        }

        private void PollMonitor()
        {
            if (_monitorTarget < 0 || _monitorWaiting || _now - _lastMonitorPoll < MonitorPeriodMilliseconds || IsOutstanding(_monitorTarget))
            {
                return;
            }

            _lastMonitorPoll = _now;
            int own = _mesh.OwnAddress;
            if (_monitorTarget == own)
            {
                PollOwnNode(own);
                return;
            }

            if (_mesh.VendorClientBound && _mesh.SendVendor(_monitorTarget, NodeCommandKind.Read, 0))
            {
                MarkOutstanding(_monitorTarget, true);
                _monitorWaiting = true;
            }
        }

        /// <summary>
        /// Monitoring this node itself: a local read whose reply is notified. In its own method because the reply's closure
        /// (capturing <paramref name="own"/>) is allocated where its captured variable's scope begins: in PollMonitor that was
        /// every tick, idle or not (issue 16).
        /// </summary>
        private void PollOwnNode(int own)
        {
            _monitorWaiting = _local.Run(NodeCommandText.Read, delegate(byte[] reply, int length)
            {
                _monitorWaiting = false;
                if (_monitorTarget == own)
                {
                    NotifyNodeData(NodeAddressing.NodeIdOf(own), reply, length);
                }
            });
        }

        private void StartFallback(GatewayCommand command, int own)
        {
            bool on;
            if (command.Action == GatewayAction.Stop)
            {
                on = false;
            }
            else if (command.WordIs("ON"))
            {
                on = true;
            }
            else
            {
                Notify(GatewayReplies.NotReady); // the fallback carries only STOP/OFF/ON (seed B10)
                return;
            }

            if (!command.IsAll)
            {
                bool sent = _mesh.SendOnOff(NodeAddressing.UnicastOf(command.NodeId), on);
                Notify(sent ? FallbackSent(on) : GatewayReplies.MeshSendFail);
                return;
            }

            if (own == 0)
            {
                Notify(GatewayReplies.NotReady);
                return;
            }

            _fallbackTargets.Clear();
            for (int i = 0; i < _known.Count; i++)
            {
                _fallbackTargets.Add(_known.AddressAt(i));
            }

            _fallbackOn = on;
            _fallbackRefused = false;
            _fallbackLocalDone = false;
            _fallbackActive = true;
            _busy = true; // later commands wait until every known node was sent to
            bool accepted = _local.Run(on ? "duty:100" : NodeCommandText.Stop, delegate(byte[] reply, int length) // ALL includes this node (seed B17); OnOff on = duty 100 %
            {
                NotifyNodeData(NodeAddressing.NodeIdOf(own), reply, length);
                _fallbackLocalDone = true;
                _nextFallbackAt = _now;
                ContinueFallback();
            });
            if (!accepted)
            {
                _fallbackActive = false;
                _busy = false;
                NotifyBusy();
            }
        }

        /// <summary>Sends the next fallback OnOff Set when its 200 ms gap has passed; finishes the ALL command after the last.</summary>
        private void ContinueFallback()
        {
            if (!_fallbackActive || !_fallbackLocalDone || _now < _nextFallbackAt)
            {
                return;
            }

            if (_fallbackTargets.Count > 0)
            {
                int target = (int)_fallbackTargets[0];
                _fallbackTargets.RemoveAt(0);
                if (!_mesh.SendOnOff(target, _fallbackOn))
                {
                    _fallbackRefused = true;
                }

                _nextFallbackAt = _now + FallbackGapMilliseconds;
                if (_fallbackTargets.Count > 0)
                {
                    return;
                }
            }

            _fallbackActive = false;
            _busy = false;
            Notify(_fallbackRefused ? GatewayReplies.MeshSendFail : FallbackSent(_fallbackOn));
            Pump();
        }

        private static string FallbackSent(bool on)
        {
            return on ? GatewayReplies.SentOnFallback : GatewayReplies.SentOffFallback;
        }

        private void NotifyNodeData(int nodeId, byte[] reply, int length)
        {
            NotifyNodeData(nodeId, reply, length, false);
        }

        /// <summary>
        /// Notifies a node's reply: <c>NODE&lt;id&gt;:DATA:&lt;reply&gt;</c> (seed §2.6), or for a battery reply (issue 18, starting with
        /// <see cref="BatteryReplies.Prefix"/>) <c>NODE&lt;id&gt;:BATT:…</c> — except a battery error answering a one-node BATT, which is
        /// notified bare (<c>ERROR:NO_BATTERY_MONITOR</c>); answering ALL (<paramref name="forAll"/>) it keeps <c>NODE&lt;id&gt;:BATT:</c>, which names the node.
        /// </summary>
        private void NotifyNodeData(int nodeId, byte[] reply, int length, bool forAll)
        {
            _message.Clear();
            if (!BatteryReplies.StartsWith(reply, 0, length, BatteryReplies.Prefix))
            {
                GatewayReplies.WriteNodeDataPrefix(nodeId, _message);
                _message.Append(reply, 0, length);
            }
            else if (!forAll && BatteryReplies.StartsWith(reply, BatteryReplies.Prefix.Length, length - BatteryReplies.Prefix.Length, BatteryReplies.ErrorPrefix))
            {
                _message.Append(reply, BatteryReplies.Prefix.Length, length - BatteryReplies.Prefix.Length);
            }
            else
            {
                _message.Append(GatewayReplies.NodePrefix);
                _message.AppendInteger(nodeId);
                _message.Append(":");
                _message.Append(reply, 0, length);
            }

            NotifyNodeData(nodeId);
        }

        /// <summary>Notifies the data message in <see cref="_message"/>, or <c>ERROR:REPLY_TOO_LONG:&lt;id&gt;</c> when it did not fit.</summary>
        private void NotifyNodeData(int nodeId)
        {
            if (_message.Overflowed)
            {
                Notify(GatewayReplies.ReplyTooLong(nodeId));
                return;
            }

            _notifier.Notify(_message.Buffer, _message.Length);
        }

        /// <summary>Notifies <c>SENT:&lt;word&gt;</c> (the word as received), allocating nothing.</summary>
        private void NotifySent(GatewayCommand command)
        {
            _message.Clear();
            _message.Append(GatewayReplies.SentPrefix);
            command.WriteWord(_message);
            _notifier.Notify(_message.Buffer, _message.Length);
        }

        /// <summary>Notifies a message given as text, through the reused buffer.</summary>
        private void Notify(string message)
        {
            _message.Clear();
            _message.Append(message);
            _notifier.Notify(_message.Buffer, _message.Length);
        }

        /// <summary>
        /// Records a send awaiting its status. A silent one (a monitor poll) gives no MESH_TIMEOUT or MESH_SEND_FAIL when it
        /// fails after its MONITOR stopped; a command's send to the same destination makes the entry loud again.
        /// </summary>
        private void MarkOutstanding(int destination, bool silent)
        {
            for (int i = 0; i < _outstandingCount; i++)
            {
                if (_outstandingDestination[i] == destination)
                {
                    _outstandingSilent[i] = _outstandingSilent[i] && silent;
                    return;
                }
            }

            if (_outstandingCount == _outstandingDestination.Length)
            {
                return;
            }

            _outstandingDestination[_outstandingCount] = destination;
            _outstandingSince[_outstandingCount] = _now;
            _outstandingSilent[_outstandingCount] = silent;
            _outstandingReask[_outstandingCount] = false;
            _outstandingCount++;
        }

        private bool IsOutstanding(int destination)
        {
            for (int i = 0; i < _outstandingCount; i++)
            {
                if (_outstandingDestination[i] == destination)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Forgets the send awaiting a status from <paramref name="destination"/>; <paramref name="silent"/> tells whether it was a monitor poll.</summary>
        private bool ClearOutstanding(int destination, out bool silent)
        {
            for (int i = 0; i < _outstandingCount; i++)
            {
                if (_outstandingDestination[i] == destination)
                {
                    silent = _outstandingSilent[i];
                    _outstandingCount--;
                    _outstandingDestination[i] = _outstandingDestination[_outstandingCount];
                    _outstandingSince[i] = _outstandingSince[_outstandingCount];
                    _outstandingSilent[i] = _outstandingSilent[_outstandingCount];
                    _outstandingReask[i] = _outstandingReask[_outstandingCount];
                    return true;
                }
            }

            silent = false;
            return false;
        }
    }
}
