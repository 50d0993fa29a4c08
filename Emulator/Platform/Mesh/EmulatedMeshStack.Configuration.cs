using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace DcMonitor.Emulator.Mesh
{
    /// <summary>
    /// Configuration messages in the emulated native component (Mesh Profile 1.0.1 §4.3.2; parameter formats as in
    /// native-mesh-interop/native/core/dcm_config_codec.c): the provisioner's Config Client (requests with the
    /// destination's device key from the node table, one per destination, a timer per request, statuses matched back
    /// to the request handle) and every node's Config Server (composition data page 0, AppKey Add, Model App Bind,
    /// Model Subscription Add, Model Publication Set, Relay Set, Network Transmit Set, Default TTL Set, Node Reset), which persists what it
    /// changes and raises ConfigurationChanged as ESP-IDF's config server callback does.
    /// </summary>
    public sealed partial class EmulatedMeshStack
    {
        private const int CompositionDataGet = 0x8008, CompositionDataStatus = 0x02, AppKeyAdd = 0x00, AppKeyStatus = 0x8003;
        private const int ModelAppBind = 0x803D, ModelAppStatus = 0x803E, ModelSubscriptionAdd = 0x801B, ModelSubscriptionStatus = 0x801F;
        private const int ModelPublicationSet = 0x03, ModelPublicationStatus = 0x8019, RelaySet = 0x8027, RelayStatus = 0x8028;
        private const int NetworkTransmitSet = 0x8024, NetworkTransmitStatus = 0x8025;
        private const int DefaultTtlSet = 0x800D, DefaultTtlStatus = 0x800E, NodeResetRequest = 0x8049, NodeResetStatus = 0x804A;
        private const int StatusSuccess = 0x00, StatusInvalidAddress = 0x01, StatusInvalidModel = 0x02, StatusInvalidAppKeyIndex = 0x03;
        private const int StatusInvalidNetKeyIndex = 0x04, StatusInsufficientResources = 0x05, StatusKeyIndexAlreadyStored = 0x06;

        private static readonly Dictionary<int, int> StatusOf = new Dictionary<int, int>
        {
            [CompositionDataGet] = CompositionDataStatus, [AppKeyAdd] = AppKeyStatus, [ModelAppBind] = ModelAppStatus,
            [ModelSubscriptionAdd] = ModelSubscriptionStatus, [ModelPublicationSet] = ModelPublicationStatus, [RelaySet] = RelayStatus,
            [NetworkTransmitSet] = NetworkTransmitStatus, [DefaultTtlSet] = DefaultTtlStatus, [NodeResetRequest] = NodeResetStatus, [HeartbeatPublicationSet] = HeartbeatPublicationStatus,
            [HeartbeatSubscriptionSet] = HeartbeatSubscriptionStatus, [HeartbeatSubscriptionGet] = HeartbeatSubscriptionStatus,
        };

        private readonly Dictionary<int, PendingConfiguration> _pendingConfiguration = new Dictionary<int, PendingConfiguration>();

        /// <summary>Raised (on the receiving thread) after the Config Server applied a change, with the request's opcode: lets a test act at a
        /// precise point of a configuration (e.g. cut the provisioner's power after the first Model App Bind).</summary>
        public event Action<int> ConfigurationApplied;

        /// <summary>Fault injection: page 0 a node's Config Server answers instead of its real composition (null = the real one).</summary>
        public byte[] CompositionDataOverride { get; set; }

        /// <summary>Native SendConfigRequest: sends with the destination's device key; status or timeout reported with the handle.</summary>
        public int SendConfigRequest(int requestHandle, int destination, int opcode, byte[] parameters, int length, int timeoutMilliseconds)
        {
            if (requestHandle < 1 || requestHandle > 0xFFFF || destination < 1 || destination > 0x7FFF || !StatusOf.ContainsKey(opcode)
                || length < 0 || length > parameters.Length || timeoutMilliseconds < 100)
            {
                return NativeContract.InvalidArgument;
            }

            string deviceKey;
            int own;
            lock (_gate)
            {
                if (!Started || !_provisionerReady)
                {
                    return NativeContract.InvalidState;
                }

                if (_pendingConfiguration.ContainsKey(destination))
                {
                    return NativeContract.Busy;
                }

                deviceKey = _settings.Nodes.FirstOrDefault(n => n.Address == destination)?.DeviceKey;
                own = OwnAddress;
                if (deviceKey != null)
                {
                    int target = destination;
                    _pendingConfiguration[destination] = new PendingConfiguration
                    {
                        Handle = requestHandle, Opcode = opcode,
                        Timer = new Timer(_ => ConfigurationTimedOut(target, 0), null, timeoutMilliseconds, Timeout.Infinite),
                    };
                }
            }

            if (deviceKey == null)
            {
                // No device key for that address: the stack fails the request in its callback (error code, no send).
                ThreadPool.QueueUserWorkItem(_ => QueueEvent(NativeContract.ConfigTimedOut, destination, 0, opcode, requestHandle, -22, null, 0));
                return NativeContract.Ok;
            }

            TransmitAccess(own, destination, 3, opcode, Copy(parameters, length), deviceKey); // TTL 3 (seed §1.6)
            return NativeContract.Ok;
        }

        private void ConfigurationTimedOut(int destination, int value)
        {
            PendingConfiguration pending;
            lock (_gate)
            {
                if (!_pendingConfiguration.TryGetValue(destination, out pending))
                {
                    return;
                }

                _pendingConfiguration.Remove(destination);
                pending.Timer.Dispose();
            }

            QueueEvent(NativeContract.ConfigTimedOut, destination, 0, pending.Opcode, pending.Handle, value, null, 0);
        }

        private void DeliverConfiguration(NetworkPdu pdu)
        {
            lock (_gate)
            {
                if (pdu.Destination != OwnAddress)
                {
                    return;
                }
            }

            if (StatusOf.ContainsValue(pdu.Opcode) && !StatusOf.ContainsKey(pdu.Opcode))
            {
                ReceiveConfigurationStatus(pdu);
            }
            else if (StatusOf.ContainsKey(pdu.Opcode))
            {
                ServeConfigurationRequest(pdu);
            }
        }

        private void ReceiveConfigurationStatus(NetworkPdu pdu)
        {
            PendingConfiguration pending;
            lock (_gate)
            {
                ProvisionedNodeEntry node = _settings.Nodes.FirstOrDefault(n => n.Address == pdu.Source);
                if (!IsProvisionerRole || node == null || MeshKeys.Id(node.DeviceKey) != pdu.AccessKeyId
                    || !_pendingConfiguration.TryGetValue(pdu.Source, out pending) || StatusOf[pending.Opcode] != pdu.Opcode)
                {
                    return; // not for a request of ours, or a late status after its timeout
                }

                _pendingConfiguration.Remove(pdu.Source);
                pending.Timer.Dispose();
            }

            bool hasStatusField = pdu.Opcode == AppKeyStatus || pdu.Opcode == ModelAppStatus || pdu.Opcode == ModelSubscriptionStatus || pdu.Opcode == ModelPublicationStatus
                || pdu.Opcode == HeartbeatPublicationStatus || pdu.Opcode == HeartbeatSubscriptionStatus;
            int status = hasStatusField && pdu.Parameters.Length > 0 ? pdu.Parameters[0] : 0;
            QueueEvent(NativeContract.ConfigStatusReceived, pdu.Source, 0, pdu.Opcode, pending.Handle, status, pdu.Parameters, pdu.Parameters.Length);
        }

        private void ServeConfigurationRequest(NetworkPdu pdu)
        {
            byte[] p = pdu.Parameters;
            byte[] reply;
            bool changed = false;
            bool reset = false;
            string deviceKey;
            int own;
            lock (_gate)
            {
                if ((_models & NativeContract.ConfigServer) == 0 || !_settings.Provisioned || _settings.DeviceKey == null
                    || MeshKeys.Id(_settings.DeviceKey) != pdu.AccessKeyId)
                {
                    return; // not encrypted with this node's device key
                }

                own = _settings.UnicastAddress;
                deviceKey = _settings.DeviceKey;
                switch (pdu.Opcode)
                {
                    case CompositionDataGet:
                        reply = new byte[] { 0 }.Concat(CompositionDataOverride ?? CompositionPage0()).ToArray();
                        break;
                    case AppKeyAdd when p.Length == 19:
                        int netIndex = p[0] | ((p[1] & 0x0F) << 8);
                        int appIndex = (p[1] >> 4) | (p[2] << 4);
                        string key = Convert.ToHexString(p, 3, 16);
                        int appKeyStatus = netIndex != 0 ? StatusInvalidNetKeyIndex
                            : _settings.AppKey != null && (_settings.AppKeyIndex != appIndex || _settings.AppKey != key) ? StatusKeyIndexAlreadyStored
                            : StatusSuccess;
                        if (appKeyStatus == StatusSuccess && _settings.AppKey == null)
                        {
                            _settings.AppKey = key;
                            _settings.AppKeyIndex = appIndex;
                            changed = true;
                        }

                        reply = new[] { (byte)appKeyStatus, p[0], p[1], p[2] };
                        break;
                    case ModelAppBind when p.Length == 6 || p.Length == 8:
                    {
                        int element = p[0] | (p[1] << 8);
                        int index = p[2] | (p[3] << 8);
                        int model = ModelFlag(p, 4);
                        int bindStatus = element != own ? StatusInvalidAddress
                            : model == 0 || (_models & model) == 0 || model == NativeContract.ConfigServer || model == NativeContract.ConfigClient ? StatusInvalidModel
                            : _settings.AppKey == null || index != _settings.AppKeyIndex ? StatusInvalidAppKeyIndex
                            : StatusSuccess;
                        if (bindStatus == StatusSuccess)
                        {
                            _settings.BoundModels |= model;
                            changed = true;
                        }

                        reply = new[] { (byte)bindStatus }.Concat(p).ToArray();
                        break;
                    }

                    case ModelSubscriptionAdd when p.Length == 6 || p.Length == 8:
                    {
                        int element = p[0] | (p[1] << 8);
                        int group = p[2] | (p[3] << 8);
                        int model = ModelFlag(p, 4);
                        // The emulated Config Server keeps two subscriptions: the vendor server's to the ALL group, the vendor client's to the uplink group.
                        bool all = model == NativeContract.VendorServer && group == AllNodesGroup;
                        bool uplink = model == NativeContract.VendorClient && group == UplinkGroup;
                        int subscribeStatus = element != own ? StatusInvalidAddress
                            : model == 0 || (_models & model) == 0 ? StatusInvalidModel
                            : !all && !uplink ? StatusInsufficientResources
                            : StatusSuccess;
                        if (subscribeStatus == StatusSuccess)
                        {
                            _settings.VendorServerSubscribedToAll |= all;
                            _settings.VendorClientSubscribedToUplink |= uplink;
                            changed = true;
                        }

                        reply = new[] { (byte)subscribeStatus }.Concat(p).ToArray();
                        break;
                    }

                    case ModelPublicationSet when p.Length == 11 || p.Length == 13:
                    {
                        int element = p[0] | (p[1] << 8);
                        int model = ModelFlag(p, 9);
                        int publishStatus = element != own ? StatusInvalidAddress : model != NativeContract.VendorServer || (_models & model) == 0 ? StatusInvalidModel : StatusSuccess;
                        if (publishStatus == StatusSuccess)
                        {
                            _settings.VendorServerPublishAddress = p[2] | (p[3] << 8);
                            changed = true;
                        }

                        reply = new[] { (byte)publishStatus }.Concat(p).ToArray();
                        break;
                    }

                    case RelaySet when p.Length == 2 && p[0] <= 1:
                        _relay = p[0] == 1;
                        _settings.Relay = p[0];
                        _settings.RelayRetransmit = p[1];
                        _relayTransmissions = TransmissionsOf(p[1], 0);
                        changed = true;
                        reply = new[] { p[0], p[1] };
                        break;
                    case NetworkTransmitSet when p.Length == 1:
                        _settings.NetworkTransmit = p[0];
                        _networkTransmissions = TransmissionsOf(p[0], 0);
                        changed = true;
                        reply = new[] { p[0] };
                        break;
                    case DefaultTtlSet when p.Length == 1 && (p[0] == 0 || (p[0] >= 2 && p[0] <= 127)):
                        _defaultTtl = p[0];
                        _settings.DefaultTtl = p[0];
                        changed = true;
                        reply = new[] { p[0] };
                        break;
                    case NodeResetRequest when p.Length == 0:
                        reply = new byte[0];
                        reset = true;
                        break;
                    default:
                        reply = ServeHeartbeatRequest(pdu.Opcode, p); // EmulatedMeshStack.Heartbeat.cs
                        if (reply == null)
                        {
                            return; // malformed: the Config Server drops it
                        }

                        break;
                }

                if (changed)
                {
                    _settings.Save(_board.FlashDirectory);
                }
            }

            TransmitAccess(own, pdu.Source, 0xFF, StatusOf[pdu.Opcode], reply, deviceKey);
            if (changed)
            {
                QueueEvent(NativeContract.ConfigurationChanged, 0, 0, pdu.Opcode, 0, 0, null, 0);
                ConfigurationApplied?.Invoke(pdu.Opcode);
            }

            if (reset)
            {
                ResetNode(); // after the status, as ESP-IDF's config server does
            }
        }

        /// <summary>The model flag (NativeContract bits) of a 2-byte SIG or 4-byte vendor model identifier at <paramref name="offset"/>; 0 when unknown.</summary>
        private static int ModelFlag(byte[] p, int offset)
        {
            int remaining = p.Length - offset;
            if (remaining == 2)
            {
                switch (p[offset] | (p[offset + 1] << 8))
                {
                    case 0x0000: return NativeContract.ConfigServer;
                    case 0x0001: return NativeContract.ConfigClient;
                    case 0x1000: return NativeContract.GenericOnOffServer;
                    case 0x1001: return NativeContract.GenericOnOffClient;
                    default: return 0;
                }
            }

            int company = p[offset] | (p[offset + 1] << 8);
            int id = p[offset + 2] | (p[offset + 3] << 8);
            return company != 0x02E5 ? 0 : id == 0x0001 ? NativeContract.VendorServer : id == 0x0000 ? NativeContract.VendorClient : 0;
        }

        /// <summary>
        /// Composition data page 0 of this node (Mesh Profile §4.2.1.1): CID 0x02E5, PID 0, VID 0, CRPL 72
        /// (CONFIG_BLE_MESH_CRPL), features (relay and proxy supported on nodes; proxy only on the provisioner), then element 0:
        /// location 0, SIG and vendor model counts and identifiers in the order ESP-IDF lists them (dcm_composition_plan).
        /// </summary>
        private byte[] CompositionPage0()
        {
            var sig = new List<int>();
            var vendor = new List<int>();
            if ((_models & NativeContract.ConfigServer) != 0) sig.Add(0x0000);
            if ((_models & NativeContract.ConfigClient) != 0) sig.Add(0x0001);
            if ((_models & NativeContract.GenericOnOffClient) != 0) sig.Add(0x1001);
            if ((_models & NativeContract.GenericOnOffServer) != 0) sig.Add(0x1000);
            if ((_models & NativeContract.VendorServer) != 0) vendor.Add(0x0001);
            if ((_models & NativeContract.VendorClient) != 0) vendor.Add(0x0000);
            int features = IsProvisionerRole ? 0x0002 : 0x0003;
            var page = new List<byte> { 0xE5, 0x02, 0, 0, 0, 0, 72, 0, (byte)features, 0, 0, 0, (byte)sig.Count, (byte)vendor.Count };
            foreach (int id in sig)
            {
                page.Add((byte)id);
                page.Add((byte)(id >> 8));
            }

            foreach (int id in vendor)
            {
                page.AddRange(new byte[] { 0xE5, 0x02, (byte)id, (byte)(id >> 8) });
            }

            return page.ToArray();
        }

        private sealed class PendingConfiguration
        {
            public int Handle;
            public int Opcode;
            public Timer Timer;
        }
    }
}
