using System;
using System.Collections.Generic;
using System.Threading;
using DcMonitor.Emulator.Mesh.Stack.Foundation;
using DcMonitor.Emulator.Mesh.Stack.Transport;

namespace DcMonitor.Emulator.Mesh.Stack.Access
{
    /// <summary>
    /// The access layer of one emulated node (Mesh Profile 1.0.1 §3.7: §3.7.3 access payload and opcodes, §3.7.4 behaviour, §3.7.5
    /// AppKey binding, §3.7.6 publication to the configured address), mirroring Zephyr's subsys/bluetooth/mesh/access.c, with the
    /// models the firmware uses: the vendor server and client (text and binary requests and statuses, reports, uplink commands) and
    /// Generic OnOff server and client (Mesh Model 1.0.1 §3.2.1). Opcodes are dispatched to the bound model (an unbound model hears
    /// nothing and cannot send; a message under an AppKey the node lacks is dropped); device-key messages go to the foundation models
    /// (<see cref="ConfigurationServer"/>, <see cref="ConfigurationClient"/>). Acknowledged client sends keep at most one outstanding
    /// per destination, with a timeout (docs/reference/esp-ble-mesh.md §1); a server reply goes to the request's source from the
    /// node's unicast address, a vendor reply with a TTL scoped to the hops the request took (<see cref="ReplyTtl"/>); vendor replies and
    /// unicast vendor requests are tagged use-directed (along a directed path when the node holds one, Mesh Protocol 1.1).
    /// </summary>
    internal sealed class AccessLayer : IAccessReceiver
    {
        private const int VendorSendText = 0xC002E5;
        private const int VendorStatusText = 0xC102E5;
        private const int VendorSendBinary = 0xC202E5;
        private const int VendorStatusBinary = 0xC302E5;
        private const int OnOffGet = 0x8201;
        private const int OnOffSet = 0x8202;
        private const int OnOffSetUnacknowledged = 0x8203;
        private const int OnOffStatus = 0x8204;
        private const int ReadingReport = 0xC402E5, EnergyReport = 0xC502E5, NodeIdentity = 0xC602E5, BridgeHeartbeat = 0xC702E5, UplinkCommand = 0xC802E5;

        private readonly NodeState _node;
        private readonly IAccessTransport _transport;
        private readonly INativeEventSink _events;
        private readonly ConfigurationServer _configurationServer;
        private readonly ConfigurationClient _configurationClient;
        private readonly Dictionary<int, Timer> _pendingVendor = new Dictionary<int, Timer>();
        private readonly Dictionary<int, Timer> _pendingOnOff = new Dictionary<int, Timer>();
        private readonly Dictionary<int, (int Source, int ReceivedTtl)> _requests = new Dictionary<int, (int Source, int ReceivedTtl)>();
        private int _nextHandle = 1;

        /// <summary>
        /// True (this firmware's glue, dcm_mesh_reply_vendor): a vendor reply's TTL is scoped to the hops its request took
        /// (<see cref="ReplyTtl"/>); false: every reply keeps the Default TTL, as the seed's firmware and ESP-IDF's own reply do.
        /// </summary>
        public bool ScopedVendorReplyTtl { get; set; } = true;

        /// <summary>Creates the access layer of <paramref name="node"/> with its foundation models.</summary>
        public AccessLayer(NodeState node, IAccessTransport transport, INativeEventSink events, ConfigurationServer configurationServer, ConfigurationClient configurationClient)
        {
            _node = node;
            _transport = transport;
            _events = events;
            _configurationServer = configurationServer;
            _configurationClient = configurationClient;
        }

