using System.Collections;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Uplink;

namespace DcMonitor.UniversalNode.Uplink
{
    /// <summary>
    /// The mesh side of the bridge role, on the worker thread: takes part in the election (a heartbeat every
    /// <see cref="BridgeElection.HeartbeatPeriodMilliseconds"/> while this node is a candidate), learns every node's identity and
    /// energy counter from the uplink group, and, while elected, turns each reading report into an <see cref="UplinkReading"/> in the
    /// store-and-forward queue that <see cref="MqttSession"/> sends. It also tracks each node's availability (offline after
    /// <see cref="SilentPeriods"/> publish periods without a report, at least <see cref="MinimumSilenceMilliseconds"/>) and carries MQTT
    /// commands to the nodes: checked first (<see cref="MqttCommandParser"/>; a refusal is answered on the reply topic and nothing
    /// else happens), then sent as an unacknowledged uplink command and retried every <see cref="CommandRetryMilliseconds"/> up to
    /// <see cref="CommandAttempts"/> times until the node's reading report carries the command's token (reply <c>OK:&lt;command&gt;</c>) or
    /// not (<c>ERROR:MESH_TIMEOUT</c>). A command for this node itself never touches the mesh. Every handled command is followed by an
    /// empty retained message on its topic, which clears a retained command on the broker so it does not run again at the next connection.
    /// <para>Takeover without a gap: a candidate that is not bridging keeps the readings it hears for the last
    /// <see cref="ShadowMilliseconds"/> (20 s and two publish periods; at most <see cref="ShadowCapacity"/>); when it becomes the bridge they
    /// go first into its queue.
    /// Those the dead bridge had already published arrive twice at the broker, recognisable by their sequence numbers; none is missing.</para>
    /// </summary>
    public sealed class UplinkBridge
    {
        /// <summary>Publish periods without a report after which a node is shown unavailable.</summary>
        public const int SilentPeriods = 3;

        /// <summary>Shortest silence that makes a node unavailable, ms (three heartbeat periods).</summary>
        public const int MinimumSilenceMilliseconds = 15000;

        /// <summary>Time between attempts of an uplink command, ms.</summary>
        public const int CommandRetryMilliseconds = 2000;

        /// <summary>Attempts of an uplink command before it is reported as timed out.</summary>
        public const int CommandAttempts = 3;

        /// <summary>Commands waiting for their node at once; more are refused with <c>ERROR:BUSY</c>.</summary>
        public const int MaximumPendingCommands = 16;

        /// <summary>How far back a non-bridging candidate keeps readings for a takeover: the takeover bound plus two publish periods
        /// (the dead bridge's last unsent batch), ms.</summary>
        public long ShadowMilliseconds => BridgeElection.TakeoverBoundMilliseconds + (2L * _settings.PeriodSeconds * 1000);

        /// <summary>Shortest time between two identity requests to the same node, ms.</summary>
        public const int IdentityRequestMilliseconds = 10000;

        /// <summary>Most readings a non-bridging candidate keeps for a takeover.</summary>
        public const int ShadowCapacity = 256;

        /// <summary>TTL of uplink commands (as the gateway's vendor sends, MeshGatewayAdapter.VendorTtl).</summary>
        public const int CommandTtl = 7;

        private const string Component = "bridge";

        private readonly MeshNode _mesh;
        private readonly ReadingQueue _queue;
        private readonly MqttSession _session;
        private readonly UplinkStore _store;
        private readonly ReadingReporter _reporter;
        private readonly NodeLog _log;
        private readonly NodeIdentityTable _identities;
        private readonly HeardNodeTable _heard = new HeardNodeTable(); // per node: last report, offline, energy, identity asked
        private readonly byte[] _heartbeat = new byte[UplinkMessages.HeartbeatLength];
        private readonly ArrayList _pending = new ArrayList();
        private readonly ShadowReadings _shadow = new ShadowReadings(ShadowCapacity); // oldest first, with when each was heard
        private readonly ReadingReport _report = new ReadingReport();
        private readonly byte[] _binaryCommand = new byte[BinaryCommandCodec.Length];
        private readonly MqttCommandTopic _topic = new MqttCommandTopic();
        private readonly BatteryReading _battery = new BatteryReading();
        private BridgeElection _election = new BridgeElection(0, false, 0);
        private UplinkSettings _settings = new UplinkSettings();
        private int _ownAddress;
        private bool _bridging;
        private long _nextHeartbeatAt;
        private int _token;

