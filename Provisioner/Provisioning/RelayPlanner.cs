using System.Collections;
using DcMonitor.MeshInterop;
using DcMonitor.Shared.Diagnostics;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Provisioning;
using DcMonitor.Shared.Runtime;

namespace DcMonitor.Provisioner.Provisioning
{
    /// <summary>
    /// Turns the Relay feature on only where connectivity needs it (issue 15 part 3; docs/relay-selection.md). Once every registered
    /// node is configured and the set of nodes differs from the one last planned (a node joined or was forgotten), the planner
    /// surveys who hears whom with heartbeats and Config messages only (each node keeps the Relay state it has, the provisioner
    /// reaching every node directly; each publishes TTL-1 heartbeats to <see cref="HeartbeatGroupAddress"/>; in round r node i
    /// counts the heartbeats of node i + r, so ⌊N/2⌋ rounds test every pair, taken as symmetric; a node that counted a heartbeat at 1 hop hears that source directly), computes a
    /// connected dominating set (<see cref="RelaySelection"/>; relay node images always relay, the provisioner never; the
    /// provisioner hears every node it admitted, PB-ADV being one radio hop) and sends Config Relay Set to every node. A node that
    /// does not answer a request <see cref="ProvisioningWorkflow.AttemptsPerStep"/> times is left out as gone; when no relay set
    /// can serve the rest, every node keeps relaying. After the Relay Sets the same plan carries the directed paths'
    /// requests (<see cref="DirectedPathInstaller"/>, docs/directed-forwarding.md): installed again at each selection, and at once
    /// when the gateways change (<see cref="InstallPathsAgain"/>). Work queue only.
    /// </summary>
    public sealed class RelayPlanner
    {
        /// <summary>Group address the survey's heartbeats are published to (this firmware; 0xC000 and 0xC001 are ALL and the uplink).</summary>
        public const int HeartbeatGroupAddress = 0xC002;

        /// <summary>Heartbeat period during the survey, PeriodLog encoding: 1 = every second.</summary>
        public const int SurveyPublicationPeriodLog = 1;

        /// <summary>Counting period of one survey round, PeriodLog encoding: 4 = 8 s.</summary>
        public const int SurveySubscriptionPeriodLog = 4;

        /// <summary>Wait between a round's Subscription Sets and its Gets, ms: about five heartbeats of each source, so a lost one or two do not hide a link.</summary>
        public const int RoundListenMilliseconds = 5000;

        /// <summary>Delay between the mesh becoming fully configured and a survey, and between checks, ms.</summary>
        public const int SettleMilliseconds = 5000;

        /// <summary>
        /// Relay retransmit sent with Relay Set (Mesh Profile 4.2.20): count 1, two transmissions per relayed PDU (the seed's relays sent
        /// 5). Relay selection leaves few relays, so a relayed PDU often has one relay for the next hop: with one transmission a hop
        /// missed about one time in ten on the timed air (scanner on another channel, a collision) and an ALL:READ of 63 nodes in the
        /// building lost 5 answers with no loss at all; with two, none (docs/airtime-benchmark.md).
        /// </summary>
        public const int RelayRetransmitCount = 1;

        /// <summary>Relay retransmit interval steps sent with Relay Set: 1 = 20 ms ((steps + 1) × 10 ms), as the composition's.</summary>
        public const int RelayRetransmitSteps = 1;

        private readonly MeshNode _mesh;
        private readonly WorkQueue _queue;
        private readonly ProvisioningWorkflow _workflow;
        private readonly NodeLog _log;
        private readonly DirectedPathInstaller _paths;
        private readonly ArrayList _plan = new ArrayList();
        private int[] _addresses = new int[0];
        private NeighbourGraph _graph;
        private bool[] _gone = new bool[0];
        private string _plannedMembers = "";
        private bool _running;
        private bool _applying;
        private bool _watching;
        private bool[] _goneBefore = new bool[0];
        private int _pendingHandle;
        private int _attempt;
        private NeighbourGraph _selectionGraph;
        private bool[] _selectionRelays;
        private int[] _selectionNodes;
        private bool _installAgain;
        private bool _reinstalling;
        private int _watchToken;

        /// <summary>A planner over the provisioner's stack, sharing the workflow's work queue and request handles; <paramref name="paths"/> plans the directed paths.</summary>
        public RelayPlanner(MeshNode mesh, WorkQueue queue, ProvisioningWorkflow workflow, DirectedPathInstaller paths, NodeLog log)
        {
            _paths = paths;
            _mesh = mesh;
            _queue = queue;
            _workflow = workflow;
            _log = log;
        }

        /// <summary>Relays of the last selection, by unicast address (empty before the first).</summary>
        public int[] SelectedRelays { get; private set; } = new int[0];

