using System.Collections.Generic;

namespace DcMonitor.InteropStubs
{
    /// <summary>
    /// The native-methods checksum the MetadataProcessor writes into the PE header and into the stub's assembly
    /// table, and which nanoCLR compares when it loads the assembly (CLRStartup.cpp LoadAssembly): a running CRC
    /// over every method of every included type, in table order — for a native method the ASCII assembly name,
    /// safe class name and safe method name, for any other method the text "NULL" — where the running value reads
    /// as 0 until the first native method has been counted (MetadataProcessor NativeMethodsCrc). 0 when there is no
    /// native method.
    /// </summary>
    public static class NativeChecksum
    {
        public static uint Compute(InteropAssembly assembly)
        {
            uint crc = 0;
            int natives = 0;
            foreach (InteropType type in assembly.Types)
            {
                if (!type.InStub)
                {
                    continue;
                }

                foreach (InteropMethod method in type.Methods)
                {
                    uint seed = natives > 0 ? crc : 0;
                    if (method.IsNative)
                    {
                        crc = NanoCrc32.Compute(assembly.Name, seed);
                        crc = NanoCrc32.Compute(type.ClassName, natives > 0 ? crc : 0);
                        crc = NanoCrc32.Compute(method.SafeName, natives > 0 ? crc : 0);
                        natives++;
                    }
                    else
                    {
                        crc = NanoCrc32.Compute("NULL", seed);
                    }
                }
            }

            return natives > 0 ? crc : 0;
        }

        /// <summary>
        /// The native method table, one entry per method of every type with methods, in table order: the stub
        /// function name for a native method of an included type, "NULL" otherwise (the index nanoCLR uses).
        /// </summary>
        public static List<string> MethodTable(InteropAssembly assembly)
        {
            var entries = new List<string>();
            string project = assembly.Name.Replace('.', '_');
            foreach (InteropType type in assembly.Types)
            {
                foreach (InteropMethod method in type.Methods)
                {
                    entries.Add(type.InStub && method.IsNative ? "Library_" + project + "_" + type.ClassName + "::" + method.SafeName : "NULL");
                }
            }

            return entries;
        }
    }
}
