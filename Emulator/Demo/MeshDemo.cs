using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using DcMonitor.Emulator.Air;
using DcMonitor.Emulator.Demo.Interactive;
using DcMonitor.Shared.Gateway;

namespace DcMonitor.Emulator.Demo
{
    /// <summary>
    /// <c>demo</c>: a virtual mesh (by default 4 universal nodes and 1 relay; node-3 hears only the relay), each node
    /// its own OS process on the air hub's endpoint, with a Pi-compatible gateway console that uses only that
    /// endpoint. Messages from the gateway node go to standard output exactly as the Pi
    /// receives them, one per line; status lines go to standard error. Interactive: type the Pi's commands
    /// (<c>1:READ</c>, <c>ALL:DUTY:50</c> …) or the console's own commands (<see cref="DemoConsoleCommands"/>: <c>power node-1 off</c>,
    /// <c>link node-0 node-2 out</c>, <c>stats</c>, <c>nodes</c>, <c>console node-1 read</c>, <c>help</c> …), with line editing and
    /// history on a terminal; Ctrl-C stops a running MONITOR, or else the demo (<see cref="ConsoleInterrupt"/>). With <c>--commands "0:READ;ALL:READ"</c> it runs them in
    /// order, waits for the replies each command expects (<see cref="ExpectedReplies"/>: the addressed node, or every
    /// universal node for ALL, or an error) up to <see cref="AnswerBudgetMilliseconds"/>, names the nodes that did not answer and exits 1 when any expected reply is missing.
    /// With <c>--fresh</c> the flash is erased and the mesh starts as a real one does: a Provisioner (in range of every device) and
    /// unprovisioned universal nodes and relay, which the Provisioner image admits and configures by itself; the gateway
    /// console starts once every device is fully configured (exit 1 when that takes longer than <see cref="FreshSetupMilliseconds"/> plus
    /// <see cref="FreshSetupMillisecondsPerDevice"/> per device).
    /// With <c>--in-process</c> every node runs in this process instead of its own (<see cref="AirHub.InProcess"/>): the mode for large
    /// meshes (up to 249 universal nodes); the air endpoint, the console and outside clients work the same.
    /// With <c>--mqtt HOST:PORT</c> (or <c>--mqtt local</c>) the universal nodes get the MQTT uplink's settings on their consoles and
    /// the demo waits until every one is a Home Assistant device with readings on that broker (<see cref="MqttDemo"/>; with
    /// <c>--commands</c>, exit 1 when that takes longer than <see cref="MqttSetupMilliseconds"/>).
    /// </summary>
    public static class MeshDemo
    {
        /// <summary>The address of the virtual BM6 battery monitor placed beside node-0 (issue 18).</summary>
        public const string BatteryMonitorAddress = "A4:1E:2D:3C:4B:5A";

        /// <summary>Pause before powering off after interactive input ends, so the last replies arrive, ms.</summary>
        private const int QuietMilliseconds = 1500;

        /// <summary>Longest wait for every reply a command expects: this, plus <see cref="AnswerMillisecondsPerNode"/> per universal node, ms.</summary>
        public const int AnswerMilliseconds = 10000;

        /// <summary>Extra wait per universal node of the layout (an ALL command's replies queue up on a big mesh), ms.</summary>
        public const int AnswerMillisecondsPerNode = 250;

        /// <summary>
        /// Extra wait for an ALL command beyond the gateway's ALL reply window, ms: the gateway console's own way to the demo
        /// (the reply window runs on the gateway node from the moment it took the command).
        /// </summary>
        public const int AllWindowMarginMilliseconds = 5000;

        /// <summary>After a command's expected replies, messages arriving within this long are printed with it, ms.</summary>
        private const int TrailingMilliseconds = 300;

        /// <summary>Longest wait for every universal node to appear in MQTT (election, connection, first batch), ms.</summary>
        public const int MqttSetupMilliseconds = 60000;

        /// <summary>Longest wait for a fresh mesh to be fully configured, ms.</summary>
        public const int FreshSetupMilliseconds = 180000;

        /// <summary>
        /// Extra wait for a fresh mesh per device, ms: the provisioner sends one configuration request at a time, and on the timed air
        /// with a hundred devices in this process a device took about 4–5 s on the 2-core machine (docs/emulator.md, "--in-process").
        /// </summary>
        public const int FreshSetupMillisecondsPerDevice = 6000;

