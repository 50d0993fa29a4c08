using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Test output (Console on nanoCLR; captured by the launcher here).</summary>
    public static class OutputHelper
    {
        /// <summary>Writes text.</summary>
        public static void Write(string message) => Console.Write(message);

        /// <summary>Writes a line.</summary>
        public static void WriteLine(string message) => Console.WriteLine(message);
    }
}
