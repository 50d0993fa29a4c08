using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Sensing;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.UniversalNode.Load;
using DcMonitor.UniversalNode.Sensing;

namespace DcMonitor.UniversalNode.Commands
{
    /// <summary>
    /// Executes node command text (seed protocol §2.5, §4.2) for every path that issues it — the serial
    /// console now, the vendor server and the gateway's local path later — on the node's single worker
    /// thread, so duty, sensor and ramp have one owner and no caller ever blocks (seed §9 B6).
    /// <list type="bullet">
    /// <item><c>read</c>/<c>status</c>: replies at once with the latest averaged reading (right after the sensor was
    /// configured, once its first result is ready).</item>
    /// <item><c>s</c>/<c>stop</c>, <c>duty:N</c>, a bare integer: apply the clamped duty, then reply with a reading
    /// taken once the INA260 has averaged over the new duty (<see cref="SensorService.SettleMilliseconds"/>).</item>
    /// <item><c>r</c>/<c>ramp</c>: 0, 25, 50, 75, 100 % for 500 ms each, then 0 % for 200 ms, then the reply; a later
    /// duty-changing command cancels it (its requester gets <see cref="NodeReplies.RampCancelled"/>).</item>
    /// <item>A non-integer duty value and unknown text change nothing and get an <c>ERR:</c> reply.</item>
    /// </list>
    /// Every accepted command gets exactly one reply. Commands run strictly in arrival order and a command
    /// waits until the previous one has replied (a ramp excepted: it runs in the background so that a later
    /// command can cancel it), so each reply describes the state its own command left — as the seed's
    /// synchronous process_command did, without blocking any thread. A READ allocates nothing in steady state (issue 16):
    /// accepted commands wait in a fixed ring, and a reading reply is one reused <see cref="NodeReply"/> whose text is
    /// formatted only when a receiver reads it — so a receiver uses a reply within its call and never keeps it. A valid command is
    /// classified without a parsed object (<see cref="NodeCommandParser.Classify"/>), and the reply a DUTY, a STOP or an early READ
    /// sends after the settle time, like each ramp step, is a <see cref="OneShotWork"/> made once: none allocates in steady state.
    /// </summary>
    public sealed class CommandExecutor
    {
        private const string Component = "load";

        private readonly WorkQueue _queue;
        private readonly SensorService _sensor;
        private readonly LoadController _load;
        private readonly NodeLog _log;
        private readonly SensorReading _reading = new SensorReading();
        private readonly BatteryReading _battery = new BatteryReading();
        private readonly NodeReply _readingReply = NodeReply.ForReusedReading(new SensorPayloadFormatter());

        /// <summary>Commands accepted but not started, at most this many (then Submit returns false).</summary>
        public const int MaximumPendingCommands = 16;

        // Accepted commands not started: a ring of MaximumPendingCommands slots (a command's text and reply handler, or ordered work).
        private readonly object _pendingLock = new object();
        private readonly string[] _pendingText = new string[MaximumPendingCommands];
        private readonly CommandReplyHandler[] _pendingReply = new CommandReplyHandler[MaximumPendingCommands];
        private readonly WorkItem[] _pendingWork = new WorkItem[MaximumPendingCommands];
        private int _pendingFirst;
        private int _pendingCount;
        private readonly WorkItem _runPending;
        private readonly OneShotWork _delayedReply;
        private readonly OneShotWork _rampStepEnd;
        private bool _awaitingReply;
        private CommandReplyHandler _delayedReplyRequester;
        private CommandReplyHandler _rampRequester;
        private int _rampStep;

        /// <summary>Creates the executor over the node's worker queue, sensor and load.</summary>
        public CommandExecutor(WorkQueue queue, SensorService sensor, LoadController load, NodeLog log)
        {
            _queue = queue;
            _sensor = sensor;
            _load = load;
            _log = log;
            _runPending = RunPending;
            _delayedReply = queue.CreateOneShot(SendDelayedReply); // made once: a DUTY, a STOP or an early READ schedules no new objects (issue 16)
            _rampStepEnd = queue.CreateOneShot(EndRampStep);
        }

