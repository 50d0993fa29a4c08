using DcMonitor.MeshInterop;
using DcMonitor.Provisioner.Keys;
using DcMonitor.Provisioner.Provisioning;
using DcMonitor.Shared;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Provisioning;
using DcMonitor.Shared.Runtime;
using DcMonitor.Shared.Terminal;

namespace DcMonitor.Provisioner.Terminal
{
    /// <summary>
    /// The provisioner's serial console (issue "Provisioner and RelayNode images" §1): <c>nodes</c>, <c>node &lt;id&gt;</c>,
    /// <c>forget &lt;id|uuid&gt;</c>, <c>reprovision &lt;id&gt;</c>, <c>keys</c> (fingerprints only, never the keys), <c>version</c> (image name and firmware version),
    /// <c>relays</c> (the nodes the relay plan turned Relay on for), <c>relays plan</c> (survey and select again, docs/relay-selection.md),
    /// <c>gateway</c> (the gateways the directed paths lead to), <c>gateway 0,3</c> or <c>gateway default</c> (name them, kept on flash; the
    /// paths are installed again at once, docs/directed-forwarding.md), <c>help</c>.
    /// Lines are handled on the work queue, so they see the registry between workflow steps. Bad input gets an
    /// <c>error: …</c> line naming what was wrong.
    /// </summary>
    public sealed class ProvisionerConsole
    {
        private readonly SerialConsole _console;
        private readonly WorkQueue _queue;
        private readonly ProvisioningWorkflow _workflow;
        private readonly NetworkKeys _keys;
        private readonly RelayPlanner _relays;
        private readonly DirectedPathInstaller _paths;

        /// <summary>Attaches to <paramref name="console"/>.</summary>
        public ProvisionerConsole(SerialConsole console, WorkQueue queue, ProvisioningWorkflow workflow, NetworkKeys keys, RelayPlanner relays, DirectedPathInstaller paths)
        {
            _paths = paths;
            _console = console;
            _queue = queue;
            _workflow = workflow;
            _keys = keys;
            _relays = relays;
            console.LineReceived += OnLine;
        }

        private void OnLine(string line)
        {
            string text = line.Trim();
            _queue.Post(delegate { Execute(text); });
        }

        private void Execute(string line)
        {
            string[] words = line.Split(new char[] { ' ' });
            string command = words[0].ToLower();
            string argument = words.Length > 1 ? words[1] : "";
            if (command.Length == 0)
            {
                return;
            }

            if (command == "help")
            {
                _console.WriteLine("commands: nodes | node <id> | forget <id|uuid> | reprovision <id> | keys | relays [plan] | gateway [<id>[,<id>...]|default] | version | help");
            }
            else if (command == "version")
            {
                _console.WriteLine(FirmwareVersion.Banner(ProvisionerApp.ImageName));
            }
            else if (command == "nodes")
            {
                ListNodes();
            }
            else if (command == "node")
            {
                ProvisionedNode node = FindById(argument);
                if (node != null)
                {
                    Describe(node);
                }
            }
            else if (command == "forget")
            {
                ProvisionedNode node = argument.Length == 32 ? FindByUuid(argument) : FindById(argument);
                if (node != null)
                {
                    int id = node.NodeId;
                    _workflow.Forget(node);
                    _console.WriteLine("forgot node " + id.ToString() + "; its address is free and the device is admitted as new");
                }
            }
            else if (command == "reprovision")
            {
                ProvisionedNode node = FindById(argument);
                if (node != null)
                {
                    MeshResult result = _workflow.Reprovision(node);
                    _console.WriteLine(result == MeshResult.Ok
                        ? "node " + node.NodeId.ToString() + " told to reset; it is admitted again at 0x" + node.Address.ToString("X4")
                        : "error: node reset not sent (result " + ((int)result).ToString() + ")");
                }
            }
            else if (command == "relays")
            {
                Relays(argument);
            }
            else if (command == "gateway")
            {
                Gateway(argument, words.Length);
            }
            else if (command == "keys")
            {
                _console.WriteLine("NetKey fingerprint " + NetworkKeys.Fingerprint(_keys.NetKey) + ", AppKey fingerprint " + NetworkKeys.Fingerprint(_keys.AppKey)
                    + (_keys.StaticOob != null ? ", static OOB on" : ", static OOB off"));
            }
            else
            {
                _console.WriteLine("error: unknown command '" + command + "' (type 'help')");
            }
        }