        /// <summary>Native vendor client send; Busy while an acknowledged send to the destination is outstanding.</summary>
        public int SendVendor(int destination, int opcode, byte[] payload, int length, int ttl, bool acknowledged, int timeoutMilliseconds)
        {
            int own;
            lock (_node.Gate)
            {
                if (!_node.CanUse(NativeContract.VendorClient))
                {
                    return NativeContract.InvalidState;
                }

                if (destination == 0)
                {
                    return NativeContract.InvalidArgument;
                }

                own = _node.Settings.UnicastAddress;
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

            // A unicast request is tagged use-directed: along a two-way directed path when the node holds one (dcm_mesh_send_vendor).
            _transport.SendAccess(own, destination, ttl, opcode, Copy(payload, length), useDirected: IsUnicast(destination));
            _events.QueueEvent(NativeContract.VendorSendCompleted, own, destination, opcode, 0, 0, null, 0);
            return NativeContract.Ok;
        }

        /// <summary>Native vendor server reply to a received request, from the own unicast address.</summary>
        public int ReplyVendor(int requestHandle, int opcode, byte[] payload, int length)
        {
            int own;
            (int Source, int ReceivedTtl) request;
            lock (_node.Gate)
            {
                if (!_node.CanUse(NativeContract.VendorServer))
                {
                    return NativeContract.InvalidState;
                }

                if (!_requests.TryGetValue(requestHandle, out request))
                {
                    return NativeContract.InvalidArgument;
                }

                _requests.Remove(requestHandle);
                own = _node.Settings.UnicastAddress;
            }

            // From the unicast, never from the group (seed §4.3); only as far as the request came; tagged use-directed, so it follows a
            // directed path to the requester when the node holds one, and floods otherwise (dcm_mesh_reply_vendor).
            _transport.SendAccess(own, request.Source, ScopedVendorReplyTtl ? ReplyTtl.For(request.ReceivedTtl) : ReplyTtl.Default, opcode, Copy(payload, length), useDirected: true);
            return NativeContract.Ok;
        }

        /// <summary>Native vendor server publication to the configured publish address; InvalidState while unset.</summary>
        public int PublishVendor(int opcode, byte[] payload, int length)
        {
            int own;
            int destination;
            lock (_node.Gate)
            {
                if (!_node.CanUse(NativeContract.VendorServer) || _node.Settings.VendorServerPublishAddress == 0)
                {
                    return NativeContract.InvalidState;
                }

                own = _node.Settings.UnicastAddress;
                destination = _node.Settings.VendorServerPublishAddress;
            }

            _transport.SendAccess(own, destination, 0xFF, opcode, Copy(payload, length));
            return NativeContract.Ok;
        }

        /// <summary>Native Generic OnOff client Set.</summary>
        public int SendOnOff(int destination, bool on, bool acknowledged, int ttl, int timeoutMilliseconds)
        {
            int own;
            lock (_node.Gate)
            {
                if (!_node.CanUse(NativeContract.GenericOnOffClient))
                {
                    return NativeContract.InvalidState;
                }

                own = _node.Settings.UnicastAddress;
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

            _transport.SendAccess(own, destination, ttl, acknowledged ? OnOffSet : OnOffSetUnacknowledged, new[] { (byte)(on ? 1 : 0), (byte)0 });
            return NativeContract.Ok;
        }

        /// <summary>Native Generic OnOff server Status answering a Set or Get.</summary>
        public int ReplyOnOff(int requestHandle, bool presentState)
        {
            int own;
            (int Source, int ReceivedTtl) request;
            lock (_node.Gate)
            {
                if (!_node.CanUse(NativeContract.GenericOnOffServer) || !_requests.TryGetValue(requestHandle, out request))
                {
                    return NativeContract.InvalidArgument;
                }

                _requests.Remove(requestHandle);
                own = _node.Settings.UnicastAddress;
            }

            _transport.SendAccess(own, request.Source, ReplyTtl.Default, OnOffStatus, new[] { (byte)(presentState ? 1 : 0) });
            return NativeContract.Ok;
        }

        /// <inheritdoc/>
        public void DeliverAccess(NetworkPdu pdu)
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

            lock (_node.Gate)
            {
                if (pdu.AccessKeyId != MeshKeys.Id(_node.Settings.AppKey))
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
                        _events.QueueEvent(NativeContract.VendorMessageReceived, source, destination, opcode, NewRequest(source, pdu.Ttl), 0, parameters, parameters.Length);
                    }

                    break;
                case VendorStatusText:
                case VendorStatusBinary:
                    if (Bound(NativeContract.VendorClient) && destination == OwnUnicastAddress)
                    {
                        CancelPending(_pendingVendor, source);
                        _events.QueueEvent(NativeContract.VendorMessageReceived, source, destination, opcode, 0, 0, parameters, parameters.Length);
                    }
                    else if (Bound(NativeContract.VendorClient) && destination >= NodeState.AllNodesGroup)
                    {
                        // a status published to a group (a node's battery reading to the uplink group, docs/battery-monitor.md) matches no
                        // request: the device's stack hands it up as a client publication (dcm_mesh_models.c, client_recv_publish_msg)
                        _events.QueueEvent(NativeContract.VendorMessageReceived, source, destination, opcode, 0, 0, parameters, parameters.Length);
                    }

                    break;
                case UplinkCommand:
                    if (Bound(NativeContract.VendorServer) && parameters.Length >= 3)
                    {
                        _events.QueueEvent(NativeContract.VendorMessageReceived, source, destination, opcode, 0, 0, parameters, parameters.Length); // no reply expected
                    }

                    break;
                case ReadingReport when parameters.Length >= 8:
                case EnergyReport when parameters.Length >= 6:
                case NodeIdentity when parameters.Length >= 6:
                case BridgeHeartbeat when parameters.Length >= 2:
                    if (Bound(NativeContract.VendorClient) && (destination == OwnUnicastAddress || destination >= NodeState.AllNodesGroup))
                    {
                        _events.QueueEvent(NativeContract.VendorMessageReceived, source, destination, opcode, 0, 0, parameters, parameters.Length);
                    }

                    break;
                case OnOffSet:
                case OnOffSetUnacknowledged:
                case OnOffGet:
                    if (Bound(NativeContract.GenericOnOffServer) && parameters.Length >= (opcode == OnOffGet ? 0 : 2))
                    {
                        int handle = opcode == OnOffSetUnacknowledged ? 0 : NewRequest(source, pdu.Ttl);
                        _events.QueueEvent(NativeContract.OnOffServerMessage, source, destination, opcode, handle, opcode == OnOffGet ? -1 : parameters[0], null, 0);
                    }

                    break;
                case OnOffStatus:
                    if (Bound(NativeContract.GenericOnOffClient) && parameters.Length >= 1)
                    {
                        CancelPending(_pendingOnOff, source);
                        _events.QueueEvent(NativeContract.OnOffStatusReceived, source, destination, opcode, 0, parameters[0], null, 0);
                    }

                    break;
            }
        }