        /// <summary>The bridge role of a node.</summary>
        public UplinkBridge(MeshNode mesh, ReadingQueue queue, MqttSession session, UplinkStore store, ReadingReporter reporter, NodeLog log)
        {
            _mesh = mesh;
            _queue = queue;
            _session = session;
            _store = store;
            _reporter = reporter;
            _log = log;
            _identities = store.LoadIdentities();
            int[] known = _identities.Addresses();
            for (int i = 0; i < known.Length; i++)
            {
                _session.Name(known[i], _identities.UuidOf(known[i]));
            }
        }

        /// <summary>True while this node is the elected bridge.</summary>
        public bool IsBridging => _bridging;

        /// <summary>The bridge this node sees (0: none).</summary>
        public int CurrentBridge(long nowMilliseconds)
        {
            return _election.CurrentBridge(nowMilliseconds);
        }

        /// <summary>Nodes whose readings this node heard since it started (itself included): the bridge's "mesh nodes seen".</summary>
        public int NodesSeen => _heard.HeardCount;

        /// <summary>
        /// Readings this candidate never heard although later ones of the same node came (a gap in the node's sequence numbers: every
        /// network transmission of those reports was lost on the mesh), since it started; counted and logged while listening too, so a
        /// takeover knows them. Around a takeover it may count a reading the old bridge heard and published.
        /// </summary>
        public int ReadingsMissed => _heard.MissedTotal;

        /// <summary>Nodes whose identity is known.</summary>
        public int KnownNodes => _identities.Count;

        /// <summary>New settings or a new own address: a new election term starts (listening first) when either changed the candidacy.</summary>
        public void Configure(UplinkSettings settings, int ownAddress, long nowMilliseconds)
        {
            bool candidate = settings.IsComplete && ownAddress > 0;
            if (candidate != _election.IsCandidate || ownAddress != _ownAddress)
            {
                _election = new BridgeElection(ownAddress, settings.IsComplete, nowMilliseconds);
                _nextHeartbeatAt = nowMilliseconds;
                _log.Write(Component, candidate ? "uplink candidate at 0x" + ownAddress.ToString("X4") + "; listening for a bridge" : "not an uplink candidate");
            }

            _settings = settings;
            _ownAddress = ownAddress;
        }

        /// <summary>Once a second: heartbeat, election outcome, node availability, command retries.</summary>
        public void Tick(long nowMilliseconds)
        {
            if (_election.IsCandidate && nowMilliseconds >= _nextHeartbeatAt)
            {
                _nextHeartbeatAt = nowMilliseconds + BridgeElection.HeartbeatPeriodMilliseconds;
                UplinkMessages.WriteHeartbeat(_bridging, _heartbeat);
                _mesh.PublishVendor(MeshProtocol.BridgeHeartbeatOpcode, _heartbeat, _heartbeat.Length);
            }

            bool bridging = _election.IsBridge(nowMilliseconds);
            if (bridging != _bridging)
            {
                _bridging = bridging;
                _log.Write(Component, bridging ? "this node is now the MQTT bridge" : "no longer the MQTT bridge (0x" + _election.CurrentBridge(nowMilliseconds).ToString("X4") + " is)");
                _session.SetBridging(bridging);
                if (bridging)
                {
                    TakeOverShadow();
                    PublishAllAvailability(nowMilliseconds);
                }
            }

            CheckAvailability(nowMilliseconds);
            RetryCommands(nowMilliseconds);
        }

        /// <summary>An uplink message this node made itself (from its reporter, not from the mesh): its first <paramref name="length"/>
        /// bytes are read during the call and not kept (the reporter reuses its buffers; no copy, issue 16).</summary>
        public void OnOwnMessage(int opcode, byte[] payload, int length, long nowMilliseconds)
        {
            if (_ownAddress > 0)
            {
                Handle(opcode, _ownAddress, payload, length, nowMilliseconds);
            }
        }

        /// <summary>An uplink message from the mesh (reading, energy, identity or heartbeat opcode) at <paramref name="nowMilliseconds"/>;
        /// this node's own, delivered back by the stack, are ignored (<see cref="OnOwnMessage"/> had them).</summary>
        public void OnMeshMessage(int opcode, int source, byte[] payload, long nowMilliseconds)
        {
            if (source != _ownAddress)
            {
                Handle(opcode, source, payload, payload.Length, nowMilliseconds);
            }
        }