        private void Gateway(string argument, int words)
        {
            if (words > 2)
            {
                _console.WriteLine("error: 'gateway' takes one list of node ids separated by commas, without spaces");
                return;
            }

            if (argument.Length > 0)
            {
                GatewayList gateways;
                try
                {
                    gateways = GatewayList.Parse(argument);
                }
                catch (System.ArgumentException exception)
                {
                    _console.WriteLine("error: " + exception.Message);
                    return;
                }

                _paths.SetGateways(gateways);
                _relays.InstallPathsAgain();
            }

            int[] planned = _paths.PlannedGatewayAddresses;
            string list = "";
            for (int i = 0; i < planned.Length; i++)
            {
                list += " 0x" + planned[i].ToString("X4");
            }

            _console.WriteLine("gateways: " + (_paths.Gateways.IsDefault ? "default (the first admitted universal node)" : _paths.Gateways.ToString())
                + "; paths installed toward:" + (list.Length > 0 ? list : " none yet") + (_relays.IsRunning ? " (plan running)" : ""));
        }

        private void Relays(string argument)
        {
            if (argument == "plan")
            {
                _relays.PlanAgain();
                _console.WriteLine(_relays.IsRunning ? "relay survey started" : "relay survey waits until every node is configured");
                return;
            }

            if (argument.Length > 0)
            {
                _console.WriteLine("error: 'relays' takes nothing or 'plan', not '" + argument + "'");
                return;
            }

            if (_relays.Selections == 0)
            {
                _console.WriteLine("no relay plan yet: every node relays" + (_relays.IsRunning ? " (survey running)" : ""));
                return;
            }

            string list = "";
            int[] relays = _relays.SelectedRelays;
            for (int i = 0; i < relays.Length; i++)
            {
                list += " 0x" + relays[i].ToString("X4");
            }

            _console.WriteLine("relays (" + relays.Length.ToString() + " of " + _workflow.Registry.Count.ToString() + " nodes):" + (list.Length > 0 ? list : " none")
                + (_relays.IsRunning ? " (survey running)" : ""));
        }

        private void ListNodes()
        {
            NodeRegistry registry = _workflow.Registry;
            if (registry.Count == 0)
            {
                _console.WriteLine("no nodes");
                return;
            }

            for (int i = 0; i < registry.Count; i++)
            {
                ProvisionedNode node = registry.NodeAt(i);
                _console.WriteLine("node " + node.NodeId.ToString() + " 0x" + node.Address.ToString("X4") + " " + Kind(node) + " " + Status(node));
            }
        }

        private void Describe(ProvisionedNode node)
        {
            _console.WriteLine("node " + node.NodeId.ToString() + ": address 0x" + node.Address.ToString("X4") + ", uuid " + NodeRegistry.Hex(node.Uuid)
                + ", " + node.Elements.ToString() + " element(s), models 0x" + node.Models.ToString("X2") + ", " + Kind(node));
            _console.WriteLine("  " + Status(node) + "; steps done 0x" + node.StepsDone.ToString("X3") + " of 0x" + node.StepsRequired.ToString("X3")
                + (node.LastFailure.Length > 0 ? "; last failure: " + node.LastFailure + " (" + node.Failures.ToString() + " in a row)" : ""));
        }

        private static string Kind(ProvisionedNode node)
        {
            return !node.CompositionKnown ? "unknown" : node.IsRelayNode ? "relay" : (node.Models & CompositionData.VendorServer) != 0 ? "universal" : "other";
        }

        private static string Status(ProvisionedNode node)
        {
            if (node.FullyConfigured)
            {
                return "fully configured";
            }

            if (!node.Provisioned)
            {
                return node.LastFailure.Length > 0 ? "failed: " + node.LastFailure : "waiting for the device";
            }

            string next = ConfigurationStep.Name(ConfigurationStep.Next(node.StepsRequired, node.StepsDone));
            return node.LastFailure.Length > 0 ? "failed at " + next + ": " + node.LastFailure : "configuring (" + next + ")";
        }

        private ProvisionedNode FindById(string text)
        {
            int id;
            if (!int.TryParse(text, out id) || !NodeAddressing.IsNodeId(id))
            {
                _console.WriteLine("error: '" + text + "' is not a node id 0-" + (NodeAddressing.MaximumNodes - 1).ToString());
                return null;
            }

            ProvisionedNode node = _workflow.Registry.FindByAddress(NodeAddressing.UnicastOf(id));
            if (node == null)
            {
                _console.WriteLine("error: no node " + id.ToString());
            }

            return node;
        }

        private ProvisionedNode FindByUuid(string hex)
        {
            ProvisionedNode node = null;
            try
            {
                node = _workflow.Registry.FindByUuid(NodeRegistry.FromHex(hex));
            }
            catch (System.ArgumentException)
            {
            }

            if (node == null)
            {
                _console.WriteLine("error: no node with uuid " + hex);
            }

            return node;
        }
    }
}
