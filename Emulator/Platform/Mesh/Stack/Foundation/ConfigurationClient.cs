using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DcMonitor.Emulator.Mesh.Stack.Transport;

namespace DcMonitor.Emulator.Mesh.Stack.Foundation
{
    /// <summary>
    /// The provisioner's Configuration Client model (Mesh Profile 1.0.1 §4.4.2, messages of §4.3.2; parameter formats as in
    /// native-mesh-interop/native/core/dcm_config_codec.c), mirroring Zephyr's subsys/bluetooth/mesh/cfg_cli.c: requests go with
    /// the destination's device key from the node table, one outstanding per destination with a timer; a status is matched back to
    /// the request's handle; an unknown destination fails in the callback with no send, as ESP-IDF does.
    /// </summary>
    internal sealed class ConfigurationClient
    {
        private readonly NodeState _node;
        private readonly IAccessTransport _transport;
        private readonly INativeEventSink _events;
        private readonly Dictionary<int, PendingConfiguration> _pendingConfiguration = new Dictionary<int, PendingConfiguration>();

        /// <summary>Creates the Config Client of <paramref name="node"/>.</summary>
        public ConfigurationClient(NodeState node, IAccessTransport transport, INativeEventSink events)
        {
            _node = node;
            _transport = transport;
            _events = events;
        }

        /// <summary>Drops every outstanding request with its timer, unreported (power off; caller holds the gate).</summary>
        public void CancelAll()
        {
            foreach (PendingConfiguration pending in _pendingConfiguration.Values)
            {
                pending.Timer.Dispose();
            }

            _pendingConfiguration.Clear();
        }

        /// <summary>Native SendConfigRequest: sends with the destination's device key; status or timeout reported with the handle.</summary>
        public int SendRequest(int requestHandle, int destination, int opcode, byte[] parameters, int length, int timeoutMilliseconds)
        {
            if (requestHandle < 1 || requestHandle > 0xFFFF || destination < 1 || destination > 0x7FFF || !ConfigurationMessages.StatusOf.ContainsKey(opcode)
                || length < 0 || length > parameters.Length || timeoutMilliseconds < 100)
            {
                return NativeContract.InvalidArgument;
            }

            string deviceKey;
            int own;
            lock (_node.Gate)
            {
                if (!_node.Started || !_node.ProvisionerReady)
                {
                    return NativeContract.InvalidState;
                }

                if (_pendingConfiguration.ContainsKey(destination))
                {
                    return NativeContract.Busy;
                }

                deviceKey = _node.Settings.Nodes.FirstOrDefault(n => n.Address == destination)?.DeviceKey;
                own = _node.OwnAddress;
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
                ThreadPool.QueueUserWorkItem(_ => _events.QueueEvent(NativeContract.ConfigTimedOut, destination, 0, opcode, requestHandle, -22, null, 0));
                return NativeContract.Ok;
            }

            _transport.SendAccess(own, destination, 3, opcode, parameters.AsSpan(0, length).ToArray(), deviceKey); // TTL 3 (seed §1.6)
            return NativeContract.Ok;
        }

        private void ConfigurationTimedOut(int destination, int value)
        {
            PendingConfiguration pending;
            lock (_node.Gate)
            {
                if (!_pendingConfiguration.TryGetValue(destination, out pending))
                {
                    return;
                }

                _pendingConfiguration.Remove(destination);
                pending.Timer.Dispose();
            }

            _events.QueueEvent(NativeContract.ConfigTimedOut, destination, 0, pending.Opcode, pending.Handle, value, null, 0);
        }

        /// <summary>A configuration status addressed to this node: matched to the outstanding request of its source, reported with that request's handle.</summary>
        public void ReceiveStatus(NetworkPdu pdu)
        {
            PendingConfiguration pending;
            lock (_node.Gate)
            {
                ProvisionedNodeEntry node = _node.Settings.Nodes.FirstOrDefault(n => n.Address == pdu.Source);
                if (!_node.IsProvisionerRole || node == null || MeshKeys.Id(node.DeviceKey) != pdu.AccessKeyId
                    || !_pendingConfiguration.TryGetValue(pdu.Source, out pending) || ConfigurationMessages.StatusOf[pending.Opcode] != pdu.Opcode)
                {
                    return; // not for a request of ours, or a late status after its timeout
                }

                _pendingConfiguration.Remove(pdu.Source);
                pending.Timer.Dispose();
            }

            bool hasStatusField = pdu.Opcode == ConfigurationMessages.AppKeyStatus || pdu.Opcode == ConfigurationMessages.ModelAppStatus || pdu.Opcode == ConfigurationMessages.ModelSubscriptionStatus || pdu.Opcode == ConfigurationMessages.ModelPublicationStatus
                || pdu.Opcode == ConfigurationMessages.HeartbeatPublicationStatus || pdu.Opcode == ConfigurationMessages.HeartbeatSubscriptionStatus
                || pdu.Opcode == ConfigurationMessages.DirectedControlStatus || pdu.Opcode == ConfigurationMessages.ForwardingTableStatus || pdu.Opcode == ConfigurationMessages.ForwardingTableDependentsStatus;
            int status = hasStatusField && pdu.Parameters.Length > 0 ? pdu.Parameters[0] : 0;
            _events.QueueEvent(NativeContract.ConfigStatusReceived, pdu.Source, 0, pdu.Opcode, pending.Handle, status, pdu.Parameters, pdu.Parameters.Length);
        }

        private sealed class PendingConfiguration
        {
            public int Handle;
            public int Opcode;
            public Timer Timer;
        }
    }
}
