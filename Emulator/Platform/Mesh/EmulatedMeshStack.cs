using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using DcMonitor.Emulator.Board;
using nanoFramework.Runtime.Events;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The native mesh component of one emulated node, standing in for ESP-BLE-MESH behind the interop's
    /// InternalCalls (DcMonitor.MeshInterop.Native.NativeMesh): network PDUs with TTL, sequence numbers and a
    /// message cache (no duplicate delivery, no relay storms), relaying, segmentation of access messages over
    /// 11 bytes (a segmented message is delivered only when all segments arrive), group delivery to subscribed
    /// models, AppKey binding (an unbound model hears nothing and cannot send), acknowledged client sends with a
    /// timeout and at most one outstanding per destination (docs/reference/esp-ble-mesh.md §1), local loopback of
    /// messages to own subscribed groups, the GATT bridge, and events through a bounded record queue plus a
    /// posted custom event. Provisioning state persists next to the node's flash (<see cref="MeshSettings"/>).
    /// </summary>
    public sealed partial class EmulatedMeshStack : IRadio
    {
        /// <summary>
        /// Bytes of the native event ring, as on the device (DCM_EVENT_RING_BYTES): each record costs
        /// <see cref="NativeContract.RingEntryPrefix"/> + its length, and the last <see cref="NativeContract.EventReserveBytes"/>
        /// are kept for header-only refused-command records (native-mesh-interop/README.md "Queue sizes and backpressure").
        /// </summary>
        public const int EventRingBytes = NativeContract.EventRingBytes;

        private const int VendorSendText = 0xC002E5;
        private const int VendorStatusText = 0xC102E5;
        private const int VendorSendBinary = 0xC202E5;
        private const int VendorStatusBinary = 0xC302E5;
        private const int OnOffGet = 0x8201;
        private const int OnOffSet = 0x8202;
        private const int OnOffSetUnacknowledged = 0x8203;
        private const int OnOffStatus = 0x8204;
        private const int AllNodesGroup = 0xC000;
        private const int UplinkGroup = 0xC001;
        private const int ReadingReport = 0xC402E5, EnergyReport = 0xC502E5, NodeIdentity = 0xC602E5, BridgeHeartbeat = 0xC702E5, UplinkCommand = 0xC802E5;
        private const int SequenceStoreRate = 128;

        private static readonly ConditionalWeakTable<VirtualBoard, EmulatedMeshStack> s_stacks = new ConditionalWeakTable<VirtualBoard, EmulatedMeshStack>();

        private readonly object _gate = new object();
        private readonly VirtualBoard _board;
        private readonly Queue<byte[]> _events = new Queue<byte[]>();
        private readonly BlockingCollection<NetworkPdu> _inbox = new BlockingCollection<NetworkPdu>();
        private readonly Queue<long> _cacheOrder = new Queue<long>();
        private readonly HashSet<long> _cache = new HashSet<long>();
        private readonly Dictionary<int, Timer> _pendingVendor = new Dictionary<int, Timer>();
        private readonly Dictionary<int, Timer> _pendingOnOff = new Dictionary<int, Timer>();
        private readonly Dictionary<int, int> _requestSources = new Dictionary<int, int>();
        private MeshSettings _settings;
        private int _models;
        private bool _relay;
        private int _defaultTtl;
        private int _networkTransmissions = NativeContract.CompositionNetworkTransmitCount + 1;
        private int _relayTransmissions = NativeContract.CompositionRelayRetransmitCount + 1;
        private int _sequence;
        private byte[] _deviceUuid = new byte[16];
        private int _nextHandle = 1;
        private int _lostEvents;
        private int _eventBytes;
        private Thread _receiver;

        private EmulatedMeshStack(VirtualBoard board)
        {
            _board = board;
            Gatt = new EmulatedGattServer(this);
        }

        /// <summary>The board's name on the air (its flash folder's name unless set).</summary>
        public string RadioName { get; set; }

        /// <summary>The air this node's radio is on (null = a radio in a shielded box: it transmits into nothing).</summary>
        public IAirMedium Air { get; private set; }

        /// <summary>The GATT server of service 0xDC01.</summary>
        public EmulatedGattServer Gatt { get; }

        /// <summary>True after the firmware started the stack.</summary>
        public bool Started { get; private set; }

        /// <summary>Own unicast address (0 while unprovisioned).</summary>
        public int UnicastAddress
        {
            get
            {
                lock (_gate)
                {
                    return _settings != null ? OwnAddress : 0;
                }
            }
        }

        /// <summary>The device UUID as the firmware started the stack with it, Bluetooth address filled in (a copy; zeros before start).</summary>
        public byte[] DeviceUuid
        {
            get
            {
                lock (_gate)
                {
                    return (byte[])_deviceUuid.Clone();
                }
            }
        }

        /// <summary>The stack of a board (created on first use).</summary>
        public static EmulatedMeshStack For(VirtualBoard board)
        {
            return s_stacks.GetValue(board, b => new EmulatedMeshStack(b) { RadioName = System.IO.Path.GetFileName(b.FlashDirectory) });
        }

        /// <summary>Puts the radio on an air (before or after start).</summary>
        public void AttachTo(IAirMedium air)
        {
            Air?.Leave(this);
            Air = air;
            air?.Join(this);
        }

        /// <summary>Takes the radio off the air and stops receiving (the node lost power).</summary>
        public void PowerOff()
        {
            Air?.Leave(this);
            Gatt.PowerOff();
            _inbox.CompleteAdding();
            _transport?.Stop();
            lock (_gate)
            {
                CancelPendingRequests();
                StopProvisioningTimers();
                Started = false;
            }
        }

        /// <summary>
        /// Writes the settings a provisioner would have left (the demo's stand-in until the Provisioner image
        /// provisions nodes): provisioned at <paramref name="unicastAddress"/>, NetKey 0, AppKey 0 bound to
        /// <paramref name="boundModels"/> (NativeContract model bits), vendor server subscribed to 0xC000 when <paramref name="subscribeVendorServerToAll"/>;
        /// a node with both vendor models also gets what the provisioner gives a universal node for the MQTT uplink: vendor server
        /// publication to the uplink group 0xC001 and the vendor client subscribed to it.
        /// </summary>
        public static void Preprovision(string flashDirectory, int unicastAddress, int boundModels, bool subscribeVendorServerToAll)
        {
            bool uplink = (boundModels & NativeContract.VendorServer) != 0 && (boundModels & NativeContract.VendorClient) != 0;
            new MeshSettings
            {
                Provisioned = true,
                UnicastAddress = unicastAddress,
                NetKeyIndex = 0,
                AppKeyIndex = 0,
                BoundModels = boundModels,
                VendorServerSubscribedToAll = subscribeVendorServerToAll,
                VendorServerPublishAddress = uplink ? UplinkGroup : 0,
                VendorClientSubscribedToUplink = uplink,
            }.Save(flashDirectory);
        }

        // ---- native API (called through the NativeMesh shim) -------------------------------------------------

        /// <summary>Native start: loads the mesh settings, records the composition, starts receiving. InvalidState on a second start.</summary>
        public int Start(int models, bool relayEnabled, int defaultTtl, byte[] deviceUuid)
        {
            lock (_gate)
            {
                if (Started)
                {
                    return NativeContract.InvalidState;
                }

                _settings = MeshSettings.Load(_board.FlashDirectory);
                _models = models;
                _relay = _settings.Relay >= 0 ? _settings.Relay == 1 : relayEnabled;
                _defaultTtl = _settings.DefaultTtl >= 0 ? _settings.DefaultTtl : defaultTtl;
                _networkTransmissions = TransmissionsOf(_settings.NetworkTransmit, NativeContract.CompositionNetworkTransmitCount);
                _relayTransmissions = TransmissionsOf(_settings.RelayRetransmit, NativeContract.CompositionRelayRetransmitCount);
                _deviceUuid = WithBluetoothAddress(deviceUuid);
                _sequence = _settings.SequenceBase;
                _settings.SequenceBase = _sequence + SequenceStoreRate;
                _settings.Save(_board.FlashDirectory);
                Started = true;
                StartBeaconing();
                _receiver = new Thread(ReceiveLoop) { IsBackground = true, Name = "mesh rx " + RadioName };
                _receiver.Start();
                return NativeContract.Ok;
            }
        }

        /// <summary>
        /// Transmissions of each PDU this node originates: its Network Transmit count + 1 (Mesh Profile 4.2.19), the composition's
        /// (<see cref="NativeContract.CompositionNetworkTransmitCount"/>) until a Config Network Transmit Set changes it.
        /// </summary>
        public int NetworkTransmissions
        {
            get
            {
                lock (_gate)
                {
                    return _networkTransmissions;
                }
            }
        }

        /// <summary>
        /// Transmissions of each PDU this node relays: its Relay Retransmit count + 1 (Mesh Profile 4.2.20), the composition's
        /// (<see cref="NativeContract.CompositionRelayRetransmitCount"/>) until a Config Relay Set changes it.
        /// </summary>
        public int RelayTransmissions
        {
            get
            {
                lock (_gate)
                {
                    return _relayTransmissions;
                }
            }
        }

        /// <summary>Native state read: fills the state blob (layout in MeshState); 0 before start.</summary>
        public int ReadState(byte[] blob)
        {
            lock (_gate)
            {
                if (!Started)
                {
                    return 0;
                }

                int deviceKeyModels = OwnAddress != 0 ? NativeContract.ConfigServer | NativeContract.ConfigClient : 0; // device key, no AppKey
                int bound = (_settings.BoundModels | deviceKeyModels) & _models;
                int own = OwnAddress;
                blob[0] = (byte)(own != 0 ? 1 : 0);
                blob[1] = (byte)own;
                blob[2] = (byte)(own >> 8);
                blob[3] = (byte)_settings.NetKeyIndex;
                blob[4] = (byte)(_settings.NetKeyIndex >> 8);
                blob[5] = (byte)_settings.AppKeyIndex;
                blob[6] = (byte)(_settings.AppKeyIndex >> 8);
                blob[7] = (byte)bound;
                blob[8] = (byte)(_settings.VendorServerSubscribedToAll ? 1 : 0);
                blob[9] = (byte)_defaultTtl;
                blob[10] = (byte)(_relay ? 1 : 0);
                Array.Copy(_deviceUuid, 2, blob, 11, 6);
                return NativeContract.StateBlobLength;
            }
        }

        /// <summary>
        /// Native local node reset (esp_ble_mesh_node_local_reset): forgets provisioning, bindings and subscriptions, persists that,
        /// cancels outstanding requests and raises NodeReset as ESP_BLE_MESH_NODE_PROV_RESET_EVT does. InvalidState when not provisioned.
        /// </summary>
        public int ResetNode()
        {
            lock (_gate)
            {
                if (!Started || !_settings.Provisioned)
                {
                    return NativeContract.InvalidState;
                }

                _settings = new MeshSettings { SequenceBase = _settings.SequenceBase };
                _settings.Save(_board.FlashDirectory);
                CancelPendingRequests();
            }

            QueueEvent(NativeContract.NodeReset, 0, 0, 0, 0, 0, null, 0);
            StartBeaconing(); // esp_ble_mesh_node_prov_enable again after the reset event
            return NativeContract.Ok;
        }

        /// <summary>Native vendor client send; Busy while an acknowledged send to the destination is outstanding.</summary>
        public int SendVendor(int destination, int opcode, byte[] payload, int length, int ttl, bool acknowledged, int timeoutMilliseconds)
        {
            int own;
            if (RefuseSends)
            {
                return NativeContract.NoMemory;
            }

            lock (_gate)
            {
                if (!CanUse(NativeContract.VendorClient))
                {
                    return NativeContract.InvalidState;
                }

                if (destination == 0)
                {
                    return NativeContract.InvalidArgument;
                }

                own = _settings.UnicastAddress;
                if (acknowledged && IsUnicast(destination))
                {
                    if (_pendingVendor.ContainsKey(destination))
                    {
                        return NativeContract.Busy;
                    }

                    int target = destination;
                    _pendingVendor[destination] = new Timer(_ => VendorTimedOut(target, opcode), null, timeoutMilliseconds, Timeout.Infinite);
                }
            }

            TransmitAccess(own, destination, ttl, opcode, Copy(payload, length));
            QueueEvent(NativeContract.VendorSendCompleted, own, destination, opcode, 0, 0, null, 0);
            return NativeContract.Ok;
        }

        /// <summary>Native vendor server reply to a received request, from the own unicast address.</summary>
        public int ReplyVendor(int requestHandle, int opcode, byte[] payload, int length)
        {
            int own;
            int requester;
            lock (_gate)
            {
                if (!CanUse(NativeContract.VendorServer))
                {
                    return NativeContract.InvalidState;
                }

                if (!_requestSources.TryGetValue(requestHandle, out requester))
                {
                    return NativeContract.InvalidArgument;
                }

                _requestSources.Remove(requestHandle);
                own = _settings.UnicastAddress;
            }

            TransmitAccess(own, requester, 0xFF, opcode, Copy(payload, length)); // from the unicast, never from the group (seed §4.3)
            return NativeContract.Ok;
        }

        /// <summary>Native vendor server publication to the configured publish address; InvalidState while unset.</summary>
        public int PublishVendor(int opcode, byte[] payload, int length)
        {
            int own;
            int destination;
            lock (_gate)
            {
                if (!CanUse(NativeContract.VendorServer) || _settings.VendorServerPublishAddress == 0)
                {
                    return NativeContract.InvalidState;
                }

                own = _settings.UnicastAddress;
                destination = _settings.VendorServerPublishAddress;
            }

            TransmitAccess(own, destination, 0xFF, opcode, Copy(payload, length));
            return NativeContract.Ok;
        }

        /// <summary>
        /// What a provisioner's Config Client does to a node (test and demo hook until the Provisioner image exists):
        /// replaces the bound models, persists them, and raises a ConfigurationChanged event (opcode 0x803D, Model
        /// App Bind) as ESP-IDF's config server callback does.
        /// </summary>
        public void ApplyConfiguration(int boundModels, int vendorServerPublishAddress)
        {
            lock (_gate)
            {
                _settings.BoundModels = boundModels;
                _settings.VendorServerPublishAddress = vendorServerPublishAddress;
                _settings.Save(_board.FlashDirectory);
            }

            QueueEvent(NativeContract.ConfigurationChanged, 0, 0, 0x803D, 0, 0, null, 0);
        }

        /// <summary>Fault injection: while set, every send the firmware asks for is refused with NoMemory (ESP_ERR_NO_MEM).</summary>
        public bool RefuseSends { get; set; }

        /// <summary>Native Generic OnOff client Set.</summary>
        public int SendOnOff(int destination, bool on, bool acknowledged, int ttl, int timeoutMilliseconds)
        {
            int own;
            lock (_gate)
            {
                if (!CanUse(NativeContract.GenericOnOffClient))
                {
                    return NativeContract.InvalidState;
                }

                own = _settings.UnicastAddress;
                if (acknowledged && IsUnicast(destination))
                {
                    if (_pendingOnOff.ContainsKey(destination))
                    {
                        return NativeContract.Busy;
                    }

                    int target = destination;
                    _pendingOnOff[destination] = new Timer(_ => OnOffTimedOut(target), null, timeoutMilliseconds, Timeout.Infinite);
                }
            }

            TransmitAccess(own, destination, ttl, acknowledged ? OnOffSet : OnOffSetUnacknowledged, new[] { (byte)(on ? 1 : 0), (byte)0 });
            return NativeContract.Ok;
        }

        /// <summary>Native Generic OnOff server Status answering a Set or Get.</summary>
        public int ReplyOnOff(int requestHandle, bool presentState)
        {
            int own;
            int requester;
            lock (_gate)
            {
                if (!CanUse(NativeContract.GenericOnOffServer) || !_requestSources.TryGetValue(requestHandle, out requester))
                {
                    return NativeContract.InvalidArgument;
                }

                _requestSources.Remove(requestHandle);
                own = _settings.UnicastAddress;
            }

            TransmitAccess(own, requester, 0xFF, OnOffStatus, new[] { (byte)(presentState ? 1 : 0) });
            return NativeContract.Ok;
        }

        /// <summary>Native event drain: the next record (an EventsLost record first after an overflow), 0 when none.</summary>
        public int TakeEvent(byte[] record)
        {
            lock (_gate)
            {
                if (_lostEvents > 0)
                {
                    int lost = _lostEvents;
                    _lostEvents = 0;
                    byte[] lostRecord = NativeContract.EncodeEvent(NativeContract.EventsLost, 0, 0, 0, 0, lost, null, 0);
                    Array.Copy(lostRecord, record, lostRecord.Length);
                    return lostRecord.Length;
                }

                if (_events.Count == 0)
                {
                    return 0;
                }

                if (_events.Peek().Length > record.Length)
                {
                    return 0; // stays queued, as the native pop does
                }

                byte[] next = _events.Dequeue();
                _eventBytes -= NativeContract.RingEntryPrefix + next.Length;
                Array.Copy(next, record, next.Length);
                return next.Length;
            }
        }

        /// <summary>Events queued for the firmware and not yet taken.</summary>
        public int QueuedEvents
        {
            get
            {
                lock (_gate)
                {
                    return _events.Count;
                }
            }
        }

        /// <summary>Native DC02 notification.</summary>
        public int GattNotify(byte[] value, int length) => Gatt.Notify(value, length);

        /// <summary>Native DC02 read value.</summary>
        public int GattSetReadValue(byte[] value, int length)
        {
            Gatt.SetReadValue(value, length);
            return NativeContract.Ok;
        }

        // ---- air side --------------------------------------------------------------------------------------

        /// <inheritdoc/>
        public void Receive(NetworkPdu pdu)
        {
            if (!_inbox.IsAddingCompleted)
            {
                try
                {
                    ReceptionQueued();
                    _inbox.Add(pdu);
                }
                catch (InvalidOperationException)
                {
                    ReceptionDone(); // powered off meanwhile
                }
            }
        }

        internal void QueueGattEvent(int kind, int value, byte[] payload, int length)
        {
            QueueEvent(kind, 0, 0, 0, 0, value, payload, length);
        }

        /// <summary>
        /// The native dcm_glue_offer_event: queues a GATT record whose caller answers for it when it does not fit (nothing
        /// counted as lost). Without <paramref name="useReserve"/> it must fit outside the ring's reserve; with it, only a
        /// header-only record is accepted and it may use the reserve. True when queued.
        /// </summary>
        internal bool OfferGattEvent(int kind, int value, byte[] payload, int length, bool useReserve)
        {
            if (useReserve && length != 0)
            {
                return false;
            }

            byte[] record = NativeContract.EncodeEvent(kind, 0, 0, 0, 0, value, payload, Math.Min(length, NativeContract.MaximumPayloadLength));
            bool queued;
            lock (_gate)
            {
                queued = TryStore(record, useReserve ? EventRingBytes : EventRingBytes - NativeContract.EventReserveBytes);
            }

            CustomEvent.Post(_board, NativeContract.EventSignal, 0);
            return queued;
        }

        /// <summary>Stores a record when it fits within the first <paramref name="limit"/> bytes of the ring (caller holds the gate).</summary>
        private bool TryStore(byte[] record, int limit)
        {
            int entry = NativeContract.RingEntryPrefix + record.Length;
            if (_eventBytes + entry > limit)
            {
                return false;
            }

            _eventBytes += entry;
            _events.Enqueue(record);
            return true;
        }

        private void ReceiveLoop()
        {
            using (_board.Activate())
            {
                foreach (NetworkPdu pdu in _inbox.GetConsumingEnumerable())
                {
                    try
                    {
                        Process(pdu);
                    }
                    finally
                    {
                        ReceptionDone();
                    }
                }
            }
        }

        private void Process(NetworkPdu pdu)
        {
            int own;
            bool relay;
            bool deliver;
            bool heartbeat;
            int relayTransmissions;
            if (pdu.Kind != NetworkPdu.NetworkKind)
            {
                ProcessProvisioningPdu(pdu); // beacons and PB-ADV: one hop, never relayed
                return;
            }

            lock (_gate)
            {
                if (OwnAddress == 0 || pdu.NetworkKeyId != MeshKeys.Id(_settings.NetKey))
                {
                    return; // no NetKey, or another network's: it neither decrypts nor relays
                }

                own = OwnAddress;
                long key = ((long)pdu.Source << 32) | (uint)pdu.Sequence;
                if (pdu.Source == own || _cache.Contains(key))
                {
                    return; // network message cache: no duplicate delivery, no relay storms
                }

                _cache.Add(key);
                _cacheOrder.Enqueue(key);
                if (_cacheOrder.Count > 1024)
                {
                    _cache.Remove(_cacheOrder.Dequeue());
                }

                heartbeat = pdu.Opcode == HeartbeatOpcode;
                deliver = !heartbeat && (pdu.Destination == own || SubscribedTo(pdu.Destination) || pdu.Destination == 0xFFFF);
                relay = _relay && pdu.Destination != own && pdu.Ttl >= 2;
                relayTransmissions = _relayTransmissions;
            }

            if (relay)
            {
                NetworkPdu forwarded = pdu.Relayed();
                for (int i = 0; i < relayTransmissions; i++)
                {
                    Air?.Transmit(this, forwarded, relayed: true);
                }
            }

            if (heartbeat)
            {
                ReceiveHeartbeat(pdu); // EmulatedMeshStack.Heartbeat.cs
                return;
            }

            if (deliver && pdu.Control)
            {
                if (pdu.Destination == own)
                {
                    Transport.Acknowledged(pdu); // lower transport: a Segment Acknowledgment for this node's SAR transmitter
                }

                return;
            }

            if (deliver && (pdu.SegmentCount == 1 || Transport.Received(pdu)))
            {
                DeliverAccess(pdu);
            }
        }

        private void DeliverAccess(NetworkPdu pdu)
        {
            int source = pdu.Source;
            int destination = pdu.Destination;
            int opcode = pdu.Opcode;
            byte[] parameters = pdu.Parameters;
            if (pdu.DeviceKey)
            {
                DeliverConfiguration(pdu); // configuration messages: device key, Config Server or Config Client
                return;
            }

            lock (_gate)
            {
                if (pdu.AccessKeyId != MeshKeys.Id(_settings.AppKey))
                {
                    return; // an AppKey this node does not have
                }
            }

            switch (opcode)
            {
                case VendorSendText:
                case VendorSendBinary:
                    if (Bound(NativeContract.VendorServer))
                    {
                        QueueEvent(NativeContract.VendorMessageReceived, source, destination, opcode, NewRequest(source), 0, parameters, parameters.Length);
                    }

                    break;
                case VendorStatusText:
                case VendorStatusBinary:
                    if (Bound(NativeContract.VendorClient) && destination == UnicastAddress)
                    {
                        CancelPending(_pendingVendor, source);
                        QueueEvent(NativeContract.VendorMessageReceived, source, destination, opcode, 0, 0, parameters, parameters.Length);
                    }

                    break;
                case UplinkCommand:
                    if (Bound(NativeContract.VendorServer) && parameters.Length >= 3)
                    {
                        QueueEvent(NativeContract.VendorMessageReceived, source, destination, opcode, 0, 0, parameters, parameters.Length); // no reply expected
                    }

                    break;
                case ReadingReport when parameters.Length >= 8:
                case EnergyReport when parameters.Length >= 6:
                case NodeIdentity when parameters.Length >= 6:
                case BridgeHeartbeat when parameters.Length >= 2:
                    if (Bound(NativeContract.VendorClient) && (destination == UnicastAddress || destination >= AllNodesGroup))
                    {
                        QueueEvent(NativeContract.VendorMessageReceived, source, destination, opcode, 0, 0, parameters, parameters.Length);
                    }

                    break;
                case OnOffSet:
                case OnOffSetUnacknowledged:
                case OnOffGet:
                    if (Bound(NativeContract.GenericOnOffServer) && parameters.Length >= (opcode == OnOffGet ? 0 : 2))
                    {
                        int handle = opcode == OnOffSetUnacknowledged ? 0 : NewRequest(source);
                        QueueEvent(NativeContract.OnOffServerMessage, source, destination, opcode, handle, opcode == OnOffGet ? -1 : parameters[0], null, 0);
                    }

                    break;
                case OnOffStatus:
                    if (Bound(NativeContract.GenericOnOffClient) && parameters.Length >= 1)
                    {
                        CancelPending(_pendingOnOff, source);
                        QueueEvent(NativeContract.OnOffStatusReceived, source, destination, opcode, 0, parameters[0], null, 0);
                    }

                    break;
            }
        }

        private void TransmitAccess(int source, int destination, int ttl, int opcode, byte[] parameters, string deviceKey = null)
        {
            int opcodeLength = opcode > 0xFFFF ? 3 : opcode > 0xFF ? 2 : 1;
            int accessLength = opcodeLength + parameters.Length;
            int segments = accessLength <= 11 ? 1 : (accessLength + 4 + 11) / 12; // 12 bytes of upper transport PDU (access + 4-byte MIC) per segment
            int effectiveTtl = ttl == 0xFF ? _defaultTtl : ttl;
            if (segments > 1)
            {
                Air?.CountSegmented(this, segments);
            }

            bool loopback;
            NetworkPdu[] pdus = new NetworkPdu[segments];
            lock (_gate)
            {
                int sequenceZero = _sequence;
                int networkKey = MeshKeys.Id(_settings.NetKey);
                int accessKey = MeshKeys.Id(deviceKey ?? _settings.AppKey);
                for (int i = 0; i < segments; i++)
                {
                    pdus[i] = new NetworkPdu
                    {
                        Source = source, Destination = destination, Ttl = effectiveTtl, Sequence = NextSequence(), SequenceZero = sequenceZero,
                        SegmentIndex = i, SegmentCount = segments, Opcode = opcode, Parameters = parameters,
                        NetworkKeyId = networkKey, AccessKeyId = accessKey, DeviceKey = deviceKey != null,
                    };
                }

                loopback = destination == source || SubscribedTo(destination);
            }

            if (loopback)
            {
                DeliverAccess(pdus[0]); // the stack hands its own group messages to its subscribed models
            }

            if (destination == source)
            {
                return;
            }

            if (segments > 1)
            {
                Transport.Send(pdus); // lower transport SAR: acknowledged to a unicast, repeated to a group
                return;
            }

            SendWithNetworkTransmit(pdus[0]);
        }

        private void VendorTimedOut(int destination, int opcode)
        {
            if (CancelPending(_pendingVendor, destination))
            {
                QueueEvent(NativeContract.VendorSendTimedOut, UnicastAddress, destination, opcode, 0, 0, null, 0);
            }
        }

        private void OnOffTimedOut(int destination)
        {
            if (CancelPending(_pendingOnOff, destination))
            {
                QueueEvent(NativeContract.OnOffTimedOut, UnicastAddress, destination, OnOffSet, 0, 0, null, 0);
            }
        }

        /// <summary>Drops every outstanding vendor and OnOff request with its timer (caller holds the gate).</summary>
        private void CancelPendingRequests()
        {
            foreach (Timer timer in _pendingVendor.Values)
            {
                timer.Dispose();
            }

            foreach (Timer timer in _pendingOnOff.Values)
            {
                timer.Dispose();
            }

            _pendingVendor.Clear();
            _pendingOnOff.Clear();
            StopHeartbeatPublication();
        }

        private bool CancelPending(Dictionary<int, Timer> pending, int destination)
        {
            lock (_gate)
            {
                if (!pending.TryGetValue(destination, out Timer timer))
                {
                    return false;
                }

                pending.Remove(destination);
                timer.Dispose();
                return true;
            }
        }

        private int NewRequest(int source)
        {
            lock (_gate)
            {
                int handle = _nextHandle;
                _nextHandle = _nextHandle == 0xFFFF ? 1 : _nextHandle + 1;
                _requestSources[handle] = source;
                if (_requestSources.Count > 256)
                {
                    _requestSources.Clear(); // unanswered requests expire
                    _requestSources[handle] = source;
                }

                return handle;
            }
        }

        private void QueueEvent(int kind, int source, int destination, int opcode, int handle, int value, byte[] payload, int length)
        {
            // As dcm_glue_queue_event: the payload cut to the longest record, an ordinary record kept out of the
            // reserve, a record that does not fit dropped and counted (reported as EventsLost).
            byte[] record = NativeContract.EncodeEvent(kind, source, destination, opcode, handle, value, payload, Math.Min(length, NativeContract.MaximumPayloadLength));
            lock (_gate)
            {
                if (!TryStore(record, EventRingBytes - NativeContract.EventReserveBytes))
                {
                    _lostEvents++;
                }
            }

            (Air as VirtualAir)?.HandedToFirmware(); // a timed air waits for the firmware's answer before time goes on
            CustomEvent.Post(_board, NativeContract.EventSignal, 0);
        }

        private bool CanUse(int model) => Started && OwnAddress != 0 && (_models & model) != 0 && (_settings.BoundModels & model) != 0;

        /// <summary>True for a group this node's models subscribe to (caller holds the gate).</summary>
        private bool SubscribedTo(int address) =>
            (address == AllNodesGroup && _settings.VendorServerSubscribedToAll) || (address == UplinkGroup && _settings.VendorClientSubscribedToUplink);

        private bool Bound(int model)
        {
            lock (_gate)
            {
                return CanUse(model);
            }
        }

        private static bool IsUnicast(int address) => address > 0 && address < 0x8000;

        /// <summary>Transmissions of a Network Transmit / Relay Retransmit state byte (count in bits 0–2), or of the composition's count when the byte is -1 (unset).</summary>
        private static int TransmissionsOf(int state, int compositionCount) => (state >= 0 ? state & 0x07 : compositionCount) + 1;

        private static byte[] Copy(byte[] payload, int length)
        {
            byte[] copy = new byte[length];
            if (length > 0)
            {
                Array.Copy(payload, copy, length);
            }

            return copy;
        }
    }
}
