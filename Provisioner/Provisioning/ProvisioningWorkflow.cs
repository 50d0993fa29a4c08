using System;
using System.Collections;
using DcMonitor.MeshInterop;
using DcMonitor.Provisioner.Keys;
using DcMonitor.Provisioner.Storage;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Provisioning;
using DcMonitor.Shared.Runtime;

namespace DcMonitor.Provisioner.Provisioning
{
    /// <summary>
    /// From power-on to a configured mesh (seed §6 with its bugs fixed, B23-B26): admits matching devices one at a time at the
    /// address the registry gives their UUID, then walks each provisioned node through its configuration steps
    /// (<see cref="ConfigurationStep"/>) one confirmed status at a time. Paced: a node that no configuration has changed yet is served
    /// before the others, and the next device is admitted only once no such node waits (one backing off after a failure does not hold
    /// admissions up), so a newly provisioned node gets its Relay state (<see cref="ConfigurationStep.RelayState"/>) within a second or
    /// two, long before its <see cref="OrphanWatch"/> would reset it, and the mesh never grows with every new node relaying
    /// (docs/provisioning.md, "Pacing"). Every request has a timeout (the stack's) and up to
    /// <see cref="AttemptsPerStep"/> attempts; then the node is marked failed with the reason and retried after a back-off.
    /// The registry is saved after every change, so a power cut at any point resumes where it was: config steps are
    /// idempotent (AppKey Add with the same key, a repeated bind or subscription succeed).
    /// <para>Threads: mesh events are copied on the event thread and handled on the work queue; everything else runs on the
    /// work queue, so no state is shared between threads.</para>
    /// </summary>
    public sealed class ProvisioningWorkflow
    {
        /// <summary>Response timeout of a config request, ms (ESP-IDF's CONFIG_BLE_MESH_CLIENT_MSG_TIMEOUT, seed §6).</summary>
        public const int ConfigTimeoutMilliseconds = 4000;

        /// <summary>Attempts of one step before the node is marked failed.</summary>
        public const int AttemptsPerStep = 3;

        /// <summary>Back-off before a failed node is tried again, per failure, ms (capped at <see cref="MaximumBackoffMilliseconds"/>).</summary>
        public const int BackoffMilliseconds = 5000;

        /// <summary>Longest back-off, ms.</summary>
        public const int MaximumBackoffMilliseconds = 60000;

        /// <summary>ProvisioningFailed reason of a link closed with Fail (ESP-IDF CLOSE_REASON_FAILED, PB-ADV Link Close reason 0x02, Mesh Profile 1.0.1 §5.3.1.3).</summary>
        private const int LinkClosedWithFail = 2;

        /// <summary>Longest wait for the outcome of an admission, ms (a PB-ADV link times out well before).</summary>
        public const int AdmissionGuardMilliseconds = 30000;

        private static readonly byte[] UuidPrefix = new byte[] { 0xDD, 0xDD };

        private readonly MeshNode _mesh;
        private readonly WorkQueue _queue;
        private readonly RegistryStore _store;
        private readonly NetworkKeys _keys;
        private readonly NodeLog _log;
        private readonly Hashtable _retryAt = new Hashtable();
        private readonly Hashtable _attempts = new Hashtable(); // address → attempts made on the node's current step
        private NodeRegistry _registry;
        private bool _ready;
        private byte[] _admitting;
        private ScheduledWork _admissionGuard;
        private int _pendingHandle;
        private int _pendingAddress;
        private int _pendingStep;
        private int _attempt;
        private int _nextHandle;
        private ScheduledWork _retry;

        /// <summary>Builds the workflow over a started provisioner stack.</summary>
        public ProvisioningWorkflow(MeshNode mesh, WorkQueue queue, RegistryStore store, NetworkKeys keys, NodeLog log)
        {
            _mesh = mesh;
            _queue = queue;
            _store = store;
            _keys = keys;
            _log = log;
            _registry = store.Load();
        }

        /// <summary>The registry (work queue only).</summary>
        public NodeRegistry Registry
        {
            get { return _registry; }
        }

