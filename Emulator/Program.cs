using System;

namespace DcMonitor.Emulator
{
    /// <summary>Command line of the emulator: <c>demo</c>, <c>airtime</c> and their <c>--help</c> (<see cref="EmulatorCommandLine"/>).</summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "node")
            {
                return DcMonitor.Emulator.Air.NodeProcess.Run(args); // internal: a node process the demo starts
            }

            return EmulatorCommandLine.Run(args, Console.In, Console.Out, Console.Error);
        }
    }
}
