using System;
using DcMonitor.Emulator.Demo;

namespace DcMonitor.Emulator
{
    /// <summary>Command line of the emulator.</summary>
    public static class Program
    {
        /// <summary>Entry point: <c>demo [options]</c>.</summary>
        public static int Main(string[] args)
        {
            if (args.Length > 1 && args[0] == "demo" && args[1] == "--single-node")
            {
                string[] rest = new string[args.Length - 1];
                rest[0] = "demo";
                Array.Copy(args, 2, rest, 1, args.Length - 2);
                return SingleNodeDemo.Run(rest, Console.In, Console.Out);
            }

            if (args.Length > 0 && args[0] == "node")
            {
                return DcMonitor.Emulator.Air.NodeProcess.Run(args);
            }

            if (args.Length > 0 && args[0] == "airtime")
            {
                return AirtimeReport.Run(Console.Out);
            }

            if (args.Length > 0 && args[0] == "demo")
            {
                return MeshDemo.Run(args, Console.In, Console.Out, Console.Error);
            }

            Console.WriteLine("usage: dotnet run --project Emulator -- demo [--nodes 4] [--commands \"0:READ;ALL:READ\"] [--air-port N] [--headless] [--supervision-ms 2000] [--flash-root DIR | --keep-flash] [--fresh] [--mqtt HOST:PORT|local]");
            Console.WriteLine("       dotnet run --project Emulator -- airtime");
            Console.WriteLine("       dotnet run --project Emulator -- demo --single-node [--no-sensor] [--sensor-address 0x45] [--supply-volts 12] [--load-ohms 48] [--flash DIR | --keep-flash]");
            return args.Length == 0 ? 0 : 2;
        }
    }
}
