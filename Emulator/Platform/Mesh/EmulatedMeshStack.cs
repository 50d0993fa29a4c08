using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh.Air;
using DcMonitor.Emulator.Mesh.Stack;
using DcMonitor.Emulator.Mesh.Stack.Access;
using DcMonitor.Emulator.Mesh.Stack.Foundation;
using DcMonitor.Emulator.Mesh.Stack.Heartbeat;
using DcMonitor.Emulator.Mesh.Stack.Network;
using DcMonitor.Emulator.Mesh.Stack.Provisioning;
using DcMonitor.Emulator.Mesh.Stack.Transport;
using nanoFramework.Runtime.Events;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// The native mesh component of one emulated node, standing in for ESP-BLE-MESH behind the interop's
    /// InternalCalls (DcMonitor.MeshInterop.Native.NativeMesh). This class is the facade: it is the node's radio on the air
    /// (<see cref="IRadio"/>, the advertising bearer), implements the native contract (start, state, reset, sends, the bounded
    /// event ring plus a posted custom event, the GATT bridge) and owns the stack's layers, each in its own file under Stack/
    /// in the shape of Zephyr's subsys/bluetooth/mesh (docs/architecture.md, "The emulated mesh stack"):
    /// <see cref="NetworkLayer"/> (TTL, sequence numbers, message cache, relay), <see cref="TransportLayer"/> with
    /// <see cref="SegmentationAndReassembly"/>, <see cref="AccessLayer"/> (AppKey binding, group delivery to subscribed models,
    /// acknowledged client sends with a timeout and at most one outstanding per destination, docs/reference/esp-ble-mesh.md §1,
    /// loopback to own subscribed groups), the foundation models <see cref="ConfigurationServer"/> and
    /// <see cref="ConfigurationClient"/>, <see cref="HeartbeatLayer"/> and <see cref="ProvisioningBearer"/> (PB-ADV, beacons).
    /// Provisioning state persists next to the node's flash (<see cref="MeshSettings"/>).
    /// </summary>
    public sealed class EmulatedMeshStack : IRadio, IAirActivity, IAdvertisingBearer, INativeEventSink, INativeMeshComponent
    {
        /// <summary>
        /// Bytes of the native event ring, as on the device (DCM_EVENT_RING_BYTES): each record costs
        /// <see cref="NativeContract.RingEntryPrefix"/> + its length, and the last <see cref="NativeContract.EventReserveBytes"/>
        /// are kept for header-only refused-command records (native-mesh-interop/README.md "Queue sizes and backpressure").
        /// </summary>
        public const int EventRingBytes = NativeContract.EventRingBytes;

        /// <summary>Stands for the transport control opcode 0x0A (Heartbeat) on the emulated air (<see cref="HeartbeatLayer.Opcode"/>).</summary>
        public const int HeartbeatOpcode = HeartbeatLayer.Opcode;

        /// <summary>Unprovisioned device beacon period, ms (<see cref="ProvisioningBearer.BeaconIntervalMilliseconds"/>).</summary>
        public const int BeaconIntervalMilliseconds = ProvisioningBearer.BeaconIntervalMilliseconds;

        /// <summary>The provisioner's own unicast address (seed §1.3).</summary>
        public const int ProvisionerAddress = NodeState.ProvisionerAddress;

        private static readonly ConditionalWeakTable<VirtualBoard, EmulatedMeshStack> s_stacks = new ConditionalWeakTable<VirtualBoard, EmulatedMeshStack>();

        private readonly VirtualBoard _board;
        private readonly NodeState _node;
        private readonly NetworkLayer _network;
        private readonly TransportLayer _transport;
        private readonly AccessLayer _access;
        private readonly ConfigurationServer _configurationServer;
        private readonly ConfigurationClient _configurationClient;
        private readonly HeartbeatLayer _heartbeat;
        private readonly ProvisioningBearer _provisioning;
        private readonly Queue<byte[]> _events = new Queue<byte[]>();
        private readonly BlockingCollection<NetworkPdu> _inbox = new BlockingCollection<NetworkPdu>();
        private int _lostEvents;
        private int _eventBytes;
        private int _pendingReceptions;
        private Thread _receiver;

        private EmulatedMeshStack(VirtualBoard board)
        {
            _board = board;
            Gatt = new EmulatedGattServer(this, board);
            BatteryMonitorCentral = new EmulatedBatteryMonitorCentral(this);
            _node = new NodeState(board.FlashDirectory);
            _network = new NetworkLayer(_node, this);
            _transport = new TransportLayer(_node, _network, this);
            _heartbeat = new HeartbeatLayer(_node, _transport);
            _configurationServer = new ConfigurationServer(_node, _transport, _heartbeat, this, () => ResetNode());
            _configurationClient = new ConfigurationClient(_node, _transport, this);
            _access = new AccessLayer(_node, _transport, this, _configurationServer, _configurationClient);
            _provisioning = new ProvisioningBearer(_node, this, this);
            _network.Upper = _transport;
            _transport.Access = _access;
            _transport.Heartbeat = _heartbeat;
        }

        /// <summary>The board's name on the air (its flash folder's name unless set).</summary>
        public string RadioName { get; set; }

        /// <summary>The air this node's radio is on (null = a radio in a shielded box: it transmits into nothing).</summary>
        public IAirMedium Air { get; private set; }

        /// <summary>The GATT server of service 0xDC01.</summary>
        public EmulatedGattServer Gatt { get; }

        /// <summary>The battery monitor central (issue 18): scans for and talks to <see cref="Peripherals.VirtualBatteryMonitor"/>s on this node's air.</summary>
        public EmulatedBatteryMonitorCentral BatteryMonitorCentral { get; }

        /// <summary>True after the firmware started the stack.</summary>
        public bool Started => _node.Started;

        /// <summary>
        /// True once the firmware started a stack that serves the Pi's GATT bridge (service 0xDC01 and its advert): as the native
        /// dcm_composition_serves_gatt_bridge, only an image with the vendor client (the universal node); the relay and the
        /// provisioner register no DC01, so nobody can write DC03 on them (docs/security.md).
        /// </summary>
        public bool ServesGattBridge
        {
            get
            {
                lock (_node.Gate)
                {
                    return _node.Started && (_node.Models & NativeContract.VendorClient) != 0;
                }
            }
        }

        /// <summary>Own unicast address (0 while unprovisioned).</summary>
        public int UnicastAddress
        {
            get
            {
                lock (_node.Gate)
                {
                    return _node.OwnAddress;
                }
            }
        }

        /// <summary>The device UUID as the firmware started the stack with it, Bluetooth address filled in (a copy; zeros before start).</summary>
        public byte[] DeviceUuid
        {
            get
            {
                lock (_node.Gate)
                {
                    return (byte[])_node.DeviceUuid.Clone();
                }
            }
        }

        /// <summary>True while the Relay feature is on (the composition's, or the last Config Relay Set's; diagnostics and tests).</summary>
        public bool RelayFeatureOn
        {
            get
            {
                lock (_node.Gate)
                {
                    return _node.Relay;
                }
            }
        }

        /// <summary>Heartbeats this node sent (diagnostics and tests).</summary>
        public int HeartbeatsSent => _heartbeat.Sent;

        /// <summary>True (default, this firmware's native glue): a vendor reply's TTL follows the hops its request took; false: the
        /// Default TTL, as the seed's firmware replied (benchmark comparison; <see cref="Stack.Access.AccessLayer.ScopedVendorReplyTtl"/>).</summary>
        public bool ScopedVendorReplyTtl
        {
            get => _access.ScopedVendorReplyTtl;
            set => _access.ScopedVendorReplyTtl = value;
        }

        /// <summary>Fault injection: while set, every send the firmware asks for is refused with NoMemory (ESP_ERR_NO_MEM).</summary>
        public bool RefuseSends { get; set; }

        /// <summary>Fault injection: the device takes the provisioning data but its Complete never reaches the provisioner (as when
        /// the provisioner loses power at that instant): the device ends up provisioned and unknown to the provisioner.</summary>
        public bool SuppressProvisioningComplete
        {
            get => _provisioning.SuppressProvisioningComplete;
            set => _provisioning.SuppressProvisioningComplete = value;
        }

        /// <summary>Fault injection: page 0 a node's Config Server answers instead of its real composition (null = the real one).</summary>
        public byte[] CompositionDataOverride
        {
            get => _configurationServer.CompositionDataOverride;
            set => _configurationServer.CompositionDataOverride = value;
        }

        /// <inheritdoc/>
        public int PendingReceptions => Started ? Volatile.Read(ref _pendingReceptions) : 0;

        IAirClock IAdvertisingBearer.Clock => Air as IAirClock;

        AirStatistics IAdvertisingBearer.Statistics => Air?.Statistics;

        /// <summary>Raised (on the receiving thread) after the Config Server applied a change, with the request's opcode: lets a test act at a
        /// precise point of a configuration (e.g. cut the provisioner's power after the first Model App Bind).</summary>
        public event Action<int> ConfigurationApplied
        {
            add => _configurationServer.Applied += value;
            remove => _configurationServer.Applied -= value;
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
            BatteryMonitorCentral.PowerOff();
            _inbox.CompleteAdding();
            _transport.Stop();
            lock (_node.Gate)
            {
                CancelPendingRequests();
                _provisioning.StopTimers();
                _configurationClient.CancelAll();
                _node.Started = false;
            }
        }

        /// <summary>
        /// Writes the settings a provisioner would have left (the demo's stand-in until the Provisioner image
        /// provisions nodes): provisioned at <paramref name="unicastAddress"/>, NetKey 0, AppKey 0 bound to
        /// <paramref name="boundModels"/> (NativeContract model bits), vendor server subscribed to 0xC000 when <paramref name="subscribeVendorServerToAll"/>;
        /// a node with both vendor models also gets what the provisioner gives a universal node for the MQTT uplink: vendor server
        /// publication to the uplink group 0xC001 and the vendor client subscribed to it. <paramref name="relay"/> is the Relay state a
        /// provisioner's Config Relay Set left (1 on, 0 off; -1 none: the composition's).
        /// </summary>
        public static void Preprovision(string flashDirectory, int unicastAddress, int boundModels, bool subscribeVendorServerToAll, int relay = -1)
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
                VendorServerPublishAddress = uplink ? NodeState.UplinkGroup : 0,
                VendorClientSubscribedToUplink = uplink,
                Relay = relay,
            }.Save(flashDirectory);
        }

        // ---- native API (called through the NativeMesh shim) -------------------------------------------------

        /// <summary>Native start: loads the mesh settings, records the composition, starts receiving. InvalidState on a second start.</summary>
        public int Start(int models, bool relayEnabled, int defaultTtl, byte[] deviceUuid)
        {
            lock (_node.Gate)
            {
                if (_node.Started)
                {
                    return NativeContract.InvalidState;
                }

                MeshSettings settings = MeshSettings.Load(_board.FlashDirectory);
                _node.Settings = settings;
                _node.Models = models;
                _node.Relay = settings.Relay >= 0 ? settings.Relay == 1 : relayEnabled;
                _node.DefaultTtl = settings.DefaultTtl >= 0 ? settings.DefaultTtl : defaultTtl;
                _node.NetworkTransmissions = NodeState.TransmissionsOf(settings.NetworkTransmit, NativeContract.CompositionNetworkTransmitCount);
                _node.RelayTransmissions = NodeState.TransmissionsOf(settings.RelayRetransmit, NativeContract.CompositionRelayRetransmitCount);
                _node.Directed.RestoreFrom(settings);
                _node.DeviceUuid = _provisioning.WithBluetoothAddress(deviceUuid);
                _node.Sequence = settings.SequenceBase;
                settings.SequenceBase = _node.Sequence + NodeState.SequenceStoreRate;
                _node.Save();
                _node.Started = true;
                _provisioning.StartBeaconing();
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
                lock (_node.Gate)
                {
                    return _node.NetworkTransmissions;
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
                lock (_node.Gate)
                {
                    return _node.RelayTransmissions;
                }
            }
        }

        /// <summary>
        /// Sets the node's directed forwarding states as a Directed Forwarding Configuration Client's Directed Control Set, Directed Network
        /// Transmit Set and Directed Relay Retransmit Set leave them (Mesh Protocol 1.1; ESP-IDF <c>esp_ble_mesh_df_client_set_state</c>;
        /// docs/directed-forwarding.md). Counts are the states' count fields, 0–7: each PDU goes count + 1 times.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A count outside 0–7.</exception>
        public void ConfigureDirectedForwarding(bool forwarding, bool relay, int networkTransmitCount, int relayRetransmitCount)
        {
            if (networkTransmitCount < 0 || networkTransmitCount > 7 || relayRetransmitCount < 0 || relayRetransmitCount > 7)
            {
                throw new ArgumentOutOfRangeException(nameof(networkTransmitCount), "transmit counts are 0–7, not " + networkTransmitCount + " / " + relayRetransmitCount);
            }

            lock (_node.Gate)
            {
                _node.Directed.Forwarding = forwarding;
                _node.Directed.Relay = relay;
                _node.Directed.NetworkTransmissions = networkTransmitCount + 1;
                _node.Directed.RelayTransmissions = relayRetransmitCount + 1;
            }
        }

        /// <summary>
        /// Installs a fixed path as Forwarding Table Add followed by Forwarding Table Dependents Add would: path origin
        /// <paramref name="pathOrigin"/>, path target <paramref name="pathTarget"/>, dependent origins as (first address, length) pairs in
        /// <paramref name="dependentRanges"/> (may be empty), two-way (backward path validated: the target's PDUs to the origin side use it
        /// too) when <paramref name="twoWay"/>. False when the forwarding table is full or the entry cannot hold every range
        /// (the stack's Insufficient Resources status; what fitted stays).
        /// </summary>
        /// <exception cref="ArgumentException">dependentRanges of odd length.</exception>
        public bool AddFixedPath(int pathOrigin, int pathTarget, int[] dependentRanges, bool twoWay)
        {
            if (dependentRanges.Length % 2 != 0)
            {
                throw new ArgumentException("dependent ranges are (first, length) pairs", nameof(dependentRanges));
            }

            lock (_node.Gate)
            {
                Stack.DirectedForwarding.ForwardingEntry entry = _node.Directed.Table.Add(pathOrigin, pathTarget, twoWay);
                if (entry == null)
                {
                    return false;
                }

                for (int i = 0; i < dependentRanges.Length; i += 2)
                {
                    if (!entry.AddDependentOrigins(dependentRanges[i], dependentRanges[i + 1], Stack.DirectedForwarding.ForwardingTable.DependentCapacity))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Fixed paths in the node's forwarding table.</summary>
        public int ForwardingEntries
        {
            get
            {
                lock (_node.Gate)
                {
                    return _node.Directed.Table.Count;
                }
            }
        }

        /// <summary>Directed PDUs this node relayed along a fixed path it holds (diagnostics and tests).</summary>
        public long DirectedRelays
        {
            get
            {
                lock (_node.Gate)
                {
                    return _node.Directed.RelayedPdus;
                }
            }
        }

        /// <summary>True while Directed Forwarding is on (the provisioner's last Directed Control Set; diagnostics and tests).</summary>
        public bool DirectedForwardingOn
        {
            get
            {
                lock (_node.Gate)
                {
                    return _node.Directed.Forwarding;
                }
            }
        }

        /// <summary>Messages sent asking for directed credentials with Directed Forwarding on but no path, which went by managed flooding.</summary>
        public long DirectedFloodingFallbacks
        {
            get
            {
                lock (_node.Gate)
                {
                    return _node.Directed.FloodingFallbacks;
                }
            }
        }

        /// <summary>Native state read: fills the state blob (layout in MeshState); 0 before start.</summary>
        public int ReadState(byte[] blob)
        {
            lock (_node.Gate)
            {
                if (!_node.Started)
                {
                    return 0;
                }

                MeshSettings settings = _node.Settings;
                int own = _node.OwnAddress;
                int deviceKeyModels = own != 0 ? NativeContract.DeviceKeyModels : 0; // device key, no AppKey
                int bound = (settings.BoundModels | deviceKeyModels) & _node.Models;
                blob[0] = (byte)(own != 0 ? 1 : 0);
                blob[1] = (byte)own;
                blob[2] = (byte)(own >> 8);
                blob[3] = (byte)settings.NetKeyIndex;
                blob[4] = (byte)(settings.NetKeyIndex >> 8);
                blob[5] = (byte)settings.AppKeyIndex;
                blob[6] = (byte)(settings.AppKeyIndex >> 8);
                blob[7] = (byte)bound;
                blob[8] = (byte)(settings.VendorServerSubscribedToAll ? 1 : 0);
                blob[9] = (byte)_node.DefaultTtl;
                blob[10] = (byte)(_node.Relay ? 1 : 0);
                Array.Copy(_node.DeviceUuid, 2, blob, 11, 6);
                return NativeContract.StateBlobLength;
            }
        }

        /// <summary>
        /// Native local node reset (esp_ble_mesh_node_local_reset): forgets provisioning, bindings, subscriptions and directed paths, persists that,
        /// cancels outstanding requests and raises NodeReset as ESP_BLE_MESH_NODE_PROV_RESET_EVT does. InvalidState when not provisioned.
        /// </summary>
        public int ResetNode()
        {
            lock (_node.Gate)
            {
                if (!_node.Started || !_node.Settings.Provisioned)
                {
                    return NativeContract.InvalidState;
                }

                _node.Settings = new MeshSettings { SequenceBase = _node.Settings.SequenceBase };
                _node.Save();
                _node.Directed.Reset();
                CancelPendingRequests();
            }

            QueueEvent(NativeContract.NodeReset, 0, 0, 0, 0, 0, null, 0);
            _provisioning.StartBeaconing(); // esp_ble_mesh_node_prov_enable again after the reset event
            return NativeContract.Ok;
        }

        /// <summary>Native vendor client send; Busy while an acknowledged send to the destination is outstanding.</summary>
        public int SendVendor(int destination, int opcode, byte[] payload, int length, int ttl, bool acknowledged, int timeoutMilliseconds) =>
            RefuseSends ? NativeContract.NoMemory : _access.SendVendor(destination, opcode, payload, length, ttl, acknowledged, timeoutMilliseconds);

        /// <summary>Native vendor server reply to a received request, from the own unicast address.</summary>
        public int ReplyVendor(int requestHandle, int opcode, byte[] payload, int length) => _access.ReplyVendor(requestHandle, opcode, payload, length);

        /// <summary>Native vendor server publication to the configured publish address; InvalidState while unset.</summary>
        public int PublishVendor(int opcode, byte[] payload, int length) => _access.PublishVendor(opcode, payload, length);

        /// <summary>
        /// What a provisioner's Config Client does to a node (test and demo hook until the Provisioner image exists):
        /// replaces the bound models, persists them, and raises a ConfigurationChanged event (opcode 0x803D, Model
        /// App Bind) as ESP-IDF's config server callback does.
        /// </summary>
        public void ApplyConfiguration(int boundModels, int vendorServerPublishAddress)
        {
            lock (_node.Gate)
            {
                _node.Settings.BoundModels = boundModels;
                _node.Settings.VendorServerPublishAddress = vendorServerPublishAddress;
                _node.Save();
            }

            QueueEvent(NativeContract.ConfigurationChanged, 0, 0, 0x803D, 0, 0, null, 0);
        }

        /// <summary>Native Generic OnOff client Set.</summary>
        public int SendOnOff(int destination, bool on, bool acknowledged, int ttl, int timeoutMilliseconds) => _access.SendOnOff(destination, on, acknowledged, ttl, timeoutMilliseconds);

        /// <summary>Native Generic OnOff server Status answering a Set or Get.</summary>
        public int ReplyOnOff(int requestHandle, bool presentState) => _access.ReplyOnOff(requestHandle, presentState);

        /// <summary>Native SendConfigRequest: sends with the destination's device key; status or timeout reported with the handle.</summary>
        public int SendConfigRequest(int requestHandle, int destination, int opcode, byte[] parameters, int length, int timeoutMilliseconds) =>
            _configurationClient.SendRequest(requestHandle, destination, opcode, parameters, length, timeoutMilliseconds);

        /// <summary>The provisioner's node table (a copy), for tests and diagnostics.</summary>
        public ProvisionedNodeEntry[] ProvisionedNodes() => _provisioning.ProvisionedNodes();

        /// <summary>Native SetStaticOob: the secret this device offers at its next provisioning (<see cref="ProvisioningBearer.SetDeviceStaticOob"/>).</summary>
        public int SetStaticOob(byte[] value, int length) => _provisioning.SetDeviceStaticOob(value, length);

        /// <summary>Native EnableProvisioner: keys as NetKey 0 / AppKey 0 (persisted, as ESP-IDF stores them), UUID match prefix, PB-ADV on.
        /// ProvisionerReady follows. The static OOB value is kept but unused: the emulated devices offer no OOB.</summary>
        public int EnableProvisioner(byte[] netKey, byte[] appKey, byte[] uuidPrefix, int prefixLength, byte[] staticOob, int staticOobLength) =>
            _provisioning.EnableProvisioner(netKey, appKey, uuidPrefix, prefixLength, staticOob, staticOobLength);

        /// <summary>Native ProvisionDevice: opens a PB-ADV link to the device of a discovered-device record.</summary>
        public int ProvisionDevice(byte[] deviceRecord, int unicastAddress) => _provisioning.ProvisionDevice(deviceRecord, unicastAddress);

        /// <summary>Native ReadProvisionedNode: the index-th entry of the node table as UUID, address, element count.</summary>
        public int ReadProvisionedNode(int index, byte[] record) => _provisioning.ReadProvisionedNode(index, record);

        /// <summary>Native DeleteProvisionedNode: forgets the node with this UUID (its address and device key).</summary>
        public int DeleteProvisionedNode(byte[] uuid) => _provisioning.DeleteProvisionedNode(uuid);

        /// <summary>Native event drain: the next record (an EventsLost record first after an overflow), 0 when none.</summary>
        public int TakeEvent(byte[] record)
        {
            lock (_node.Gate)
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
                lock (_node.Gate)
                {
                    return _events.Count;
                }
            }
        }

        /// <summary>Native DC02 notification.</summary>
        public int GattNotify(byte[] value, int length) => Gatt.Notify(value, length);

        /// <summary>Native CentralStartScan (<see cref="EmulatedBatteryMonitorCentral"/>).</summary>
        public int CentralStartScan(int durationMilliseconds) => BatteryMonitorCentral.StartScan(durationMilliseconds);

        /// <summary>Native CentralConnect.</summary>
        public int CentralConnect(byte[] address, int addressType, int timeoutMilliseconds) => BatteryMonitorCentral.Connect(address, addressType, timeoutMilliseconds);

        /// <summary>Native CentralWrite.</summary>
        public int CentralWrite(byte[] block, int length) => BatteryMonitorCentral.Write(block, length);

        /// <summary>Native CentralDisconnect.</summary>
        public int CentralDisconnect() => BatteryMonitorCentral.Disconnect();

        /// <summary>Native GattSetSecurity (<see cref="EmulatedGattServer.SetSecurity"/>).</summary>
        public int GattSetSecurity(int mode, int pairingWindowMilliseconds, int passkey) => Gatt.SetSecurity(mode, pairingWindowMilliseconds, passkey);

        /// <summary>Native GattReadBond (<see cref="EmulatedGattServer.ReadBond"/>).</summary>
        public int GattReadBond(int index, byte[] record) => Gatt.ReadBond(index, record);

        /// <summary>Native GattDeleteBond (<see cref="EmulatedGattServer.DeleteBond"/>).</summary>
        public int GattDeleteBond(byte[] record, int length) => Gatt.DeleteBond(record, length);

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
            lock (_node.Gate)
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
            if (pdu.Kind != NetworkPdu.NetworkKind)
            {
                _provisioning.Receive(pdu); // beacons and PB-ADV: one hop, never relayed
                return;
            }

            _network.Receive(pdu);
        }

        /// <inheritdoc/>
        public void QueueEvent(int kind, int source, int destination, int opcode, int handle, int value, byte[] payload, int length)
        {
            // As dcm_glue_queue_event: the payload cut to the longest record, an ordinary record kept out of the
            // reserve, a record that does not fit dropped and counted (reported as EventsLost).
            byte[] record = NativeContract.EncodeEvent(kind, source, destination, opcode, handle, value, payload, Math.Min(length, NativeContract.MaximumPayloadLength));
            StoreOrCountLost(record, EventRingBytes - NativeContract.EventReserveBytes);
        }

        /// <inheritdoc/>
        public void QueueEssentialEvent(int kind, int source, int destination, int opcode, int handle, int value)
        {
            StoreOrCountLost(NativeContract.EncodeEvent(kind, source, destination, opcode, handle, value, null, 0), EventRingBytes);
        }

        /// <summary>
        /// Stores <paramref name="record"/> when it fits within the first <paramref name="limit"/> bytes of the ring, else counts it
        /// lost (reported as EventsLost); then tells the air and signals the firmware (also when full: it drains what is there).
        /// </summary>
        private void StoreOrCountLost(byte[] record, int limit)
        {
            lock (_node.Gate)
            {
                if (!TryStore(record, limit))
                {
                    _lostEvents++;
                }
            }

            (Air as IAirFeedback)?.HandedToFirmware(); // a timed air (or the hub's, through a node process's link) waits for the firmware's answer before time goes on
            CustomEvent.Post(_board, NativeContract.EventSignal, 0);
        }

        /// <summary>Drops every outstanding vendor and OnOff request with its timer and stops heartbeat publication (caller holds the gate).</summary>
        private void CancelPendingRequests()
        {
            _access.CancelPendingRequests();
            _heartbeat.StopPublication();
        }

        void IAdvertisingBearer.Transmit(NetworkPdu pdu, bool relayed) => Air?.Transmit(this, pdu, relayed);

        void IAdvertisingBearer.CountSegmented(int segments) => Air?.CountSegmented(this, segments);

        /// <summary>Counts a reception handed to the receive thread.</summary>
        private void ReceptionQueued() => Interlocked.Increment(ref _pendingReceptions);

        /// <summary>Counts a reception processed and tells a timed air.</summary>
        private void ReceptionDone()
        {
            Interlocked.Decrement(ref _pendingReceptions);
            (Air as IAirFeedback)?.ReceptionProcessed();
        }
    }
}