        /// <summary>
        /// Period of the watch after a plan, ms: every node is asked for its Heartbeat Subscription state; a node that stops answering
        /// (gone) or answers again (back) makes the planner survey and select again.
        /// </summary>
        public int WatchPeriodMilliseconds { get; set; } = 60000;

        /// <summary>True while a survey or its Relay Sets run.</summary>
        public bool IsRunning => _running;

        /// <summary>Surveys completed (diagnostics).</summary>
        public int Selections { get; private set; }

        /// <summary>Starts watching for a configured mesh whose members changed (work queue).</summary>
        public void Start()
        {
            _mesh.EventReceived += delegate (MeshEvent meshEvent)
            {
                var copy = new ReceivedMeshEvent(meshEvent);
                _queue.Post(delegate { OnEvent(copy); });
            };
            _queue.PostDelayed(SettleMilliseconds, Check);
        }

        /// <summary>Plans again now (console <c>relays plan</c>), even if the members did not change (work queue).</summary>
        public void PlanAgain()
        {
            _plannedMembers = "";
            Check();
        }

        /// <summary>
        /// Installs the directed paths of the last selection again (the gateways changed; console <c>gateway</c>): at once when no survey
        /// or plan runs, else after the running one (work queue). Before the first selection nothing happens: the first plan installs them.
        /// </summary>
        public void InstallPathsAgain()
        {
            if (_running)
            {
                _installAgain = true;
                return;
            }

            if (_selectionGraph == null)
            {
                return;
            }

            _plan.Clear();
            PlanPaths();
            _applying = true;
            _reinstalling = true;
            _running = true;
            Next();
        }

        /// <summary>Schedules the next watch; a watch scheduled earlier is dropped (one watch chain at a time).</summary>
        private void ScheduleWatch()
        {
            int token = ++_watchToken;
            _queue.PostDelayed(WatchPeriodMilliseconds, delegate
            {
                if (token == _watchToken)
                {
                    Watch();
                }
            });
        }

        private void Check()
        {
            if (!_running)
            {
                string members = Members();
                if (members.Length > 0 && members != _plannedMembers && _workflow.IsIdle)
                {
                    StartSurvey(members);
                }
            }

            if (!_running)
            {
                _queue.PostDelayed(SettleMilliseconds, Check);
            }
        }

        /// <summary>Asks every node of the plan for its Heartbeat Subscription state; see <see cref="WatchPeriodMilliseconds"/>.</summary>
        private void Watch()
        {
            if (_running)
            {
                return;
            }

            if (Members() != _plannedMembers || !_workflow.IsIdle)
            {
                Check(); // members changed (or configuration runs): the regular check takes over
                return;
            }

            _goneBefore = _gone;
            _gone = new bool[_addresses.Length];
            _plan.Clear();
            for (int i = 0; i < _addresses.Length; i++)
            {
                Add(i, MeshConfigMessages.HeartbeatSubscriptionGet, new byte[0], -1);
            }

            _watching = true;
            _running = true;
            Next();
        }

        /// <summary>The configured nodes' addresses as text ("" while any registered node is still being configured).</summary>
        private string Members()
        {
            NodeRegistry registry = _workflow.Registry;
            string members = "";
            for (int i = 0; i < registry.Count; i++)
            {
                ProvisionedNode node = registry.NodeAt(i);
                if (!node.Provisioned || !node.FullyConfigured)
                {
                    return "";
                }

                members += node.Address.ToString("X4") + (node.IsRelayNode ? "r " : " ");
            }

            return members;
        }

        private void StartSurvey(string members)
        {
            NodeRegistry registry = _workflow.Registry;
            int count = registry.Count;
            _addresses = new int[count];
            _gone = new bool[count];
            for (int i = 0; i < count; i++)
            {
                _addresses[i] = registry.NodeAt(i).Address;
            }

            _graph = new NeighbourGraph(count + 1); // device 0 is the provisioner, device i + 1 node i
            _plan.Clear();
            for (int i = 0; i < count; i++)
            {
                // No Relay Set here: the provisioner admitted every node over PB-ADV, one radio hop, so its requests need no relay, and
                // turning every node's Relay on for the survey would flood a large mesh with each request's relayed copies.
                Add(i, MeshConfigMessages.HeartbeatPublicationSet,
                    MeshConfigMessages.HeartbeatPublicationSetParameters(HeartbeatGroupAddress, 0xFF, SurveyPublicationPeriodLog, 1, 0, 0), -1);
            }

            for (int round = 1; round <= count / 2; round++)
            {
                for (int i = 0; i < count; i++)
                {
                    int source = _addresses[(i + round) % count];
                    Add(i, MeshConfigMessages.HeartbeatSubscriptionSet,
                        MeshConfigMessages.HeartbeatSubscriptionSetParameters(source, HeartbeatGroupAddress, SurveySubscriptionPeriodLog), -1);
                }

                _plan.Add(new PlannedRequest(-1, 0, null, -1)); // listen
                for (int i = 0; i < count; i++)
                {
                    Add(i, MeshConfigMessages.HeartbeatSubscriptionGet, new byte[0], (i + round) % count);
                }
            }

            for (int i = 0; i < count; i++)
            {
                Add(i, MeshConfigMessages.HeartbeatPublicationSet, MeshConfigMessages.HeartbeatPublicationSetParameters(0, 0, 0, 0, 0, 0), -1);
            }

            _plannedMembers = members;
            _running = true;
            _log.Write("relays", "surveying " + count.ToString() + " nodes with heartbeats (" + (count / 2).ToString() + " rounds)");
            Next();
        }

