using System;
using System.Collections.Generic;

namespace DcMonitor.FirmwareCompliance
{
    /// <summary>
    /// Command line: <c>DcMonitor.FirmwareCompliance --assembly &lt;built.dll&gt; --sources &lt;dir&gt;</c>.
    /// Prints each violation in MSBuild's error format and exits 1 when there is any, 0 otherwise, 2 on
    /// bad arguments.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            string assembly = null;
            string sources = null;
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--assembly": assembly = args[i + 1]; break;
                    case "--sources": sources = args[i + 1]; break;
                    default:
                        Console.Error.WriteLine("unknown option " + args[i]);
                        return 2;
                }
            }

            if (assembly == null && sources == null)
            {
                Console.Error.WriteLine("usage: DcMonitor.FirmwareCompliance --assembly <built.dll> --sources <dir>");
                return 2;
            }

            var violations = new List<Violation>();
            if (sources != null)
            {
                violations.AddRange(SourceRules.CheckDirectory(sources));
            }

            if (assembly != null)
            {
                violations.AddRange(AssemblyRules.LoadDefault().CheckFile(assembly));
            }

            foreach (Violation violation in violations)
            {
                Console.WriteLine(violation);
            }

            return violations.Count == 0 ? 0 : 1;
        }
    }
}