        private void VendorTimedOut(int destination, int opcode)
        {
            if (CancelPending(_pendingVendor, destination))
            {
                _events.QueueEvent(NativeContract.VendorSendTimedOut, OwnUnicastAddress, destination, opcode, 0, 0, null, 0);
            }
        }

        private void OnOffTimedOut(int destination)
        {
            if (CancelPending(_pendingOnOff, destination))
            {
                _events.QueueEvent(NativeContract.OnOffTimedOut, OwnUnicastAddress, destination, OnOffSet, 0, 0, null, 0);
            }
        }

        /// <summary>Drops every outstanding vendor and OnOff request with its timer, unreported (caller holds the gate).</summary>
        public void CancelPendingRequests()
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
        }

        private bool CancelPending(Dictionary<int, Timer> pending, int destination)
        {
            lock (_node.Gate)
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

        /// <summary>Keeps a received request's source and received TTL under a new reply handle (native: dcm_reply_table).</summary>
        private int NewRequest(int source, int receivedTtl)
        {
            lock (_node.Gate)
            {
                int handle = _nextHandle;
                _nextHandle = _nextHandle == 0xFFFF ? 1 : _nextHandle + 1;
                if (_requests.Count >= 256)
                {
                    _requests.Clear(); // unanswered requests expire
                }

                _requests[handle] = (source, receivedTtl);

                return handle;
            }
        }

        /// <summary>True when <paramref name="model"/> can send and receive (takes the gate).</summary>
        private bool Bound(int model)
        {
            lock (_node.Gate)
            {
                return _node.CanUse(model);
            }
        }

        private static bool IsUnicast(int address) => address > 0 && address < 0x8000;

        private static byte[] Copy(byte[] payload, int length)
        {
            byte[] copy = new byte[length];
            if (length > 0)
            {
                Array.Copy(payload, copy, length);
            }

            return copy;
        }

        /// <summary>A configuration message (device key): to this node's Config Client when it is a status, to its Config Server when a request.</summary>
        private void DeliverConfiguration(NetworkPdu pdu)
        {
            lock (_node.Gate)
            {
                if (pdu.Destination != _node.OwnAddress)
                {
                    return;
                }
            }

            if (ConfigurationMessages.StatusOf.ContainsValue(pdu.Opcode) && !ConfigurationMessages.StatusOf.ContainsKey(pdu.Opcode))
            {
                _configurationClient.ReceiveStatus(pdu);
            }
            else if (ConfigurationMessages.StatusOf.ContainsKey(pdu.Opcode))
            {
                _configurationServer.ServeRequest(pdu);
            }
        }

        /// <summary>Own unicast address, 0 while there is none (takes the gate).</summary>
        private int OwnUnicastAddress
        {
            get
            {
                lock (_node.Gate)
                {
                    return _node.OwnAddress;
                }
            }
        }
    }
}
