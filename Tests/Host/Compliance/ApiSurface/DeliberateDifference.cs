using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DcMonitor.Tests.Compliance.ApiSurface
{
    /// <summary>
    /// One entry of the allow-list of deliberate emulator-only API (EmulatedApiDeliberateDifferences.txt): the
    /// difference's <c>type | kind | signature</c> and the reason, one entry a line, '#' starts a comment line.
    /// </summary>
    public sealed class DeliberateDifference
    {
        private DeliberateDifference(ApiLine line, string reason)
        {
            Line = line;
            Reason = reason;
        }

        /// <summary>The emulator's line that differs.</summary>
        public ApiLine Line { get; }

        /// <summary>Why the difference is deliberate.</summary>
        public string Reason { get; }

        /// <summary>Reads the allow-list.</summary>
        /// <exception cref="FormatException">A line is not <c>type | kind | signature | reason</c> or has no reason.</exception>
        public static IReadOnlyList<DeliberateDifference> Load(string path)
        {
            var entries = new List<DeliberateDifference>();
            foreach (string text in File.ReadAllLines(path).Select(line => line.Trim()))
            {
                if (text.Length == 0 || text.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] parts = text.Split(" | ");
                if (parts.Length != 4 || parts.Any(part => part.Trim().Length == 0))
                {
                    throw new FormatException("expected 'type | kind | signature | reason': " + text);
                }

                entries.Add(new DeliberateDifference(new ApiLine(parts[0].Trim(), parts[1].Trim(), parts[2].Trim()), parts[3].Trim()));
            }

            return entries;
        }
    }
}
