using System;
using System.Linq;
using System.IO;

namespace DcMonitor.InteropStubs
{
    /// <summary>
    /// <c>checksum &lt;assembly.dll&gt;</c> prints the native-methods checksum; <c>generate &lt;assembly.dll&gt; &lt;output folder&gt; [--include &lt;dir&gt;]... [sources]</c>
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
                var includes = new System.Collections.Generic.List<string>();
                var sources = new System.Collections.Generic.List<string>();
                for (int i = 3; i < args.Length; i++)
                {
                    if (args[i] == "--include" && i + 1 < args.Length)
                    {
                        includes.Add(args[++i]);
                    }
                    else
                    {
                        sources.Add(args[i]);
                    }
                }

                StubWriter.Write(InteropAssembly.Load(args[1]), args[2], sources, includes);
                return 0;
            }

            Console.Error.WriteLine("usage: DcMonitor.InteropStubs checksum <assembly.dll> | generate <assembly.dll> <output folder> [--include <directory>]... [component source relative to it ...]");
            return 2;
        }
    }
}
