using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Emulator.Mesh.Stack.Heartbeat;
using DcMonitor.Emulator.Mesh.Stack.Transport;

namespace DcMonitor.Emulator.Mesh.Stack.Foundation
{
    /// <summary>
    /// Every node's Configuration Server model (Mesh Profile 1.0.1 §4.4.1, messages of §4.3.2, composition data §4.2.1; parameter
    /// formats as in native-mesh-interop/native/core/dcm_config_codec.c), mirroring Zephyr's subsys/bluetooth/mesh/cfg_srv.c:
    /// composition data page 0, AppKey Add, Model App Bind, Model Subscription Add, Model Publication Set, Relay Set, Network Transmit Set, Default TTL
    /// Set, Node Reset, the heartbeat messages (served by <see cref="HeartbeatLayer"/>) and, on a node with the DF server model, the
    /// directed forwarding messages the provisioner sends (served by <see cref="DirectedForwardingServer"/>). It persists what it changes and raises
    /// ConfigurationChanged as ESP-IDF's config server callback does; a malformed request is dropped unanswered.
    /// </summary>
    internal sealed class ConfigurationServer
    {
        private readonly NodeState _node;
        private readonly IAccessTransport _transport;
        private readonly HeartbeatLayer _heartbeat;
        private readonly INativeEventSink _events;
        private readonly Action _resetNode;
        private readonly DirectedForwardingServer _directedForwarding;

        /// <summary>Creates the Config Server of <paramref name="node"/>; <paramref name="resetNode"/> performs a local node reset (after a Node Reset's status).</summary>
        public ConfigurationServer(NodeState node, IAccessTransport transport, HeartbeatLayer heartbeat, INativeEventSink events, Action resetNode)
        {
            _node = node;
            _transport = transport;
            _heartbeat = heartbeat;
            _events = events;
            _resetNode = resetNode;
            _directedForwarding = new DirectedForwardingServer(node);
        }

        /// <summary>Raised (on the receiving thread) after a change was applied, with the request's opcode.</summary>
        public event Action<int> Applied;

        /// <summary>Fault injection: page 0 this Config Server answers instead of the real composition (null = the real one).</summary>
        public byte[] CompositionDataOverride { get; set; }