        /// <summary>True when ready, no admission or configuration request is outstanding and every provisioned node is fully configured (work queue).</summary>
        public bool IsIdle
        {
            get
            {
                if (!_ready || _admitting != null || _pendingHandle != 0)
                {
                    return false;
                }

                for (int i = 0; i < _registry.Count; i++)
                {
                    ProvisionedNode node = _registry.NodeAt(i);
                    if (node.Provisioned && !node.FullyConfigured)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// Unicast addresses the last relay plan turned Relay on for (<see cref="RelayPlanner"/> sets it; empty before the first plan):
        /// the Relay state <see cref="ConfigurationStep.RelayState"/> gives a node admitted again. Work queue only.
        /// </summary>
        public int[] PlannedRelays { get; set; } = new int[0];

        /// <summary>A config request handle no other request of this provisioner uses (1–65535; work queue): the relay planner shares the stack.</summary>
        public int AllocateHandle()
        {
            return NextHandle();
        }

        /// <summary>True once the stack's keys are in place and scanning runs.</summary>
        public bool IsReady
        {
            get { return _ready; }
        }

        /// <summary>Subscribes to mesh events and asks the stack for the provisioner role (work queue).</summary>
        public void Start()
        {
            _mesh.EventReceived += OnMeshEvent;
            MeshResult result = _mesh.EnableProvisioner(_keys.NetKey, _keys.AppKey, UuidPrefix, UuidPrefix.Length, _keys.StaticOob);
            if (result != MeshResult.Ok)
            {
                _log.Write("provisioner", "provisioner role refused by the stack: " + ResultName(result));
            }

            _mesh.DrainEvents();
        }

        /// <summary>Forgets a node: registry and the stack's node table; its address becomes free (work queue).</summary>
        public bool Forget(ProvisionedNode node)
        {
            _mesh.DeleteProvisionedNode(node.Uuid);
            bool removed = _registry.Remove(node);
            _retryAt.Remove(node.Address);
            _attempts.Remove(node.Address);
            if (_pendingAddress == node.Address)
            {
                _pendingAddress = 0;
                _pendingHandle = 0;
            }

            _store.Save(_registry);
            return removed;
        }

        /// <summary>Asks a node to reset itself (Config Node Reset); it is admitted again at the same address and configured anew (work queue).</summary>
        public MeshResult Reprovision(ProvisionedNode node)
        {
            MeshResult result = _mesh.SendConfigRequest(NextHandle(), node.Address, MeshConfigMessages.NodeReset, null, ConfigTimeoutMilliseconds);
            if (result == MeshResult.Ok)
            {
                node.Provisioned = false;
                node.RestartConfiguration();
                _store.Save(_registry);
            }

            return result;
        }

        private void OnMeshEvent(MeshEvent meshEvent)
        {
            var copy = new ReceivedMeshEvent(meshEvent);
            _queue.Post(delegate { Handle(copy); });
        }

        private void Handle(ReceivedMeshEvent e)
        {
            switch (e.Kind)
            {
                case MeshEventKind.ProvisionerReady:
                    OnReady(e);
                    break;
                case MeshEventKind.DeviceDiscovered:
                    OnDiscovered(e.Payload);
                    break;
                case MeshEventKind.DeviceProvisioned:
                    OnProvisioned(e);
                    break;
                case MeshEventKind.ProvisioningFailed:
                    OnProvisioningFailed(e);
                    break;
                case MeshEventKind.ConfigStatusReceived:
                    OnStatus(e);
                    break;
                case MeshEventKind.ConfigTimedOut:
                    OnTimeout(e);
                    break;
                case MeshEventKind.EventsLost:
                    _log.Write("mesh", e.Value.ToString() + " mesh events lost (queue full); pending requests time out and are retried");
                    break;
            }
        }

        private void OnReady(ReceivedMeshEvent e)
        {
            if (e.Value != 0)
            {
                _log.Write("provisioner", "stack refused the provisioner role at step " + e.Opcode.ToString() + " (error " + e.Value.ToString() + ")");
                return;
            }

            Reconcile();
            _ready = true;
            _log.Write("provisioner", "ready: NetKey " + NetworkKeys.Fingerprint(_keys.NetKey) + ", AppKey " + NetworkKeys.Fingerprint(_keys.AppKey)
                + " (fingerprints), " + _registry.Count.ToString() + " nodes known; scanning for DD DD devices");
            ConfigureNext();
        }

        /// <summary>Makes the registry agree with the stack's node table, which the stack keeps in flash with the device keys.</summary>
        private void Reconcile()
        {
            byte[] record = new byte[MeshProvisioning.NodeRecordLength];
            ArrayList inStack = new ArrayList();
            for (int i = 0; _mesh.ReadProvisionedNode(i, record); i++)
            {
                byte[] uuid = MeshProvisioning.UuidOf(record);
                int address = record[16] | (record[17] << 8);
                inStack.Add(uuid);
                ProvisionedNode node = _registry.FindByUuid(uuid);
                if (node == null)
                {
                    ProvisionedNode other = _registry.FindByAddress(address);
                    if (other != null)
                    {
                        _registry.Remove(other); // the stack's table is the truth about who holds an address
                    }

                    node = new ProvisionedNode(uuid, address);
                    _registry.Add(node);
                    _log.Write("registry", "node 0x" + address.ToString("X4") + " recovered from the stack's node table; its configuration is checked again");
                }
                else
                {
                    _registry.MoveTo(node, address);
                }

                node.Elements = record[18];
                node.Provisioned = true;
            }

            for (int i = 0; i < _registry.Count; i++)
            {
                ProvisionedNode node = _registry.NodeAt(i);
                if (node.Provisioned && !Contains(inStack, node.Uuid))
                {
                    node.Provisioned = false; // the stack does not know it: it is admitted again when it beacons
                    node.RestartConfiguration();
                }
            }

            _store.Save(_registry);
        }

        private void OnDiscovered(byte[] record)
        {
            if (!_ready || _admitting != null || AwaitsFirstChange())
            {
                return; // one device at a time, and only once the last one has its Relay state; it beacons again
            }

            byte[] uuid = MeshProvisioning.UuidOf(record);
            ProvisionedNode node = _registry.FindByUuid(uuid);
            if (node != null && IsBackingOff(node.Address))
            {
                return;
            }

            if (node == null)
            {
                int address = _registry.NextFreeAddress();
                if (address < 0)
                {
                    _log.Write("provisioner", "registry full: device " + NodeRegistry.Hex(uuid) + " not admitted");
                    return;
                }

                node = new ProvisionedNode(uuid, address);
                _registry.Add(node);
            }
            else if (node.Provisioned)
            {
                _log.Write("provisioner", "node " + node.NodeId.ToString() + " advertises as unprovisioned again: it was reset; admitting it at its address 0x" + node.Address.ToString("X4"));
            }

            node.Provisioned = false;
            node.RestartConfiguration();
            _store.Save(_registry); // the address is reserved before the stack hands it out
            MeshResult result = _mesh.ProvisionDevice(record, node.Address);
            if (result != MeshResult.Ok)
            {
                Fail(node, "admission refused: " + ResultName(result));
                return;
            }

            _admitting = uuid;
            _admissionGuard = _queue.PostDelayed(AdmissionGuardMilliseconds, delegate
            {
                if (_admitting != null && NodeRegistry.SameBytes(_admitting, uuid))
                {
                    _admitting = null;
                    Fail(node, "admission got no outcome");
                }
            });
            _log.Write("provisioner", "admitting device " + NodeRegistry.Hex(uuid) + " as node " + node.NodeId.ToString() + " (0x" + node.Address.ToString("X4") + ")");
        }

        private void OnProvisioned(ReceivedMeshEvent e)
        {
            EndAdmission();
            byte[] uuid = MeshProvisioning.UuidOf(e.Payload);
            ProvisionedNode node = _registry.FindByUuid(uuid);
            if (node == null)
            {
                node = new ProvisionedNode(uuid, e.Source);
                _registry.Add(node);
            }

            _registry.MoveTo(node, e.Source); // the stack's choice (it keeps a known UUID's previous address)
            node.Elements = e.Value;
            node.Provisioned = true;
            node.RestartConfiguration();
            _retryAt.Remove(node.Address);
            _attempts.Remove(node.Address);
            _store.Save(_registry);
            _log.Write("provisioner", "node " + node.NodeId.ToString() + " provisioned at 0x" + node.Address.ToString("X4"));
            ConfigureNext();
        }

        private void OnProvisioningFailed(ReceivedMeshEvent e)
        {
            EndAdmission();
            ProvisionedNode node = _registry.FindByUuid(MeshProvisioning.UuidOf(e.Payload));
            if (node != null)
            {
                if (e.Value == LinkClosedWithFail)
                {
                    _log.Write("provisioner", "node " + node.NodeId.ToString() + " closed the link with Fail: a device whose static OOB secret ('oob' on its console)"
                        + " differs from " + NetworkKeys.StaticOobPath + ", or is set while that file is not, fails the confirmation (docs/provisioning.md)");
                }

                Fail(node, "provisioning failed (" + e.Value.ToString() + ")");
            }

            ConfigureNext();
        }

        /// <summary>
        /// Sends the next step of the first node that needs one, unless a request is outstanding: first among the nodes no configuration
        /// has changed yet (their <see cref="OrphanWatch"/> runs), then among the others.
        /// </summary>
        private void ConfigureNext()
        {
            if (!_ready || _pendingHandle != 0)
            {
                return;
            }

            if (!ConfigureFirst(true))
            {
                ConfigureFirst(false);
            }
        }

        /// <summary>Sends the next step of the first node needing one (only untouched nodes when <paramref name="untouchedOnly"/>); true when one was sent.</summary>
        private bool ConfigureFirst(bool untouchedOnly)
        {
            for (int i = 0; i < _registry.Count; i++)
            {
                ProvisionedNode node = _registry.NodeAt(i);
                if (!node.Provisioned || node.FullyConfigured || (untouchedOnly && !Untouched(node)) || IsBackingOff(node.Address))
                {
                    continue;
                }

                int step = ConfigurationStep.Next(node.StepsRequired, node.StepsDone);
                if (step != 0)
                {
                    object made = _attempts[node.Address]; // kept per node: serving an untouched node first does not restart another's count
                    Send(node, step, made == null ? 1 : (int)made + 1);
                    return true;
                }
            }

            return false;
        }

        /// <summary>True while an admitted node that no configuration has changed yet waits for its step (nodes backing off after a failure do not count).</summary>
        private bool AwaitsFirstChange()
        {
            for (int i = 0; i < _registry.Count; i++)
            {
                ProvisionedNode node = _registry.NodeAt(i);
                if (node.Provisioned && !node.FullyConfigured && Untouched(node) && !IsBackingOff(node.Address))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when no step that changes the node is confirmed yet (at most its composition was read): its orphan watch runs.</summary>
        private static bool Untouched(ProvisionedNode node)
        {
            return (node.StepsDone & ~ConfigurationStep.Composition) == 0;
        }

        /// <summary>True when the last relay plan selected the node at <paramref name="address"/>.</summary>
        private bool IsPlannedRelay(int address)
        {
            int[] relays = PlannedRelays;
            for (int i = 0; i < relays.Length; i++)
            {
                if (relays[i] == address)
                {
                    return true;
                }
            }

            return false;
        }

        private void Send(ProvisionedNode node, int step, int attempt)
        {
            ConfigurationRequest request = ConfigurationRequest.For(step, node.Address, _keys.AppKey, IsPlannedRelay(node.Address));
            int handle = NextHandle();
            MeshResult result = _mesh.SendConfigRequest(handle, node.Address, request.Opcode, request.Parameters, ConfigTimeoutMilliseconds);
            if (result == MeshResult.Busy)
            {
                _retry = _queue.PostDelayed(500, ConfigureNext);
                return;
            }

            _pendingAddress = node.Address;
            _pendingStep = step;
            _attempt = attempt;
            _attempts[node.Address] = attempt;
            if (result != MeshResult.Ok)
            {
                StepFailed(node, "request refused: " + ResultName(result));
                return;
            }

            _pendingHandle = handle;
        }

        private void OnStatus(ReceivedMeshEvent e)
        {
            if (e.RequestHandle != _pendingHandle || _pendingHandle == 0)
            {
                return; // a reset's status, or an old request's
            }

            _pendingHandle = 0;
            ProvisionedNode node = _registry.FindByAddress(_pendingAddress);
            if (node == null)
            {
                ConfigureNext();
                return;
            }

            if (_pendingStep == ConfigurationStep.Composition)
            {
                try
                {
                    CompositionData composition = CompositionData.Parse(e.Payload, 1, e.Payload.Length - 1);
                    node.Models = composition.Models;
                    node.IsRelayNode = composition.IsRelayNode;
                    node.Elements = composition.ElementCount;
                    if (!composition.RelaySupported)
                    {
                        node.StepsDone |= ConfigurationStep.RelayState; // no Relay feature: nothing to set
                    }
                }
                catch (ArgumentException exception)
                {
                    Fail(node, "malformed composition: " + exception.Message);
                    ConfigureNext();
                    return;
                }
            }
            else if (e.Value != 0)
            {
                StepFailed(node, ConfigurationStep.Name(_pendingStep) + " refused with status " + e.Value.ToString());
                return;
            }

            node.StepsDone |= _pendingStep;
            node.Failures = 0;
            node.LastFailure = "";
            _attempt = 0;
            _attempts.Remove(node.Address);
            _store.Save(_registry);
            if (node.FullyConfigured)
            {
                _log.Write("provisioner", "node " + node.NodeId.ToString() + " (0x" + node.Address.ToString("X4") + ", " + (node.IsRelayNode ? "relay" : "universal")
                    + ") fully configured");
            }

            ConfigureNext();
        }

        private void OnTimeout(ReceivedMeshEvent e)
        {
            if (e.RequestHandle != _pendingHandle || _pendingHandle == 0)
            {
                return;
            }

            _pendingHandle = 0;
            ProvisionedNode node = _registry.FindByAddress(_pendingAddress);
            if (node != null)
            {
                StepFailed(node, ConfigurationStep.Name(_pendingStep) + (e.Value == 0 ? " timed out" : " failed (" + e.Value.ToString() + ")"));
            }
        }

        private void StepFailed(ProvisionedNode node, string reason)
        {
            if (_attempt < AttemptsPerStep)
            {
                _log.Write("provisioner", "node " + node.NodeId.ToString() + ": " + reason + ", attempt " + _attempt.ToString() + " of " + AttemptsPerStep.ToString());
                _retry = _queue.PostDelayed(250, ConfigureNext);
                return;
            }

            _attempt = 0;
            Fail(node, reason);
            ConfigureNext();
        }

        private void Fail(ProvisionedNode node, string reason)
        {
            _attempts.Remove(node.Address);
            node.Failures++;
            node.LastFailure = reason;
            int backoff = BackoffMilliseconds * node.Failures;
            backoff = backoff > MaximumBackoffMilliseconds ? MaximumBackoffMilliseconds : backoff;
            _retryAt[node.Address] = DateTime.UtcNow.AddMilliseconds(backoff);
            _store.Save(_registry);
            _log.Write("provisioner", "node " + node.NodeId.ToString() + " failed: " + reason + "; retried in " + (backoff / 1000).ToString() + " s");
            _queue.PostDelayed(backoff, ConfigureNext);
        }

        private bool IsBackingOff(int address)
        {
            object until = _retryAt[address];
            if (until == null)
            {
                return false;
            }

            if (DateTime.UtcNow >= (DateTime)until)
            {
                _retryAt.Remove(address);
                return false;
            }

            return true;
        }

        private void EndAdmission()
        {
            _admitting = null;
            if (_admissionGuard != null)
            {
                _admissionGuard.Cancel();
                _admissionGuard = null;
            }
        }

        private int NextHandle()
        {
            _nextHandle = (_nextHandle % 0xFFFF) + 1;
            return _nextHandle;
        }

        private static bool Contains(ArrayList uuids, byte[] uuid)
        {
            for (int i = 0; i < uuids.Count; i++)
            {
                if (NodeRegistry.SameBytes((byte[])uuids[i], uuid))
                {
                    return true;
                }
            }

            return false;
        }

        private static string ResultName(MeshResult result)
        {
            return "result " + ((int)result).ToString();
        }
    }
}