        /// <summary>The battery monitor reader that answers <c>batt</c> (issue 18), set by the app; null: <c>BATT:ERROR:NO_BATTERY_MONITOR</c>.</summary>
        public BatteryMonitorReader Battery { get; set; }

        /// <summary>True while a ramp runs.</summary>
        public bool RampInProgress => _rampRequester != null;

        /// <summary>
        /// Queues <paramref name="text"/> for execution; <paramref name="reply"/> is called once with the reply.
        /// Thread-safe. Returns false, and nothing happens, when the worker queue is full: the caller must
        /// answer "busy" itself.
        /// </summary>
        public bool Submit(string text, CommandReplyHandler reply)
        {
            return Enqueue(text, reply, null);
        }

        private bool Enqueue(string text, CommandReplyHandler reply, WorkItem work)
        {
            lock (_pendingLock)
            {
                if (_pendingCount >= MaximumPendingCommands)
                {
                    return false;
                }

                int slot = (_pendingFirst + _pendingCount) % MaximumPendingCommands;
                _pendingText[slot] = text;
                _pendingReply[slot] = reply;
                _pendingWork[slot] = work;
                _pendingCount++;
            }

            if (!_queue.Post(_runPending))
            {
                lock (_pendingLock)
                {
                    _pendingCount--;
                    Clear((_pendingFirst + _pendingCount) % MaximumPendingCommands);
                }

                return false;
            }

            return true;
        }

        private void Clear(int slot)
        {
            _pendingText[slot] = null;
            _pendingReply[slot] = null;
            _pendingWork[slot] = null;
        }

        /// <summary>
        /// Queues other work (a console diagnostic such as <c>scan</c>) in the same order as commands, so its
        /// output appears after the replies to the commands typed before it. Same contract as <see cref="Submit"/>.
        /// </summary>
        public bool SubmitInOrder(WorkItem work)
        {
            return Enqueue(null, null, work);
        }

        /// <summary>Commands accepted and not yet started.</summary>
        public int PendingCount
        {
            get
            {
                lock (_pendingLock)
                {
                    return _pendingCount;
                }
            }
        }

        private void RunPending()
        {
            while (!_awaitingReply)
            {
                string text;
                CommandReplyHandler reply;
                WorkItem work;
                lock (_pendingLock)
                {
                    if (_pendingCount == 0)
                    {
                        return;
                    }

                    text = _pendingText[_pendingFirst];
                    reply = _pendingReply[_pendingFirst];
                    work = _pendingWork[_pendingFirst];
                    Clear(_pendingFirst);
                    _pendingFirst = (_pendingFirst + 1) % MaximumPendingCommands;
                    _pendingCount--;
                }

                if (work != null)
                {
                    work();
                }
                else
                {
                    Execute(text, reply);
                }
            }
        }

        private void Execute(string text, CommandReplyHandler reply)
        {
            int dutyPercent;
            NodeCommandKind kind = NodeCommandParser.Classify(text, out dutyPercent); // no NodeCommand: a valid command allocates nothing
            if (NodeCommand.KindChangesDuty(kind))
            {
                CancelRamp();
            }

            switch (kind)
            {
                case NodeCommandKind.Read:
                    ReplyAfter(_sensor.MillisecondsUntilFirstResult, reply);
                    break;
                case NodeCommandKind.Stop:
                    ApplyDutyThenReply(0, reply);
                    break;
                case NodeCommandKind.SetDuty:
                    ApplyDutyThenReply(dutyPercent, reply);
                    break;
                case NodeCommandKind.Ramp:
                    StartRamp(reply);
                    break;
                case NodeCommandKind.Battery:
                    reply(BatteryPayload());
                    break;
                case NodeCommandKind.InvalidDutyValue:
                    reply(NodeReply.TextOnly(NodeReplies.InvalidValue(NodeCommandParser.Parse(text).Text)));
                    break;
                default:
                    reply(NodeReply.TextOnly(NodeReplies.Unknown(NodeCommandParser.Parse(text).Text)));
                    break;
            }
        }

