using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using DcMonitor.Emulator.Demo;
using DcMonitor.Emulator.Nodes;

namespace DcMonitor.Emulator
{
    /// <summary>
    /// The emulator's command line (System.CommandLine): <c>demo</c> (the mesh, or one node with <c>--single-node</c>) and
    /// <c>airtime</c>; <c>--help</c> on each; <c>--version</c> prints <see cref="DcMonitor.Shared.FirmwareVersion.Number"/>. The <c>node</c> verb that the demo uses to start node processes is internal
    /// and handled before this (<see cref="DcMonitor.Emulator.Air.NodeProcess"/>).
    /// </summary>
    public static class EmulatorCommandLine
    {
        /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code (2 for bad arguments, as System.CommandLine does 1).</summary>
        public static int Run(string[] args, TextReader input, TextWriter output, TextWriter status)
        {
            ParseResult parsed = Build(input, output, status).Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (System.CommandLine.Parsing.ParseError error in parsed.Errors)
                {
                    status.WriteLine(error.Message);
                }

                status.WriteLine("see: dotnet run --project Emulator -- demo --help");
                return 2;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = status });
        }

        /// <summary>The command tree: every verb with its options and action, reading <paramref name="input"/> and writing to <paramref name="output"/> and <paramref name="status"/>.</summary>
        public static RootCommand Build(TextReader input, TextWriter output, TextWriter status)
        {
            var nodes = new Option<int>("--nodes") { Description = "universal nodes, 1-" + MeshDemoOptions.MaximumUniversalNodes + " (node ids 0-" + (MeshDemoOptions.MaximumUniversalNodes - 1) + "; the relay takes the next address)", DefaultValueFactory = _ => 4 };
            nodes.Validators.Add(result =>
            {
                int value = result.GetValueOrDefault<int>();
                if (value < 1 || value > MeshDemoOptions.MaximumUniversalNodes)
                {
                    result.AddError("--nodes takes 1 to " + MeshDemoOptions.MaximumUniversalNodes + ", not " + value.ToString(CultureInfo.InvariantCulture));
                }
            });
            var commands = new Option<string>("--commands") { Description = "run the Pi's commands separated by ';', wait for the replies each expects, exit (1 when any is missing)" };
            var flashRoot = new Option<string>("--flash-root") { Description = "keep the nodes' flash in DIR between runs (default: ./.emulator/demo, erased at start)" };
            var keepFlash = new Option<bool>("--keep-flash") { Description = "keep the flash of the last run with the same layout instead of erasing it" };
            var airPort = new Option<int>("--air-port") { Description = "port of the air endpoint for outside clients (default: any free port)" };
            var headless = new Option<bool>("--headless") { Description = "serve outside clients without the gateway console until stopped" };
            var supervision = new Option<int>("--supervision-ms") { Description = "link supervision timeout, ms", DefaultValueFactory = _ => 2000 };
            var inProcess = new Option<bool>("--in-process") { Description = "run every node in this process instead of one process each: the mode for large meshes (e.g. --nodes 200)" };
            var fresh = new Option<bool>("--fresh") { Description = "start unprovisioned: the Provisioner image admits and configures every device" };
            var demoAir = new Option<string>("--air") { Description = "the air: timed (the default: airtime, advDelay, scanning, collisions; docs/air-model.md) or instantaneous (neither, for comparison)", DefaultValueFactory = _ => "timed" };
            demoAir.AcceptOnlyFromAmong("timed", "instantaneous");
            var mqtt = new Option<string>("--mqtt") { Description = "MQTT uplink to the broker at HOST:PORT, or 'local' for a broker embedded in the emulator (on a free loopback port; nothing to install)" };
            var singleNode = new Option<bool>("--single-node") { Description = "one universal node's serial console on this terminal instead of the mesh" };
            var flash = new Option<string>("--flash") { Description = "--single-node: keep the node's flash in DIR (default ./.emulator/single-node, erased at start)" };
            var noSensor = new Option<bool>("--no-sensor") { Description = "--single-node: no INA260 fitted" };
            var sensorAddress = new Option<string>("--sensor-address") { Description = "--single-node: INA260 I2C address (default 0x45)" };
            var supplyVolts = new Option<double>("--supply-volts") { Description = "--single-node: supply voltage, V", DefaultValueFactory = _ => 12.0 };
            var loadOhms = new Option<double>("--load-ohms") { Description = "--single-node: load resistance, ohm", DefaultValueFactory = _ => 48.0 };

            var demo = new Command("demo", "a virtual mesh of node processes with a Pi-compatible gateway console (type help inside)")
            {
                nodes, commands, flashRoot, keepFlash, airPort, headless, supervision, fresh, inProcess, mqtt, demoAir, singleNode, flash, noSensor, sensorAddress, supplyVolts, loadOhms,
            };
            demo.SetAction(result =>
            {
                if (result.GetValue(singleNode))
                {
                    var board = new UniversalNodeBoardOptions
                    {
                        FlashDirectory = result.GetValue(flash) ?? Path.Combine(Directory.GetCurrentDirectory(), ".emulator", "single-node"),
                        SupplyVolts = result.GetValue(supplyVolts),
                        LoadOhms = result.GetValue(loadOhms),
                    };
                    string address = result.GetValue(sensorAddress);
                    if (result.GetValue(noSensor))
                    {
                        board.SensorAddress = -1;
                    }
                    else if (address != null)
                    {
                        board.SensorAddress = address.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                            ? Convert.ToInt32(address.Substring(2), 16) : int.Parse(address, CultureInfo.InvariantCulture);
                    }

                    return SingleNodeDemo.Run(board, result.GetValue(flash) != null || result.GetValue(keepFlash), input, output);
                }

                string root = result.GetValue(flashRoot);
                var options = new MeshDemoOptions
                {
                    Nodes = result.GetValue(nodes),
                    Commands = result.GetValue(commands),
                    FlashRoot = root ?? Path.Combine(Directory.GetCurrentDirectory(), ".emulator", "demo"),
                    KeepFlash = root != null || result.GetValue(keepFlash),
                    AirPort = result.GetValue(airPort),
                    Headless = result.GetValue(headless),
                    SupervisionMilliseconds = result.GetValue(supervision),
                    Fresh = result.GetValue(fresh),
                    InProcess = result.GetValue(inProcess),
                    Mqtt = result.GetValue(mqtt),
                    Air = result.GetValue(demoAir) == "timed" ? Mesh.AirModel.Timed : Mesh.AirModel.Instantaneous,
                };
                return MeshDemo.Run(options, input, output, status);
            });

            var airtimeNodes = new Option<string>("--nodes") { Description = "node counts, comma-separated (e.g. 16,63): one ALL:READ per count, layout, loss and payload kind" };
            var airtimeLayouts = new Option<string>("--layout") { Description = "room (all in range) and/or building (a grid of about 4 hops), comma-separated", DefaultValueFactory = _ => MeshLayout.Room };
            var airtimeLosses = new Option<string>("--loss") { Description = "per-link loss probabilities 0-1, comma-separated", DefaultValueFactory = _ => "0" };
            var airtimeModel = new Option<string>("--air") { Description = "timed (airtime, collisions; the default) or instantaneous (the air without either, for comparison)", DefaultValueFactory = _ => "timed" };
            airtimeModel.AcceptOnlyFromAmong("timed", "instantaneous");
            var airtimeSetups = new Option<string>("--setups")
            {
                Description = "seed (text, every node relaying), selected (binary, selected relays, the gateway's collection) and/or directed (selected with fixed directed-forwarding paths toward the gateway), comma-separated",
                DefaultValueFactory = _ => AirtimeReport.SeedSetup + "," + AirtimeReport.SelectedSetup + "," + AirtimeReport.DirectedSetup,
            };
            var airtime = new Command("airtime", "transmissions, collisions and completion time of a READ and an ALL:READ on the timed air, by payload kind")
            {
                airtimeNodes, airtimeLayouts, airtimeLosses, airtimeModel, airtimeSetups,
            };
            airtime.SetAction(result =>
            {
                string counts = result.GetValue(airtimeNodes);
                var model = result.GetValue(airtimeModel) == "instantaneous" ? Mesh.AirModel.Instantaneous : Mesh.AirModel.Timed;
                if (counts == null)
                {
                    return AirtimeReport.Run(output, model);
                }

                try
                {
                    return AirtimeReport.Run(output, Array.ConvertAll(counts.Split(','), c => int.Parse(c, CultureInfo.InvariantCulture)),
                        result.GetValue(airtimeLayouts).Split(','),
                        Array.ConvertAll(result.GetValue(airtimeLosses).Split(','), l => double.Parse(l, CultureInfo.InvariantCulture)), model,
                        result.GetValue(airtimeSetups).Split(','));
                }
                catch (Exception e) when (e is FormatException || e is ArgumentException || e is OverflowException)
                {
                    status.WriteLine("airtime: " + e.Message);
                    return 2;
                }
            });

            var root = new RootCommand("DC-Monitor emulator: the firmware images on a virtual ESP32-C6 and a virtual air") { demo, airtime };
            foreach (Option option in root.Options)
            {
                if (option is VersionOption version)
                {
                    version.Action = new FirmwareVersionAction(); // the firmware's version, not the emulator assembly's
                }
            }

            return root;
        }
    }
}
