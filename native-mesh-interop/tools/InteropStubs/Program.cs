using System;
using System.Linq;
using System.IO;

namespace DcMonitor.InteropStubs
{
    /// <summary>
    /// <c>checksum &lt;assembly.dll&gt;</c> prints the native-methods checksum; <c>generate &lt;assembly.dll&gt; &lt;output folder&gt;</c>
    /// writes the stubs. Exit 0 on success, 2 on bad arguments.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "checksum")
            {
                Console.WriteLine("0x" + NativeChecksum.Compute(InteropAssembly.Load(args[1])).ToString("X8"));
                return 0;
            }

            if (args.Length >= 3 && args[0] == "generate")
            {
                StubWriter.Write(InteropAssembly.Load(args[1]), args[2], args.Skip(3).ToArray());
                return 0;
            }

            Console.Error.WriteLine("usage: DcMonitor.InteropStubs checksum <assembly.dll> | generate <assembly.dll> <output folder> [component source relative to it ...]");
            return 2;
        }
    }
}