        /// <summary>One uplink message: the first <paramref name="length"/> bytes of <paramref name="payload"/>, read here and not kept.</summary>
        private void Handle(int opcode, int source, byte[] payload, int length, long nowMilliseconds)
        {
            switch (opcode)
            {
                case MeshProtocol.BridgeHeartbeatOpcode:
                    if (length >= UplinkMessages.HeartbeatLength && (payload[0] & UplinkMessages.CandidateFlag) != 0)
                    {
                        _election.HeardHeartbeat(source, nowMilliseconds);
                    }

                    break;
                case MeshProtocol.NodeIdentityOpcode:
                    if (length >= UplinkMessages.IdentityLength && source > 0 && source < 0x8000)
                    {
                        byte[] uuid = UplinkMessages.UuidOf(payload, length);
                        if (_identities.Learn(source, uuid))
                        {
                            _log.Write(Component, "node 0x" + source.ToString("X4") + " is " + HomeAssistantDiscovery.ObjectId(uuid));
                            _store.SaveIdentities(_identities);
                            _session.Name(source, uuid);
                            if (_bridging)
                            {
                                PublishAvailability(source, true);
                            }
                        }
                    }

                    break;
                case MeshProtocol.EnergyReportOpcode:
                    if (length >= UplinkMessages.EnergyReportLength)
                    {
                        _heard.SetEnergy(source, UplinkMessages.EnergyOf(payload, length));
                    }

                    break;
                case MeshProtocol.ReadingReportOpcode:
                    OnReading(source, payload, length, nowMilliseconds);
                    break;
                case MeshProtocol.BinaryStatusOpcode:
                    OnBatteryStatus(source, payload, length);
                    break;
                default:
                    break;
            }
        }

        /// <summary>
        /// A node's battery monitor reading published to the uplink group (issue 18, <see cref="ReadingReporter.PublishBattery"/>): while
        /// bridging, handed to the session for MQTT and Home Assistant; a status that is not a battery reading is logged and dropped.
        /// </summary>
        private void OnBatteryStatus(int source, byte[] payload, int length)
        {
            int ageSeconds;
            if (!BinaryStatusCodec.TryDecodeBattery(payload, 0, length, _battery, out ageSeconds))
            {
                _log.Write(Component, "status on the uplink group from 0x" + source.ToString("X4") + " is not a battery reading: dropped");
                return;
            }

            if (_bridging)
            {
                _session.PublishBattery(source, _battery, ageSeconds);
            }
        }

        /// <summary>
        /// A message on a command topic (<c>&lt;prefix&gt;/&lt;object id&gt;/command</c> or <c>.../duty/set</c>) at <paramref name="nowMilliseconds"/>.
        /// Empty payloads (a cleared retained command) are ignored; <paramref name="retained"/> is informational (see the class summary).
        /// A message on any other topic is refused out loud (<see cref="MqttCommandTopic"/>: a log line, and
        /// <c>ERROR:NOT_A_COMMAND_TOPIC:&lt;topic&gt;</c> on the node's reply topic when the topic names one).
        /// </summary>
        public void OnMqttMessage(string topic, byte[] payload, bool retained, long nowMilliseconds)
        {
            if (payload == null || payload.Length == 0)
            {
                return;
            }

            if (!_topic.Classify(_settings.TopicPrefix, topic))
            {
                // Not one of the configured command topics: nothing runs, and the refusal is heard (never a silent drop).
                if (_topic.ReplyTopic != null)
                {
                    _session.Publish(_topic.ReplyTopic, _topic.Error, false);
                }

                _log.Write(Component, "MQTT message on " + topic + " refused: not a command topic of prefix '" + _settings.TopicPrefix + "'"
                    + (_topic.ReplyTopic == null ? " (no reply topic to answer on)" : string.Empty));
                return;
            }

            string objectId = _topic.ObjectId;

            // Handled once: clear any retained copy on the broker, or it would run again at the next subscription. A live delivery
            // carries no retain flag even when the message was published retained (MQTT 3.1.1 §3.3.1.3), so clear every time.
            _session.Publish(topic, string.Empty, true);

            string replyTopic = _topic.ReplyTopic;
            string error;
            NodeCommand command = _topic.IsDuty ? MqttCommandParser.ParseDuty(payload, out error) : MqttCommandParser.ParseCommand(payload, out error);
            int address = command == null ? 0 : AddressOf(objectId);
            if (command != null && address == 0)
            {
                error = MqttCommandParser.ErrorPrefix + "UNKNOWN_NODE:" + objectId;
            }

            if (command != null && _pending.Count >= MaximumPendingCommands)
            {
                error = MqttCommandParser.ErrorPrefix + "BUSY";
            }

            if (error != null || command == null || !BinaryCommandCodec.TryEncode(command, _binaryCommand))
            {
                _session.Publish(replyTopic, error ?? MqttCommandParser.ErrorPrefix + "MALFORMED", false);
                _log.Write(Component, "MQTT command on " + topic + " refused: " + (error ?? "malformed"));
                return;
            }

            _token = _token >= 255 ? 1 : _token + 1;
            var pending = new PendingCommand(address, _token, UplinkMessages.Command(_token, _binaryCommand), command.Text, replyTopic);
            _pending.Add(pending);
            Send(pending, nowMilliseconds);
        }