        /// <summary>
        /// The reply for the current state: the sensor payload, or an <c>ERR:SENSOR_…</c> reply carrying the duty
        /// when the sensor is absent or the read failed. Worker thread only. A reading is the executor's reused reply:
        /// valid until the next read.
        /// </summary>
        public NodeReply ReadPayload()
        {
            int duty = _load.DutyPercent;
            switch (_sensor.TryRead(_reading))
            {
                case SensorReadResult.Ok:
                    _readingReply.SetReading(duty, _reading);
                    return _readingReply;
                case SensorReadResult.Absent:
                    return NodeReply.ForStatus(NodeReplies.SensorAbsent(duty), BinaryStatusKind.SensorAbsent, duty);
                default:
                    return NodeReply.ForStatus(NodeReplies.SensorFault(duty), BinaryStatusKind.SensorFault, duty);
            }
        }

        /// <summary>
        /// The reply to <c>batt</c>: the battery monitor's last good reading while it is fresh
        /// (<see cref="BatteryMonitorReader.TryGetFreshReading"/>), else which error. Worker thread only (the reader's thread).
        /// </summary>
        public NodeReply BatteryPayload()
        {
            BatteryMonitorReader reader = Battery;
            if (reader == null || !reader.IsConfigured)
            {
                return NodeReply.ForBattery(BinaryStatusKind.NoBatteryMonitor, null, 0);
            }

            long now = System.Environment.TickCount64;
            if (!reader.TryGetFreshReading(now, _battery))
            {
                return NodeReply.ForBattery(BinaryStatusKind.BatteryMonitorUnreachable, null, 0);
            }

            return NodeReply.ForBattery(BinaryStatusKind.BatteryReading, _battery, (int)((now - reader.LastReadingAt) / 1000));
        }

        private void ApplyDutyThenReply(int percent, CommandReplyHandler reply)
        {
            _load.SetDuty(percent);
            ReplyAfter(_sensor.SettleMilliseconds, reply);
        }

        /// <summary>Replies with a reading now, or after <paramref name="milliseconds"/> while later commands wait.</summary>
        private void ReplyAfter(int milliseconds, CommandReplyHandler reply)
        {
            if (milliseconds <= 0)
            {
                reply(ReadPayload());
                return;
            }

            _awaitingReply = true; // later commands wait: at most one delayed reply at a time
            _delayedReplyRequester = reply;
            _delayedReply.Schedule(milliseconds);
        }

        private void SendDelayedReply()
        {
            CommandReplyHandler reply = _delayedReplyRequester;
            _delayedReplyRequester = null;
            _awaitingReply = false;
            reply(ReadPayload());
            RunPending();
        }

        private void StartRamp(CommandReplyHandler reply)
        {
            _rampRequester = reply;
            _rampStep = 0;
            ApplyRampStep();
        }

        private void ApplyRampStep()
        {
            _load.SetDuty(RampSequence.DutyAt(_rampStep));
            _rampStepEnd.Schedule(RampSequence.HoldMillisecondsAt(_rampStep));
        }

        private void EndRampStep()
        {
            NodeReply reading = ReadPayload();
            if (RampSequence.IsLast(_rampStep))
            {
                CommandReplyHandler requester = _rampRequester;
                _rampRequester = null;
                requester(reading);
                return;
            }

            _log.Write(Component, "ramp " + RampSequence.DutyAt(_rampStep).ToString() + "%: " + reading.Text);
            _rampStep++;
            ApplyRampStep();
        }

        private void CancelRamp()
        {
            if (_rampRequester == null)
            {
                return;
            }

            _rampStepEnd.Cancel();
            CommandReplyHandler requester = _rampRequester;
            _rampRequester = null;
            _log.Write(Component, "ramp cancelled at step " + _rampStep.ToString());
            requester(NodeReply.ForStatus(NodeReplies.RampCancelled, BinaryStatusKind.RampCancelled, _load.DutyPercent));
        }
    }
}