        /// <summary>Longest wait for every node to start: this, plus <see cref="StartMillisecondsPerNode"/> per node, ms.</summary>
        public const int StartMilliseconds = 60000;

        /// <summary>Extra wait per node to start (a hundred node processes share two cores while they boot), ms.</summary>
        public const int StartMillisecondsPerNode = 1000;

        private static volatile string s_consoleNode;

        /// <summary>Runs the demo; returns the exit code.</summary>
        public static int Run(MeshDemoOptions options, TextReader input, TextWriter output, TextWriter status)
        {
            int nodes = options.Nodes;
            int airPort = options.AirPort;
            int supervision = options.SupervisionMilliseconds;
            bool headless = options.Headless;
            bool fresh = options.Fresh;
            bool keepFlash = options.KeepFlash;
            string commands = options.Commands;
            string mqtt = options.Mqtt;
            string root = options.FlashRoot;
            string layout = "universal=" + nodes + " relay=1 " + (fresh ? "fresh" : "provisioned") + " mqtt=" + (mqtt ?? "none");
            using DemoFlash flash = DemoFlash.Open(root, keepFlash && !fresh, layout, out string flashError);
            if (flash == null)
            {
                status.WriteLine("demo: " + flashError);
                return 2;
            }

            root = flash.Root;
            string flashNote = flash.Kept ? "flash kept from an earlier run with this layout in " + root : "flash erased in " + root + " (--keep-flash keeps it for the next run)";
            if (fresh)
            {
                status.WriteLine("mesh: fresh: provisioner, " + nodes + " unprovisioned universal node(s) node-0..node-" + (nodes - 1) + " and relay-0"
                    + (nodes >= 2 ? "; node-" + (nodes - 1) + " hears only relay-0 and the provisioner" : string.Empty) + "; " + flashNote);
            }
            else
            {
                status.WriteLine("mesh: " + nodes + " universal node(s) node-0..node-" + (nodes - 1) + " at 0x0005..0x" + (0x0004 + nodes).ToString("X4")
                    + ", relay-0 at 0x" + (0x0005 + nodes).ToString("X4") + (nodes >= 2 ? "; node-" + (nodes - 1) + " hears only relay-0" : string.Empty));
                status.WriteLine("mesh: nodes boot provisioned as a provisioner leaves them (demo --fresh provisions them); " + flashNote);
            }

            using var hub = new AirHub(airPort, supervision, status, options.Air) { InProcess = options.InProcess };
            var started = System.Diagnostics.Stopwatch.StartNew();
            output.Flush();
            status.WriteLine("air: listening on 127.0.0.1:" + hub.Port);
            for (int i = 0; i < nodes; i++)
            {
                hub.AddNode("node-" + i, "universal", fresh ? 0 : 0x0005 + i, Path.Combine(root, "node-" + i), 100 + i);
            }

            hub.AddNode("relay-0", "relay", fresh ? 0 : 0x0005 + nodes, Path.Combine(root, "relay-0"), 0);
            hub.PlaceBatteryMonitor("node-0", BatteryMonitorAddress);
            status.WriteLine("battery: a virtual BM6 at " + BatteryMonitorAddress + " (12.71 V, 87 %, 21 °C) beside node-0 only (docs/battery-monitor.md)");
            var configured = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
            if (fresh)
            {
                hub.AddNode("provisioner", "provisioner", 0, Path.Combine(root, "provisioner"), 0);
                hub.ConsoleOutput += (node, line) =>
                {
                    if (node == "provisioner")
                    {
                        if (s_consoleNode != "provisioner")
                        {
                            status.WriteLine("provisioner: " + line); // else the console echo prints it (once)
                        }

                        int at = line.IndexOf(" fully configured", StringComparison.Ordinal);
                        if (at > 0)
                        {
                            configured[line.Substring(0, at)] = true;
                        }
                    }
                };
            }
            if (nodes >= 2)
            {
                for (int i = 0; i < nodes - 1; i++)
                {
                    hub.Air.SetLink("node-" + (nodes - 1), "node-" + i, inRange: false);
                }
            }

            RelayPlan.Preprovision(hub); // no-op for --fresh: the provisioner plans the relays
            foreach (HubNode node in hub.Nodes())
            {
                hub.SetPower(node.Name, true);
            }

            int startBudget = StartMilliseconds + (StartMillisecondsPerNode * hub.Nodes().Count);
            if (!hub.WaitUntilReady(startBudget))
            {
                status.WriteLine("mesh: not every node started within " + (startBudget / 1000) + " s");
            }
            else
            {
                status.WriteLine("mesh: " + hub.Nodes().Count + " nodes started " + (options.InProcess ? "in this process" : "as processes") + " in "
                    + started.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
            }

            if (fresh)
            {
                int devices = nodes + 1;
                DateTime deadline = DateTime.UtcNow.AddMilliseconds(FreshSetupMilliseconds + ((long)FreshSetupMillisecondsPerDevice * devices));
                while (configured.Count < devices && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(200);
                }

                status.WriteLine("mesh: " + configured.Count + " of " + devices + " devices fully configured by the provisioner, "
                    + started.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s after the start; "
                    + hub.Air.Statistics.NetworkPdusTransmitted + " transmissions, " + hub.Air.Statistics.Collisions + " collisions so far");
                if (configured.Count < devices)
                {
                    return 1;
                }
            }

            DemoBatteryMonitor.Configure(hub, "node-0", BatteryMonitorAddress, status);
            using MqttDemo uplink = mqtt == null ? null : MqttDemo.Start(mqtt, status);
            if (mqtt != null)
            {
                if (uplink == null)
                {
                    return 2;
                }

                uplink.Configure(hub);
                if (!uplink.WaitForDevices(nodes, MqttSetupMilliseconds) && commands != null)
                {
                    status.WriteLine("mqtt: not every universal node appeared in MQTT within " + (MqttSetupMilliseconds / 1000) + " s");
                    return 1;
                }
            }

            if (headless)
            {
                status.WriteLine("mesh: headless; serving outside clients until the process is stopped");
                Thread.Sleep(Timeout.Infinite);
            }

            using var gateway = new AirGatewayConsole(hub.Port, status);
            if (commands == null)
            {
                return RunInteractive(hub, gateway, input, output, status);
            }

            var answering = System.Diagnostics.Stopwatch.StartNew();
            int exit = RunCommands(commands, UniversalNodeIds(fresh, nodes, configured.Keys), gateway, output, status);
            status.WriteLine("mesh: commands done in " + answering.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s; "
                + hub.Air.Statistics.NetworkPdusTransmitted + " transmissions, " + hub.Air.Statistics.Collisions + " collisions, " + hub.ReceptionLines.Serialisations + " rx lines serialised for "
                + hub.ReceptionLines.Receptions + " receptions by node processes");
            return exit;
        }

        /// <summary>
        /// How long <c>--commands</c> waits for a command's replies, ms: <see cref="AnswerMilliseconds"/> + <see cref="AnswerMillisecondsPerNode"/>
        /// per universal node; for an ALL command at least the gateway's ALL reply window for that many nodes
        /// (<see cref="GatewayProcessor.AllRepliesWindowMilliseconds"/>: 30 s + 0.15 s per known node, 45 s at 100, within which it still
        /// re-asks the nodes whose answers were lost) + <see cref="AllWindowMarginMilliseconds"/>, so the demo does not give up on answers
        /// the gateway is still collecting.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">universalNodes negative.</exception>
        public static int AnswerBudgetMilliseconds(bool toAll, int universalNodes)
        {
            if (universalNodes < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(universalNodes), universalNodes, "A mesh has 0 or more universal nodes.");
            }

            int budget = AnswerMilliseconds + (AnswerMillisecondsPerNode * universalNodes);
            return toAll ? Math.Max(budget, GatewayProcessor.AllRepliesWindowMilliseconds(universalNodes) + AllWindowMarginMilliseconds) : budget;
        }

