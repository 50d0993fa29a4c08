using System;
using System.Globalization;
using System.Threading;
using DcMonitor.Emulator.Peripherals;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// <c>node</c>: one emulated node as its own OS process (ARCHITECTURE §6), started by the <see cref="AirHub"/>:
    /// it runs the real image on a virtual board whose radio is connected to the hub's air over TCP (<see cref="NodeSession"/>,
    /// <see cref="RemoteAir"/>), serves the GATT operations the hub forwards from a central, and forwards its serial console. A power cut is the hub
    /// killing this process; it also exits when the hub goes away.
    /// Arguments: <c>node --hub 127.0.0.1:PORT --name node-0 --image universal|relay|provisioner --flash DIR --unicast 5 [--seed N] [--bm6 XX:XX:XX:XX:XX:XX]</c>
    /// (<c>--unicast 0</c>: the node boots unprovisioned and waits for the provisioner; <c>--bm6</c>: a virtual BM6 battery monitor at that
    /// address beside this node, on its own air, docs/battery-monitor.md).
    /// </summary>
    public static class NodeProcess
    {
        /// <summary>Runs the node until the hub disconnects; returns the exit code.</summary>
        public static int Run(string[] args)
        {
            string hub = null;
            string name = null;
            string image = "universal";
            string flash = null;
            int unicast = 0;
            int seed = 260;
            string batteryMonitor = null;
            for (int i = 1; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--hub": hub = args[i + 1]; break;
                    case "--name": name = args[i + 1]; break;
                    case "--image": image = args[i + 1]; break;
                    case "--flash": flash = args[i + 1]; break;
                    case "--unicast": unicast = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    case "--bm6": batteryMonitor = args[i + 1]; break;
                    default: Console.Error.WriteLine("node: unknown option " + args[i]); return 2;
                }
            }

            if (hub == null || name == null || flash == null)
            {
                Console.Error.WriteLine("node: --hub, --name and --flash are required");
                return 2;
            }

            // Ctrl-C on the demo's terminal reaches every process of its group, this one too: only the demo decides (it
            // stops a MONITOR with it, or ends and then kills the nodes); should the demo die, the hub connection closes and so does this.
            Console.CancelKeyPress += (sender, e) => e.Cancel = true;
            string[] endpoint = hub.Split(':');
            var connection = JsonLineConnection.Connect(endpoint[0], int.Parse(endpoint[1], CultureInfo.InvariantCulture));
            var gone = new ManualResetEventSlim();
            connection.Closed += () => gone.Set();
            var air = new RemoteAir(connection);
            if (batteryMonitor != null)
            {
                new VirtualBatteryMonitor(VirtualBatteryMonitor.ParseAddress(batteryMonitor), name + "-bm6").PlaceOn(air);
            }

            NodeSession.Start(connection, air, name, image, flash, unicast, seed);
            gone.Wait();
            return 0;
        }
    }
}