        /// <summary>A configuration request addressed to this node: applied when encrypted with its device key and well formed, answered with its status.</summary>
        public void ServeRequest(NetworkPdu pdu)
        {
            byte[] p = pdu.Parameters;
            byte[] reply;
            bool changed = false;
            bool reset = false;
            string deviceKey;
            int own;
            lock (_node.Gate)
            {
                if ((_node.Models & NativeContract.ConfigServer) == 0 || !_node.Settings.Provisioned || _node.Settings.DeviceKey == null
                    || MeshKeys.Id(_node.Settings.DeviceKey) != pdu.AccessKeyId)
                {
                    return; // not encrypted with this node's device key
                }

                own = _node.Settings.UnicastAddress;
                deviceKey = _node.Settings.DeviceKey;
                switch (pdu.Opcode)
                {
                    case ConfigurationMessages.CompositionDataGet:
                        reply = new byte[] { 0 }.Concat(CompositionDataOverride ?? CompositionPage0()).ToArray();
                        break;
                    case ConfigurationMessages.AppKeyAdd when p.Length == 19:
                        int netIndex = p[0] | ((p[1] & 0x0F) << 8);
                        int appIndex = (p[1] >> 4) | (p[2] << 4);
                        string key = Convert.ToHexString(p, 3, 16);
                        int appKeyStatus = netIndex != 0 ? ConfigurationMessages.StatusInvalidNetKeyIndex
                            : _node.Settings.AppKey != null && (_node.Settings.AppKeyIndex != appIndex || _node.Settings.AppKey != key) ? ConfigurationMessages.StatusKeyIndexAlreadyStored
                            : ConfigurationMessages.StatusSuccess;
                        if (appKeyStatus == ConfigurationMessages.StatusSuccess && _node.Settings.AppKey == null)
                        {
                            _node.Settings.AppKey = key;
                            _node.Settings.AppKeyIndex = appIndex;
                            changed = true;
                        }

                        reply = new[] { (byte)appKeyStatus, p[0], p[1], p[2] };
                        break;
                    case ConfigurationMessages.ModelAppBind when p.Length == 6 || p.Length == 8:
                    {
                        int element = p[0] | (p[1] << 8);
                        int index = p[2] | (p[3] << 8);
                        int model = ModelFlag(p, 4);
                        int bindStatus = element != own ? ConfigurationMessages.StatusInvalidAddress
                            : model == 0 || (_node.Models & model) == 0 || (model & NativeContract.DeviceKeyModels) != 0 ? ConfigurationMessages.StatusInvalidModel
                            : _node.Settings.AppKey == null || index != _node.Settings.AppKeyIndex ? ConfigurationMessages.StatusInvalidAppKeyIndex
                            : ConfigurationMessages.StatusSuccess;
                        if (bindStatus == ConfigurationMessages.StatusSuccess)
                        {
                            _node.Settings.BoundModels |= model;
                            changed = true;
                        }

                        reply = new[] { (byte)bindStatus }.Concat(p).ToArray();
                        break;
                    }

                    case ConfigurationMessages.ModelSubscriptionAdd when p.Length == 6 || p.Length == 8:
                    {
                        int element = p[0] | (p[1] << 8);
                        int group = p[2] | (p[3] << 8);
                        int model = ModelFlag(p, 4);
                        // The emulated Config Server keeps two subscriptions: the vendor server's to the ALL group, the vendor client's to the uplink group.
                        bool all = model == NativeContract.VendorServer && group == NodeState.AllNodesGroup;
                        bool uplink = model == NativeContract.VendorClient && group == NodeState.UplinkGroup;
                        int subscribeStatus = element != own ? ConfigurationMessages.StatusInvalidAddress
                            : model == 0 || (_node.Models & model) == 0 ? ConfigurationMessages.StatusInvalidModel
                            : !all && !uplink ? ConfigurationMessages.StatusInsufficientResources
                            : ConfigurationMessages.StatusSuccess;
                        if (subscribeStatus == ConfigurationMessages.StatusSuccess)
                        {
                            _node.Settings.VendorServerSubscribedToAll |= all;
                            _node.Settings.VendorClientSubscribedToUplink |= uplink;
                            changed = true;
                        }

                        reply = new[] { (byte)subscribeStatus }.Concat(p).ToArray();
                        break;
                    }

                    case ConfigurationMessages.ModelPublicationSet when p.Length == 11 || p.Length == 13:
                    {
                        int element = p[0] | (p[1] << 8);
                        int model = ModelFlag(p, 9);
                        int publishStatus = element != own ? ConfigurationMessages.StatusInvalidAddress : model != NativeContract.VendorServer || (_node.Models & model) == 0 ? ConfigurationMessages.StatusInvalidModel : ConfigurationMessages.StatusSuccess;
                        if (publishStatus == ConfigurationMessages.StatusSuccess)
                        {
                            _node.Settings.VendorServerPublishAddress = p[2] | (p[3] << 8);
                            changed = true;
                        }

                        reply = new[] { (byte)publishStatus }.Concat(p).ToArray();
                        break;
                    }

                    case ConfigurationMessages.RelaySet when p.Length == 2 && p[0] <= 1:
                        _node.Relay = p[0] == 1;
                        _node.Settings.Relay = p[0];
                        _node.Settings.RelayRetransmit = p[1];
                        _node.RelayTransmissions = NodeState.TransmissionsOf(p[1], 0);
                        changed = true;
                        reply = new[] { p[0], p[1] };
                        break;
                    case ConfigurationMessages.NetworkTransmitSet when p.Length == 1:
                        _node.Settings.NetworkTransmit = p[0];
                        _node.NetworkTransmissions = NodeState.TransmissionsOf(p[0], 0);
                        changed = true;
                        reply = new[] { p[0] };
                        break;
                    case ConfigurationMessages.DefaultTtlSet when p.Length == 1 && (p[0] == 0 || (p[0] >= 2 && p[0] <= 127)):
                        _node.DefaultTtl = p[0];
                        _node.Settings.DefaultTtl = p[0];
                        changed = true;
                        reply = new[] { p[0] };
                        break;
                    case ConfigurationMessages.NodeResetRequest when p.Length == 0:
                        reply = new byte[0];
                        reset = true;
                        break;
                    default:
                        reply = _heartbeat.ServeRequest(pdu.Opcode, p) ?? _directedForwarding.ServeRequest(pdu.Opcode, p, out changed);
                        if (reply == null)
                        {
                            return; // malformed: the Config Server drops it
                        }

                        break;
                }

                if (changed)
                {
                    _node.Save();
                }
            }

            _transport.SendAccess(own, pdu.Source, 0xFF, ConfigurationMessages.StatusOf[pdu.Opcode], reply, deviceKey);
            if (changed)
            {
                _events.QueueEvent(NativeContract.ConfigurationChanged, 0, 0, pdu.Opcode, 0, 0, null, 0);
                Applied?.Invoke(pdu.Opcode);
            }

            if (reset)
            {
                _resetNode(); // after the status, as ESP-IDF's config server does
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
                    case 0x0006: return NativeContract.DirectedForwardingServer;
                    case 0x0007: return NativeContract.DirectedForwardingClient;
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
        /// location 0, SIG and vendor model counts (the Directed Forwarding Configuration Server 0x0006 and Client 0x0007 after the Config
        /// models) and identifiers in the order ESP-IDF lists them (dcm_composition_plan).
        /// </summary>
        private byte[] CompositionPage0()
        {
            var sig = new List<int>();
            var vendor = new List<int>();
            if ((_node.Models & NativeContract.ConfigServer) != 0) sig.Add(0x0000);
            if ((_node.Models & NativeContract.ConfigClient) != 0) sig.Add(0x0001);
            if ((_node.Models & NativeContract.DirectedForwardingServer) != 0) sig.Add(0x0006);
            if ((_node.Models & NativeContract.DirectedForwardingClient) != 0) sig.Add(0x0007);
            if ((_node.Models & NativeContract.GenericOnOffClient) != 0) sig.Add(0x1001);
            if ((_node.Models & NativeContract.GenericOnOffServer) != 0) sig.Add(0x1000);
            if ((_node.Models & NativeContract.VendorServer) != 0) vendor.Add(0x0001);
            if ((_node.Models & NativeContract.VendorClient) != 0) vendor.Add(0x0000);
            int features = _node.IsProvisionerRole ? 0x0002 : 0x0003;
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

    }
}