        private void Add(int node, int opcode, byte[] parameters, int heardIndex)
        {
            _plan.Add(new PlannedRequest(node, opcode, parameters, heardIndex));
        }

        private void Next()
        {
            while (_plan.Count > 0)
            {
                PlannedRequest request = (PlannedRequest)_plan[0];
                if (request.Node < 0)
                {
                    _plan.RemoveAt(0);
                    _queue.PostDelayed(RoundListenMilliseconds, Next);
                    return;
                }

                if (_gone[request.Node])
                {
                    _plan.RemoveAt(0);
                    continue;
                }

                int handle = _workflow.AllocateHandle();
                MeshResult result = _mesh.SendConfigRequest(handle, _addresses[request.Node], request.Opcode, request.Parameters, ProvisioningWorkflow.ConfigTimeoutMilliseconds);
                if (result == MeshResult.Busy)
                {
                    _queue.PostDelayed(250, Next);
                    return;
                }

                if (result != MeshResult.Ok)
                {
                    Failed(request);
                    continue;
                }

                _pendingHandle = handle;
                return;
            }

            if (!_running)
            {
                return;
            }

            if (_applying)
            {
                _applying = false;
                _running = false;
                Selections += _reinstalling ? 0 : 1;
                _log.Write("relays", _reinstalling ? "directed paths applied again" : "relay plan applied");
                _reinstalling = false;
                _log.Write("paths", "directed paths installed: " + _paths.PlannedRequests.ToString() + " requests");
                if (_installAgain)
                {
                    _installAgain = false;
                    InstallPathsAgain();
                    return;
                }

                ScheduleWatch();
                return;
            }

            if (_watching)
            {
                _watching = false;
                _running = false;
                for (int i = 0; i < _gone.Length; i++)
                {
                    if (_gone[i] != _goneBefore[i])
                    {
                        _log.Write("relays", "node 0x" + _addresses[i].ToString("X4") + (_gone[i] ? " is gone" : " is back") + ": planning again");
                        PlanAgain();
                        return;
                    }
                }

                if (_installAgain)
                {
                    _installAgain = false;
                    InstallPathsAgain();
                    return;
                }

                ScheduleWatch();
                return;
            }

            Select();
        }

        private void OnEvent(ReceivedMeshEvent e)
        {
            if (_pendingHandle == 0 || e.RequestHandle != _pendingHandle
                || (e.Kind != MeshEventKind.ConfigStatusReceived && e.Kind != MeshEventKind.ConfigTimedOut))
            {
                return;
            }

            _pendingHandle = 0;
            PlannedRequest request = (PlannedRequest)_plan[0];
            if (e.Kind == MeshEventKind.ConfigTimedOut)
            {
                Failed(request);
                Next();
                return;
            }

            _attempt = 0;
            _plan.RemoveAt(0);
            if (DirectedForwardingMessages.StatusFor(request.Opcode) >= 0 && e.Payload != null && e.Payload.Length > 0 && e.Payload[0] != 0)
            {
                _log.Write("paths", "node 0x" + _addresses[request.Node].ToString("X4") + " refused request 0x" + request.Opcode.ToString("X4") + ": status 0x"
                    + e.Payload[0].ToString("X2") + " (that path stays missing: its nodes flood)");
            }

            if (request.HeardIndex >= 0 && e.Payload != null && e.Payload.Length >= HeartbeatSubscription.StatusLength
                && HeartbeatSubscription.Parse(e.Payload, 0).HeardDirectly)
            {
                _graph.Link(request.Node + 1, request.HeardIndex + 1);
            }

            Next();
        }

