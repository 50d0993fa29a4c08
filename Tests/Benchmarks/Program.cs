using BenchmarkDotNet.Running;

namespace DcMonitor.Benchmarks
{
    /// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet switcher).</summary>
    public static class Program
    {
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
