using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using DcMonitor.Shared.Battery;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Uplink;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace DcMonitor.UniversalNode.Uplink
{
    /// <summary>
    /// The bridge's one MQTT connection (nanoFramework.M2Mqtt, MQTT 3.1.1), on its own thread so a slow broker never stalls the
    /// worker. Policy: the connection is open while this node is the elected bridge (Home Assistant's duty commands and the seed's
    /// retained command topic need a live subscription, and the LWT availability means something only on a standing connection)
    /// or while its queue still holds readings from an earlier term as bridge; otherwise it is closed. Readings are not sent one
    /// by one: every publish period the queue's oldest readings (up to <see cref="MaximumBatch"/>, more batches at once while a
    /// backlog drains) go out at QoS 1, and only those the broker acknowledged (PUBACK, in order) leave the queue; the rest are
    /// requeued in order and the connection is recycled (the watchdog: no PUBACK within <see cref="AcknowledgementTimeoutMilliseconds"/>
    /// means a silent connection). Keep-alive <see cref="KeepAliveSeconds"/> s. Connection attempts back off from
    /// <see cref="FirstRetryMilliseconds"/> to <see cref="MaximumRetryMilliseconds"/>. One client at a time: each attempt disposes the
    /// previous client first (the seed's single-connection discipline).
    /// <para>As bridge it also publishes: its availability (<c>online</c>, retained; the will sets <c>offline</c>, and a stale
    /// <c>offline</c> left by a dead predecessor is answered with <c>online</c>), each node's Home Assistant discovery (retained, again
    /// whenever <c>homeassistant/status</c> says <c>online</c>; each names this bridge's own device in <c>via_device</c>), the bridge's
    /// own device (<see cref="BridgeDiscovery"/>, retained) and its name on <c>&lt;prefix&gt;/bridge/current</c> (retained), each node's
    /// availability, command replies, and the number of readings
    /// dropped from a full queue (<c>&lt;prefix&gt;/bridge/dropped</c>) once the link is back. Those control messages are kept until
    /// acknowledged and re-sent after a reconnection. A node that stops bridging on purpose publishes its availability <c>offline</c>
    /// first.</para>
    /// <para>Flash: while connected the queue is saved after each acknowledged batch (one write per period); while the broker is
    /// unreachable, once per period when it changed.</para>
    /// </summary>
    public sealed class MqttSession
    {
        /// <summary>MQTT keep-alive, s.</summary>
        public const int KeepAliveSeconds = 15;

        /// <summary>Longest wait for the PUBACKs of a batch before the connection counts as silent, ms.</summary>
        public const int AcknowledgementTimeoutMilliseconds = 10000;

        /// <summary>Most readings published per batch.</summary>
        public const int MaximumBatch = 32;

        /// <summary>First delay before reconnecting, ms.</summary>
        public const int FirstRetryMilliseconds = 1000;

        /// <summary>Longest delay between connection attempts, ms.</summary>
        public const int MaximumRetryMilliseconds = 15000;

        /// <summary>Shortest time between two batches when readings ask to be sent at once, ms.</summary>
        public const int MinimumBatchGapMilliseconds = 1000;

        /// <summary>Most control messages kept waiting (the oldest non-retained one is dropped beyond).</summary>
        public const int MaximumControlMessages = 64;

        private const string Component = "mqtt";
        private const int IdleWaitMilliseconds = 500;

        private readonly object _gate = new object();
        private readonly ReadingQueue _queue;
        private readonly UplinkStore _store;
        private readonly NodeLog _log;
        private readonly string _softwareVersion;
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly AutoResetEvent _acknowledged = new AutoResetEvent(false);
        private readonly ArrayList _control = new ArrayList();
        private readonly Hashtable _names = new Hashtable();
        private readonly Hashtable _batteryNodes = new Hashtable(); // addresses of nodes that reported a battery monitor (issue 18)
        private readonly AcknowledgedPacketIds _acknowledgedIds = new AcknowledgedPacketIds(MaximumBatch + MaximumControlMessages + 1); // a batch, the control messages, the drop count
        private readonly StateTopicCache _stateTopics = new StateTopicCache(); // each node's state topic, built once (under the gate)
        private readonly WifiLink _wifi = new WifiLink();
        private readonly StatePayloadWriter _state = new StatePayloadWriter();
        private readonly StatePayloadBuffers _payloads = new StatePayloadBuffers(MaximumBatch);
        private readonly UplinkReading[] _batch = new UplinkReading[MaximumBatch];
        private readonly int[] _ids = new int[MaximumBatch];
        private UplinkSettings _settings;
        private MqttClient _client;
        private Thread _thread;
        private bool _stopping;
        private bool _bridging;
        private bool _connectedAsBridge;
        private bool _discoveryWanted;
        private bool _wifiWarned;
        private long _nextAttemptAt;
        private int _retryDelay = FirstRetryMilliseconds;
        private long _nextFlushAt;
        private long _nextSaveAt;
        private int _savedVersion;
        private string _lastFailure;
        private bool _recycleRequested;
        private bool _sendSoon;
        private long _lastFlushAt;

        /// <summary>A session sending <paramref name="queue"/> (shared with the worker, which locks it too).</summary>
        public MqttSession(ReadingQueue queue, UplinkStore store, NodeLog log, string softwareVersion)
        {
            _queue = queue;
            _store = store;
            _log = log;
            _softwareVersion = softwareVersion;
        }

        /// <summary>MQTT client id (set before the first connection; one per board, so a reconnection replaces its own old session).</summary>
        public string ClientId { get; set; } = "dcmonitor";

        /// <summary>This node's own device UUID (from its Bluetooth address; set before the first connection): names the bridge device.
        /// Null until known: the bridge device is then not announced and node devices carry no <c>via_device</c>.</summary>
        public byte[] BridgeUuid { get; set; }

        /// <summary>A message arrived on a command topic (raised on the MQTT client's thread).</summary>
        public event UplinkMessageHandler CommandReceived;

        /// <summary>Connections opened since boot.</summary>
        public int Connections { get; private set; }

        /// <summary>Readings the broker acknowledged since boot.</summary>
        public int ReadingsPublished { get; private set; }

        /// <summary>True while connected.</summary>
        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        /// <summary>Starts the session thread.</summary>
        public void Start()
        {
            _thread = new Thread(Run);
            _thread.Start();
        }

        /// <summary>Stops the thread (the connection closes without DISCONNECT, as at a power cut).</summary>
        public void Stop()
        {
            _stopping = true;
            _wake.Set();
        }

        /// <summary>New settings (thread-safe): the next connection uses them; an open one is recycled when the broker or network changed.</summary>
        public void Configure(UplinkSettings settings)
        {
            lock (_gate)
            {
                bool recycle = _settings != null && (_settings.BrokerHost != settings.BrokerHost || _settings.BrokerPort != settings.BrokerPort
                    || _settings.TlsEnabled != settings.TlsEnabled || _settings.MqttUser != settings.MqttUser || _settings.MqttPassword != settings.MqttPassword
                    || _settings.TopicPrefix != settings.TopicPrefix || _settings.DiscoveryPrefix != settings.DiscoveryPrefix || _settings.WifiSsid != settings.WifiSsid || _settings.WifiPassword != settings.WifiPassword
                    || _settings.CaCertificate != settings.CaCertificate);
                _settings = settings;
                _nextAttemptAt = 0;
                _retryDelay = FirstRetryMilliseconds;
                _wifiWarned = false;
                _recycleRequested |= recycle;
            }

            _wake.Set();
        }

        /// <summary>Whether this node is the elected bridge now (thread-safe).</summary>
        public void SetBridging(bool bridging)
        {
            lock (_gate)
            {
                if (_bridging == bridging)
                {
                    return;
                }

                _bridging = bridging;
            }

            _wake.Set();
        }

        /// <summary>The node at <paramref name="address"/> has <paramref name="uuid"/>: its readings go to its own topics and its discovery is sent.</summary>
        public void Name(int address, byte[] uuid)
        {
            lock (_gate)
            {
                _names[address] = uuid;
                _stateTopics.Forget(address); // its readings move from the unidentified topic to its own
                if (_connectedAsBridge)
                {
                    QueueDiscovery(address, uuid);
                }
            }

            _wake.Set();
        }

        /// <summary>
        /// A battery monitor reading of the node at <paramref name="address"/> (issue 18): the first one makes its discovery carry the
        /// battery sensors (sent again when the node is named); the reading goes, retained, to its battery topic once the node is named
        /// (<see cref="BatteryDiscovery"/>). False when the node is not named yet (the reading is not published; the next comes one
        /// monitor period later). Thread-safe.
        /// </summary>
        public bool PublishBattery(int address, BatteryReading reading, int ageSeconds)
        {
            lock (_gate)
            {
                bool first = !_batteryNodes.Contains(address);
                _batteryNodes[address] = true;
                byte[] uuid = (byte[])_names[address];
                if (uuid == null)
                {
                    return false;
                }

                if (first && _connectedAsBridge)
                {
                    QueueDiscovery(address, uuid);
                }

                string prefix = TopicPrefixHeld;
                QueueControl(BatteryDiscovery.BatteryTopic(prefix, uuid), BatteryDiscovery.StatePayload(reading, ageSeconds), true);
            }

            _wake.Set();
            return true;
        }

        /// <summary>Queues a control message (retained ones replace a waiting one on the same topic); thread-safe.</summary>
        public void Publish(string topic, string payload, bool retain)
        {
            lock (_gate)
            {
                QueueControl(topic, payload, retain);
            }

            _wake.Set();
        }

        /// <summary>The publish topic prefix in force (thread-safe), or the default before configuration.</summary>
        public string TopicPrefix
        {
            get
            {
                lock (_gate)
                {
                    return TopicPrefixHeld;
                }
            }
        }

        /// <summary>The publish topic prefix in force, or the default before configuration (caller holds the gate).</summary>
        private string TopicPrefixHeld => _settings == null ? UplinkSettings.DefaultTopicPrefix : _settings.TopicPrefix;

        /// <summary>Asks for the queue to be sent now rather than at the end of the period (an on-change reading or a command's answer
        /// arrived); at most one such early batch per <see cref="MinimumBatchGapMilliseconds"/>.</summary>
        public void SendSoon()
        {
            lock (_gate)
            {
                _sendSoon = true;
            }

            _wake.Set();
        }

        private void Run()
        {
            while (!_stopping)
            {
                _wake.WaitOne(IdleWaitMilliseconds, false);
                if (_stopping)
                {
                    break;
                }

                try
                {
                    Step(Environment.TickCount64);
                }
                catch (Exception exception)
                {
                    if (!_stopping)
                    {
                        _log.Write(Component, "session error: " + exception.Message);
                    }

                    Drop();
                }
            }

            Drop();
        }

        private void Step(long now)
        {
            UplinkSettings settings;
            bool bridging;
            string recycleReason;
            lock (_gate)
            {
                settings = _settings;
                bridging = _bridging;
                recycleReason = _recycleRequested ? "settings changed" : null;
                _recycleRequested = false;
            }

            if (settings == null)
            {
                return;
            }

            int backlog;
            lock (_queue)
            {
                backlog = _queue.Count;
            }

            if (!IsConnected)
            {
                SaveQueueWhenDue(settings, now); // while connected, the queue is saved after each acknowledged batch instead
            }

            bool wanted = settings.IsComplete && (bridging || backlog > 0);
            if (!wanted || recycleReason != null || (IsConnected && _connectedAsBridge != bridging))
            {
                if (_client != null)
                {
                    _log.Write(Component, !wanted ? "disconnecting: nothing to send and not the bridge" : "reconnecting: " + (recycleReason ?? (bridging ? "now the bridge" : "no longer the bridge")));
                    if (_connectedAsBridge && IsConnected && (!bridging || !wanted))
                    {
                        // Leaving the bridge role on purpose: say so (a successor that is already up answers "online" at once).
                        PublishNow(HomeAssistantDiscovery.BridgeAvailabilityTopic(settings.TopicPrefix), "offline", true);
                    }

                    Disconnect();
                }

                if (!wanted)
                {
                    return;
                }
            }

            if (!IsConnected)
            {
                if (now < _nextAttemptAt)
                {
                    return;
                }

                if (!Connect(settings, bridging))
                {
                    _nextAttemptAt = Environment.TickCount64 + _retryDelay;
                    _retryDelay = _retryDelay * 2 > MaximumRetryMilliseconds ? MaximumRetryMilliseconds : _retryDelay * 2;
                    return;
                }

                _retryDelay = FirstRetryMilliseconds;
                _nextFlushAt = now; // a backlog goes out at once
            }

            if (bridging)
            {
                bool discovery;
                lock (_gate)
                {
                    discovery = _discoveryWanted;
                    _discoveryWanted = false;
                    if (discovery)
                    {
                        QueueBridgeDevice(settings);
                        foreach (object key in _names.Keys)
                        {
                            QueueDiscovery((int)key, (byte[])_names[key]);
                        }
                    }
                }
            }

            SendControl();
            bool soon;
            lock (_gate)
            {
                soon = _sendSoon && now - _lastFlushAt >= MinimumBatchGapMilliseconds;
            }

            if (now >= _nextFlushAt || soon)
            {
                lock (_gate)
                {
                    _sendSoon = false;
                }

                _lastFlushAt = now;
                bool full = Flush(settings);
                _nextFlushAt = full ? now : now + (settings.PeriodSeconds * 1000L);
                if (full)
                {
                    _wake.Set();
                }
            }
        }

        private bool Connect(UplinkSettings settings, bool bridging)
        {
            if (!_wifi.EnsureJoined(settings))
            {
                if (!_wifiWarned)
                {
                    _log.Write(Component, "Wi-Fi network '" + settings.WifiSsid + "' not joined; retrying");
                    _wifiWarned = true;
                }

                return false;
            }

            _wifiWarned = false;
            DisposeClient();
            string prefix = settings.TopicPrefix;
            MqttClient client = null;
            try
            {
                X509Certificate authority = settings.TlsEnabled && settings.CaCertificate.Length > 0 ? new X509Certificate(Encoding.UTF8.GetBytes(settings.CaCertificate)) : null;
                client = new MqttClient(settings.BrokerHost, settings.BrokerPort, settings.TlsEnabled, authority, null, settings.TlsEnabled ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                client.MqttMsgPublished += OnPublished;
                client.MqttMsgPublishReceived += OnReceived;
                client.ConnectionClosed += OnClosed;
                MqttReasonCode code = client.Connect(ClientId, settings.MqttUser.Length > 0 ? settings.MqttUser : null, settings.MqttPassword.Length > 0 ? settings.MqttPassword : null,
                    true, MqttQoSLevel.AtLeastOnce, bridging, bridging ? HomeAssistantDiscovery.BridgeAvailabilityTopic(prefix) : null, "offline", true, KeepAliveSeconds);
                if (code != MqttReasonCode.Success)
                {
                    Failed("broker " + settings.BrokerHost + ":" + settings.BrokerPort.ToString() + " refused the connection (CONNACK " + ((int)code).ToString() + ")");
                    client.Close();
                    return false;
                }

                _client = client;
                Connections++;
                _connectedAsBridge = bridging;
                if (bridging)
                {
                    client.Subscribe(
                        new string[] { HomeAssistantDiscovery.StatusTopic(settings.DiscoveryPrefix), prefix + "/+/command", prefix + "/+/duty/set", HomeAssistantDiscovery.BridgeAvailabilityTopic(prefix) },
                        new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce, MqttQoSLevel.AtLeastOnce, MqttQoSLevel.AtLeastOnce, MqttQoSLevel.AtLeastOnce });
                }

                lock (_gate)
                {
                    for (int i = 0; i < _control.Count; i++)
                    {
                        ((ControlMessage)_control[i]).MessageId = -1; // not sent on this connection
                    }

                    if (bridging)
                    {
                        QueueControl(HomeAssistantDiscovery.BridgeAvailabilityTopic(prefix), "online", true);
                        QueueBridgeDevice(settings);
                        _discoveryWanted = true;
                    }
                }

                _lastFailure = null;
                _log.Write(Component, "connected to " + settings.BrokerHost + ":" + settings.BrokerPort.ToString() + (bridging ? " as the bridge" : " to send the remaining readings"));
                return true;
            }
            catch (Exception exception)
            {
                Failed("broker " + settings.BrokerHost + ":" + settings.BrokerPort.ToString() + " unreachable: " + exception.Message);
                if (client != null)
                {
                    client.Close();
                }

                return false;
            }
        }

        /// <summary>Publishes the oldest readings as one batch; true when the batch was full and every reading acknowledged (send more now).</summary>
        private bool Flush(UplinkSettings settings)
        {
            int count;
            lock (_queue)
            {
                count = _queue.TakeBatch(_batch);
            }

            if (count == 0)
            {
                PublishDropCount(settings);
                return false;
            }

            int[] ids = _ids;
            int sent = 0;
            lock (_gate)
            {
                _acknowledgedIds.Clear();
            }

            try
            {
                for (; sent < count; sent++)
                {
                    UplinkReading reading = _batch[sent];
                    ids[sent] = _client.Publish(StateTopic(settings.TopicPrefix, reading.Address), _state.Encode(reading, _payloads),
                        null, null, MqttQoSLevel.AtLeastOnce, false);
                }
            }
            catch (Exception exception)
            {
                _log.Write(Component, "publish failed after " + sent.ToString() + " of " + count.ToString() + ": " + exception.Message);
            }

            int acknowledged = WaitForAcknowledgements(ids, sent);
            ReleasePayloads(acknowledged == count);
            byte[] bytes;
            lock (_queue)
            {
                _queue.Acknowledge(acknowledged);
                if (acknowledged < count)
                {
                    _queue.Requeue();
                }

                bytes = acknowledged > 0 ? _queue.SerializeIntoReused() : null; // saved below, on this thread, before the next call
            }

            if (bytes != null && _store.SaveQueue(bytes))
            {
                _savedVersion = QueueVersion();
            }

            ReadingsPublished += acknowledged;
            if (acknowledged < count)
            {
                _log.Write(Component, "broker acknowledged " + acknowledged.ToString() + " of " + count.ToString() + " readings; the rest waits, connection recycled");
                Drop();
                return false;
            }

            PublishDropCount(settings);
            return count == MaximumBatch;
        }

        /// <summary>
        /// After a batch: the state messages' arrays are reused when the broker acknowledged every one (the client holds none of
        /// them any more); otherwise the client may still hold some, so none is reused. The batch array forgets its readings.
        /// </summary>
        private void ReleasePayloads(bool allAcknowledged)
        {
            if (allAcknowledged)
            {
                _payloads.ReturnAll();
            }
            else
            {
                _payloads.ForgetRented();
            }

            for (int i = 0; i < _batch.Length; i++)
            {
                _batch[i] = null;
            }
        }

        /// <summary>After the link returns: the number of readings a full queue dropped, acknowledged before it is forgotten.</summary>
        private void PublishDropCount(UplinkSettings settings)
        {
            int dropped;
            lock (_queue)
            {
                dropped = _queue.Dropped;
            }

            if (dropped == 0 || !IsConnected)
            {
                return;
            }

            lock (_gate)
            {
                _acknowledgedIds.Clear();
            }

            int[] id = new int[1];
            try
            {
                id[0] = _client.Publish(settings.TopicPrefix + "/bridge/dropped", Encoding.UTF8.GetBytes(dropped.ToString()), null, null, MqttQoSLevel.AtLeastOnce, false);
            }
            catch (Exception exception)
            {
                _log.Write(Component, "drop count not published: " + exception.Message);
                return;
            }

            if (WaitForAcknowledgements(id, 1) == 1)
            {
                lock (_queue)
                {
                    _queue.ForgetDropped(dropped);
                }

                _log.Write(Component, dropped.ToString() + " readings were dropped from the full queue (published)");
            }
        }

        /// <summary>Waits until the first <paramref name="sent"/> ids are acknowledged or the watchdog expires; returns how many, in order, were.</summary>
        private int WaitForAcknowledgements(int[] ids, int sent)
        {
            long deadline = Environment.TickCount64 + AcknowledgementTimeoutMilliseconds;
            while (true)
            {
                int acknowledged = 0;
                lock (_gate)
                {
                    while (acknowledged < sent && _acknowledgedIds.Contains(ids[acknowledged]))
                    {
                        acknowledged++;
                    }
                }

                if (acknowledged == sent || !IsConnected || _stopping || Environment.TickCount64 >= deadline)
                {
                    return acknowledged;
                }

                _acknowledged.WaitOne(100, false);
            }
        }

        private void SendControl()
        {
            MqttClient client = _client;
            ArrayList toSend = null; // made only when a message waits: a step with nothing to send allocates nothing (issue 16)
            lock (_gate)
            {
                for (int i = 0; i < _control.Count; i++)
                {
                    ControlMessage message = (ControlMessage)_control[i];
                    if (message.MessageId < 0)
                    {
                        toSend = toSend ?? new ArrayList();
                        toSend.Add(message);
                    }
                }
            }

            if (toSend == null)
            {
                return;
            }

            foreach (ControlMessage message in toSend)
            {
                try
                {
                    int id = client.Publish(message.Topic, Encoding.UTF8.GetBytes(message.Payload), null, null, MqttQoSLevel.AtLeastOnce, message.Retain);
                    lock (_gate)
                    {
                        message.MessageId = id;
                        if (_acknowledgedIds.Contains(id))
                        {
                            _control.Remove(message); // its PUBACK came back before Publish returned: done, never sent again
                        }
                    }
                }
                catch (Exception exception)
                {
                    _log.Write(Component, "control message not sent: " + exception.Message);
                    return;
                }
            }
        }

        private void PublishNow(string topic, string payload, bool retain)
        {
            try
            {
                _client.Publish(topic, Encoding.UTF8.GetBytes(payload), null, null, MqttQoSLevel.AtLeastOnce, retain);
            }
            catch (Exception exception)
            {
                _log.Write(Component, "not published on " + topic + ": " + exception.Message);
            }
        }

        private void SaveQueueWhenDue(UplinkSettings settings, long now)
        {
            if (now < _nextSaveAt)
            {
                return;
            }

            _nextSaveAt = now + (settings.PeriodSeconds * 1000L);
            int version = QueueVersion();
            if (version == _savedVersion)
            {
                return;
            }

            byte[] bytes;
            lock (_queue)
            {
                bytes = _queue.SerializeIntoReused();
            }

            if (_store.SaveQueue(bytes))
            {
                _savedVersion = version;
            }
        }

        private int QueueVersion()
        {
            lock (_queue)
            {
                return _queue.Version;
            }
        }

        /// <summary>The state topic of <paramref name="address"/>: built at its first reading (and again after it is named), then kept.</summary>
        private string StateTopic(string prefix, int address)
        {
            lock (_gate)
            {
                string topic = _stateTopics.Lookup(prefix, address);
                if (topic == null)
                {
                    byte[] uuid = (byte[])_names[address];
                    topic = uuid != null ? HomeAssistantDiscovery.StateTopic(prefix, uuid) : HomeAssistantDiscovery.UnidentifiedStateTopic(prefix, address);
                    _stateTopics.Store(prefix, address, topic);
                }

                return topic;
            }
        }

        /// <summary>Queues a node's discovery, naming this bridge's device when known (caller holds the gate).</summary>
        private void QueueDiscovery(int address, byte[] uuid)
        {
            string prefix = TopicPrefixHeld;
            string discoveryPrefix = _settings == null ? HomeAssistantDiscovery.DefaultDiscoveryPrefix : _settings.DiscoveryPrefix;
            byte[] bridge = BridgeUuid;
            QueueControl(HomeAssistantDiscovery.DeviceTopic(discoveryPrefix, uuid),
                HomeAssistantDiscovery.DevicePayload(prefix, uuid, NodeAddressing.NodeIdOf(address), _softwareVersion, bridge == null ? null : BridgeDiscovery.ObjectId(bridge),
                    _batteryNodes.Contains(address)), true);
        }

        /// <summary>Queues this bridge's own device and its name as the current bridge (caller holds the gate; nothing while the UUID is unknown).</summary>
        private void QueueBridgeDevice(UplinkSettings settings)
        {
            byte[] bridge = BridgeUuid;
            if (bridge != null)
            {
                QueueControl(BridgeDiscovery.DeviceTopic(settings.DiscoveryPrefix, bridge), BridgeDiscovery.DevicePayload(settings.TopicPrefix, bridge, _softwareVersion), true);
                QueueControl(BridgeDiscovery.CurrentBridgeTopic(settings.TopicPrefix), BridgeDiscovery.ObjectId(bridge), true);
            }
        }

        /// <summary>Queues a control message (caller holds the gate).</summary>
        private void QueueControl(string topic, string payload, bool retain)
        {
            if (retain)
            {
                for (int i = 0; i < _control.Count; i++)
                {
                    ControlMessage waiting = (ControlMessage)_control[i];
                    if (waiting.Retain && waiting.Topic == topic)
                    {
                        _control.RemoveAt(i);
                        break;
                    }
                }
            }

            if (_control.Count >= MaximumControlMessages)
            {
                for (int i = 0; i < _control.Count; i++)
                {
                    if (!((ControlMessage)_control[i]).Retain)
                    {
                        _log.Write(Component, "control queue full: dropped a message for " + ((ControlMessage)_control[i]).Topic);
                        _control.RemoveAt(i);
                        break;
                    }
                }
            }

            _control.Add(new ControlMessage(topic, payload, retain));
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            if (!e.IsPublished)
            {
                return;
            }

            lock (_gate)
            {
                _acknowledgedIds.Add(e.MessageId);
                for (int i = 0; i < _control.Count; i++)
                {
                    if (((ControlMessage)_control[i]).MessageId == e.MessageId)
                    {
                        _control.RemoveAt(i);
                        break;
                    }
                }
            }

            _acknowledged.Set();
        }

        private void OnReceived(object sender, MqttMsgPublishEventArgs e)
        {
            string prefix = TopicPrefix;
            UplinkSettings current = _settings;
            if (e.Topic == HomeAssistantDiscovery.StatusTopic(current == null ? HomeAssistantDiscovery.DefaultDiscoveryPrefix : current.DiscoveryPrefix))
            {
                if (IsText(e.Message, "online"))
                {
                    lock (_gate)
                    {
                        _discoveryWanted = true;
                    }

                    _wake.Set();
                }

                return;
            }

            if (e.Topic == HomeAssistantDiscovery.BridgeAvailabilityTopic(prefix))
            {
                if (IsText(e.Message, "offline"))
                {
                    Publish(e.Topic, "online", true); // a dead predecessor's will: this bridge is alive
                }

                return;
            }

            UplinkMessageHandler handler = CommandReceived;
            if (handler != null)
            {
                handler(e.Topic, e.Message, e.Retain);
            }
        }

        private void OnClosed(object sender, EventArgs e)
        {
            _wake.Set();
        }

        private void Failed(string reason)
        {
            if (reason != _lastFailure)
            {
                _log.Write(Component, reason + "; retrying");
                _lastFailure = reason;
            }
        }

        private void Disconnect()
        {
            MqttClient client = _client;
            _client = null;
            if (client != null)
            {
                try
                {
                    client.Disconnect();
                }
                catch (Exception)
                {
                    client.Close();
                }
            }
        }

        /// <summary>Drops the connection without DISCONNECT (its will applies).</summary>
        private void Drop()
        {
            DisposeClient();
        }

        private void DisposeClient()
        {
            MqttClient client = _client;
            _client = null;
            if (client != null)
            {
                client.Close();
            }
        }

        private static bool IsText(byte[] payload, string text)
        {
            if (payload == null || payload.Length != text.Length)
            {
                return false;
            }

            for (int i = 0; i < payload.Length; i++)
            {
                if (payload[i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