        private void OnReading(int source, byte[] payload, int length, long nowMilliseconds)
        {
            if (!_report.TryDecode(payload, length) || source < 1 || source > 0x7FFF)
            {
                _log.Write(Component, "malformed reading report from 0x" + source.ToString("X4") + " ignored: " + (ReadingReport.Rejection(payload, length) ?? "not a unicast source"));
                return;
            }

            if (!HeardNodeTable.IsTracked(source))
            {
                _log.Write(Component, "reading from 0x" + source.ToString("X4") + ", not a node address (0x0005-0x00FE): its availability is not tracked and its identity not asked");
            }
            else if (_heard.Heard(source, nowMilliseconds) && _bridging)
            {
                PublishAvailability(source, true); // it was offline
            }

            if (_report.CommandToken != 0)
            {
                CompleteCommand(source, _report.CommandToken);
            }

            if (!_election.IsCandidate)
            {
                return;
            }

            int missed = _heard.RecordSequence(source, _report.Sequence);
            if (missed > 0)
            {
                _log.Write(Component, missed.ToString() + " reading(s) of 0x" + source.ToString("X4") + " missed on the mesh before sequence " + _report.Sequence.ToString()
                    + " (every copy lost on the way)");
            }

            uint energy;
            bool energyKnown = _heard.TryGetEnergy(source, out energy);
            var reading = new UplinkReading(source, _report.Sequence, _report.BusMillivolts, _report.CurrentMicroamps, _report.DutyPercent,
                energy, energyKnown);
            if (!_bridging)
            {
                KeepInShadow(reading, nowMilliseconds); // the bridge queues it; a candidate keeps it for a takeover
                return;
            }

            AskIdentityIfUnknown(source, nowMilliseconds);

            lock (_queue)
            {
                _queue.Enqueue(reading);
            }

            if (_report.Urgent)
            {
                _session.SendSoon(); // a change or a command's answer does not wait for the periodic batch
            }
        }

        /// <summary>A node the bridge cannot name yet is asked for its identity, at most every <see cref="IdentityRequestMilliseconds"/>.</summary>
        private void AskIdentityIfUnknown(int address, long nowMilliseconds)
        {
            if (_identities.UuidOf(address) != null || !_heard.TryMarkIdentityAsked(address, nowMilliseconds, IdentityRequestMilliseconds))
            {
                return;
            }

            byte[] request = UplinkMessages.IdentityRequest();
            if (address == _ownAddress)
            {
                _reporter.OnCommand(address, request, request.Length);
            }
            else
            {
                _mesh.SendVendor(address, MeshProtocol.UplinkCommandOpcode, request, request.Length, CommandTtl, false, 0);
            }
        }

        private void KeepInShadow(UplinkReading reading, long nowMilliseconds)
        {
            _shadow.Keep(reading, nowMilliseconds, ShadowMilliseconds);
        }

        private void TakeOverShadow()
        {
            int moved;
            lock (_queue)
            {
                moved = _shadow.MoveTo(_queue);
            }

            if (moved > 0)
            {
                _log.Write(Component, moved.ToString() + " recent readings queued again for the takeover");
            }
        }

