using System;
using System.Collections.Generic;
using System.IO;

namespace DcMonitor.DeviceConformance.Surface
{
    /// <summary>The data files' format: one record a line, columns separated by tabs, <c>#</c> lines and blank lines ignored.</summary>
    public static class TabSeparatedFile
    {
        /// <summary>The records of a file, each with at least <paramref name="minimumColumns"/> columns.</summary>
        /// <exception cref="FileNotFoundException">The file is missing.</exception>
        /// <exception cref="InvalidDataException">A record has fewer columns (the message gives file:line).</exception>
        public static IEnumerable<string[]> Rows(string path, int minimumColumns)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("device-conformance data file missing: " + path, path);
            }

            int number = 0;
            foreach (string line in File.ReadLines(path))
            {
                number++;
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] columns = line.Split('\t');
                if (columns.Length < minimumColumns)
                {
                    throw new InvalidDataException(path + ":" + number + ": expected " + minimumColumns + " tab-separated columns, found " + columns.Length);
                }

                yield return columns;
            }
        }
    }
}
