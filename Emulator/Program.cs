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
            if (args.Length > 0 && args[0] == "demo")
            {
                return SingleNodeDemo.Run(args, Console.In, Console.Out);
            }

            Console.WriteLine("usage: dotnet run --project Emulator -- demo [--no-sensor] [--sensor-address 0x45] [--supply-volts 12] [--load-ohms 48] [--flash DIR]");
            return args.Length == 0 ? 0 : 2;
        }
    }
}