        private void Send(PendingCommand pending, long nowMilliseconds)
        {
            pending.Attempts++;
            pending.NextAttemptAt = nowMilliseconds + CommandRetryMilliseconds;
            if (pending.Address == _ownAddress)
            {
                // Self-addressing: this node runs it; its report reaches this bridge through the stack's local delivery.
                if (pending.Attempts > 1)
                {
                    _reporter.ReportNow(pending.Token);
                }
                else if (!_reporter.RunLocal(pending.Text, pending.Token))
                {
                    // Refused by a full command queue: answered out loud, never reported as done by a later retry.
                    _pending.Remove(pending);
                    _session.Publish(pending.ReplyTopic, MqttCommandParser.ErrorPrefix + "BUSY", false);
                    _log.Write(Component, "uplink command '" + pending.Text + "' for this node refused: command queue full");
                }

                return;
            }

            MeshResult result = _mesh.SendVendor(pending.Address, MeshProtocol.UplinkCommandOpcode, pending.Payload, pending.Payload.Length, CommandTtl, false, 0);
            if (result != MeshResult.Ok)
            {
                _log.Write(Component, "uplink command to 0x" + pending.Address.ToString("X4") + " not sent (mesh result " + ((int)result).ToString() + ")");
            }
        }

        private void CompleteCommand(int source, int token)
        {
            for (int i = 0; i < _pending.Count; i++)
            {
                PendingCommand pending = (PendingCommand)_pending[i];
                if (pending.Address == source && pending.Token == token)
                {
                    _pending.RemoveAt(i);
                    _session.Publish(pending.ReplyTopic, "OK:" + pending.Text, false);
                    return;
                }
            }
        }

        private void RetryCommands(long nowMilliseconds)
        {
            for (int i = _pending.Count - 1; i >= 0; i--)
            {
                PendingCommand pending = (PendingCommand)_pending[i];
                if (nowMilliseconds < pending.NextAttemptAt)
                {
                    continue;
                }

                if (pending.Attempts >= CommandAttempts)
                {
                    _pending.RemoveAt(i);
                    _session.Publish(pending.ReplyTopic, MqttCommandParser.ErrorPrefix + "MESH_TIMEOUT", false);
                    _log.Write(Component, "uplink command '" + pending.Text + "' to 0x" + pending.Address.ToString("X4") + " got no answer");
                }
                else
                {
                    Send(pending, nowMilliseconds);
                }
            }
        }

        private void CheckAvailability(long nowMilliseconds)
        {
            if (_heard.HeardCount == 0)
            {
                return; // nobody heard yet
            }

            long silence = (long)SilentPeriods * _settings.PeriodSeconds * 1000;
            silence = silence < MinimumSilenceMilliseconds ? MinimumSilenceMilliseconds : silence;
            int address = _heard.NextFallenSilent(0, nowMilliseconds, silence);
            while (address != 0)
            {
                if (_bridging)
                {
                    PublishAvailability(address, false);
                }

                address = _heard.NextFallenSilent(NodeAddressing.NodeIdOf(address) + 1, nowMilliseconds, silence);
            }
        }

        private void PublishAllAvailability(long nowMilliseconds)
        {
            int[] known = _identities.Addresses();
            for (int i = 0; i < known.Length; i++)
            {
                PublishAvailability(known[i], _heard.IsOnline(known[i]));
            }
        }

        private void PublishAvailability(int address, bool online)
        {
            byte[] uuid = _identities.UuidOf(address);
            if (uuid != null)
            {
                _session.Publish(HomeAssistantDiscovery.AvailabilityTopic(_settings.TopicPrefix, uuid), online ? "online" : "offline", true);
            }
        }

        private int AddressOf(string objectId)
        {
            byte[] uuid = HomeAssistantDiscovery.UuidOfObjectId(objectId);
            return uuid == null ? 0 : _identities.AddressOf(uuid);
        }

        private sealed class PendingCommand
        {
            public PendingCommand(int address, int token, byte[] payload, string text, string replyTopic)
            {
                Address = address;
                Token = token;
                Payload = payload;
                Text = text;
                ReplyTopic = replyTopic;
            }

            public int Address { get; private set; }

            public int Token { get; private set; }

            public byte[] Payload { get; private set; }

            public string Text { get; private set; }

            public string ReplyTopic { get; private set; }

            public int Attempts { get; set; }

            public long NextAttemptAt { get; set; }
        }
    }
}