        private static int RunCommands(string commands, IReadOnlyCollection<int> universalNodeIds, AirGatewayConsole gateway, TextWriter output, TextWriter status)
        {
            int exit = 0;
            foreach (string raw in commands.Split(';'))
            {
                string command = raw.Trim();
                if (!gateway.Write(command))
                {
                    status.WriteLine("gateway: '" + command + "' could not be written (" + gateway.LastWriteError + ")");
                    exit = 1;
                    continue;
                }

                var expected = new ExpectedReplies(command, universalNodeIds);
                int budget = AnswerBudgetMilliseconds(expected.ToAll, universalNodeIds.Count);
                DateTime deadline = DateTime.UtcNow.AddMilliseconds(budget);
                while (!expected.Complete && gateway.Messages.TryTake(out string message, (int)Math.Max(0, (deadline - DateTime.UtcNow).TotalMilliseconds)))
                {
                    output.WriteLine(message);
                    output.Flush();
                    expected.Offer(message);
                }

                // Anything that follows at once still belongs to this command (a second reply would show here, not under the next command).
                while (gateway.Messages.TryTake(out string late, TrailingMilliseconds))
                {
                    output.WriteLine(late);
                    output.Flush();
                }

                if (!expected.Complete)
                {
                    status.WriteLine("gateway: '" + command + "': " + (expected.AwaitsError ? "no error reply" : "no reply from node(s) " + string.Join(", ", expected.Missing))
                        + " within " + (budget / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " s");
                    exit = 1;
                }
            }

            return exit;
        }

        private static int RunInteractive(AirHub hub, AirGatewayConsole gateway, TextReader input, TextWriter output, TextWriter status)
        {
            var printer = new Thread(() =>
            {
                foreach (string message in gateway.Messages.GetConsumingEnumerable())
                {
                    output.WriteLine(message);
                    output.Flush();
                }
            }) { IsBackground = true };
            printer.Start();
            hub.ConsoleOutput += (node, text) =>
            {
                if (node == s_consoleNode)
                {
                    status.WriteLine("console " + node + ": " + text);
                }
            };
            status.WriteLine("gateway: type the Pi's commands (1:READ, ALL:DUTY:50, 2:MONITOR …) or help; quit (or Ctrl-D) to stop; Ctrl-C stops a MONITOR");

            var mesh = new HubDemoMesh(hub, gateway, node => s_consoleNode = node);
            var monitor = new MonitorTracker();
            var commands = new DemoConsoleCommands(mesh, monitor, status);
            var interrupt = new ConsoleInterrupt(monitor, mesh, status);
            ConsoleCancelEventHandler onControlC = (sender, e) => e.Cancel = interrupt.Interrupt();
            Console.CancelKeyPress += onControlC;
            try
            {
                using ILineSource lines = LinesFor(input);
                gateway.PasskeyAgent = address => AskPasskey(address, lines, status, interrupt.Stopping);
                DemoConsoleLoop.Run(lines, commands, interrupt.Stopping);
            }
            finally
            {
                Console.CancelKeyPress -= onControlC;
            }

            Thread.Sleep(QuietMilliseconds); // let the last replies arrive before powering off
            return 0;
        }

        /// <summary>
        /// The gateway's pairing agent in the interactive demo (<c>bluetoothctl agent KeyboardDisplay</c>): prompts for the passkey the
        /// node prints and reads the next input line; null (cancelled) at the end of input or on Ctrl-C.
        /// </summary>
        private static string AskPasskey(string address, ILineSource lines, TextWriter status, CancellationToken stopping)
        {
            status.WriteLine("gateway: " + address + " asks for a passkey: type the 6 digits its console printed ('gatt pair' there shows it)");
            try
            {
                return lines.ReadLine(stopping);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>Line editing with history on a terminal; the input's own lines, exactly, when it is redirected or not the console's.</summary>
        private static ILineSource LinesFor(TextReader input)
        {
            if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected && !Console.IsOutputRedirected
                && HistoryLineSource.IsSupported(Spectre.Console.AnsiConsole.Console))
            {
                return new HistoryLineSource(Spectre.Console.AnsiConsole.Console);
            }

            return new PlainLineSource(input);
        }

        /// <summary>
        /// The node ids of the layout's universal nodes: 0..nodes-1 when they boot provisioned; in a fresh mesh, those the
        /// provisioner reported ("node 3 (0x0008, universal) fully configured").
        /// </summary>
        private static IReadOnlyCollection<int> UniversalNodeIds(bool fresh, int nodes, IEnumerable<string> configured)
        {
            if (!fresh)
            {
                return Enumerable.Range(0, nodes).ToList();
            }

            var ids = new List<int>();
            foreach (string line in configured)
            {
                System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(line, @"node (\d+) \(0x[0-9A-F]{4}, universal\)");
                if (match.Success)
                {
                    ids.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                }
            }

            return ids;
        }

    }
}
