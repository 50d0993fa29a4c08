using BenchmarkDotNet.Running;

namespace DcMonitor.Benchmarks
{
    /// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet switcher), or with <c>uplink</c> the MQTT uplink's
    /// traffic measurement (<see cref="UplinkTraffic"/>), or with <c>relays</c> an ALL:READ's transmissions with all or selected relays
    /// (<see cref="RelayAirtime"/>).</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "uplink")
            {
                return UplinkTraffic.Run(System.Console.Out);
            }

            if (args.Length > 0 && args[0] == "relays")
            {
                return RelayAirtime.Run(System.Console.Out);
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