        /// <summary>Retries a request; after the last attempt the node is taken as gone and its remaining requests dropped.</summary>
        private void Failed(PlannedRequest request)
        {
            _attempt++;
            if (_attempt < ProvisioningWorkflow.AttemptsPerStep)
            {
                return; // the same request is sent again by Next
            }

            _attempt = 0;
            _plan.RemoveAt(0);
            if (!_gone[request.Node])
            {
                _gone[request.Node] = true;
                _log.Write("relays", "node 0x" + _addresses[request.Node].ToString("X4") + " does not answer: left out of the relay plan as gone");
            }
        }

        /// <summary>Chooses the relays among the nodes that answered (the provisioner is device 0) and queues their Relay Sets.</summary>
        private void Select()
        {
            NodeRegistry registry = _workflow.Registry;
            int[] deviceOf = new int[_addresses.Length];
            int present = 0;
            for (int i = 0; i < _addresses.Length; i++)
            {
                deviceOf[i] = _gone[i] ? -1 : ++present;
            }

            NeighbourGraph graph = new NeighbourGraph(present + 1);
            for (int i = 0; i < _addresses.Length; i++)
            {
                if (deviceOf[i] < 0)
                {
                    continue;
                }

                graph.Link(0, deviceOf[i]); // admitted over PB-ADV: one radio hop from the provisioner
                for (int j = i + 1; j < _addresses.Length; j++)
                {
                    if (deviceOf[j] > 0 && _graph.AreNeighbours(i + 1, j + 1))
                    {
                        graph.Link(deviceOf[i], deviceOf[j]);
                    }
                }
            }

            RelaySelection selection = new RelaySelection(graph);
            selection.NeverRelays(0);
            for (int i = 0; i < _addresses.Length; i++)
            {
                ProvisionedNode node = registry.FindByAddress(_addresses[i]);
                if (deviceOf[i] > 0 && node != null && node.IsRelayNode)
                {
                    selection.AlwaysRelays(deviceOf[i]);
                }
            }

            bool[] relays = selection.Select();
            int selected = 0;
            string list = "";
            for (int i = 0; i < _addresses.Length; i++)
            {
                if (deviceOf[i] > 0)
                {
                    bool relay = relays[deviceOf[i]];
                    selected += relay ? 1 : 0;
                    list += relay ? " 0x" + _addresses[i].ToString("X4") : "";
                    Add(i, MeshConfigMessages.RelaySet, MeshConfigMessages.RelaySetParameters(relay, RelayRetransmitCount, RelayRetransmitSteps), -1);
                }
            }

            SelectedRelays = new int[selected];
            for (int i = 0, j = 0; i < _addresses.Length; i++)
            {
                if (deviceOf[i] > 0 && relays[deviceOf[i]])
                {
                    SelectedRelays[j++] = _addresses[i];
                }
            }

            _workflow.PlannedRelays = SelectedRelays; // a node admitted again gets its planned Relay state at once

            _log.Write("relays", (selection.IsComplete ? "selected " : "no relay set serves every node (one hears nobody): all relay, ")
                + selected.ToString() + " of " + present.ToString() + " nodes relay:" + list);
            _selectionGraph = graph;
            _selectionRelays = relays;
            _selectionNodes = new int[present + 1];
            _selectionNodes[0] = -1; // the provisioner
            for (int i = 0; i < _addresses.Length; i++)
            {
                if (deviceOf[i] > 0)
                {
                    _selectionNodes[deviceOf[i]] = i;
                }
            }

            PlanPaths();
            _applying = true;
            Next();
        }

        /// <summary>Appends the directed paths' requests of the last selection to the plan (after its Relay Sets).</summary>
        private void PlanPaths()
        {
            NodeRegistry registry = _workflow.Registry;
            int devices = _selectionNodes.Length;
            int[] addresses = new int[devices];
            bool[] relayNodeImages = new bool[devices];
            addresses[0] = NodeAddressing.ProvisionerAddress;
            for (int device = 1; device < devices; device++)
            {
                addresses[device] = _addresses[_selectionNodes[device]];
                ProvisionedNode node = registry.FindByAddress(addresses[device]);
                relayNodeImages[device] = node != null && node.IsRelayNode;
            }

            _paths.Plan(_selectionGraph, _selectionRelays, addresses, relayNodeImages, delegate (int device, int opcode, byte[] parameters)
            {
                Add(_selectionNodes[device], opcode, parameters, -1);
            });
        }

        private sealed class PlannedRequest
        {
            public PlannedRequest(int node, int opcode, byte[] parameters, int heardIndex)
            {
                Node = node;
                Opcode = opcode;
                Parameters = parameters;
                HeardIndex = heardIndex;
            }

            public int Node { get; }

            public int Opcode { get; }

            public byte[] Parameters { get; }

            public int HeardIndex { get; }
        }
    }
}
