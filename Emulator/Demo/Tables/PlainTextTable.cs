using System.IO;
using Spectre.Console;

namespace DcMonitor.Emulator.Demo.Tables
{
    /// <summary>
    /// Writes a Spectre.Console table as plain text: no colours, no cursor codes, 120 columns wide, so it reads the same on a
    /// terminal, in a pipe and in a test's <see cref="StringWriter"/>.
    /// </summary>
    public static class PlainTextTable
    {
        /// <summary>Width the tables are laid out for, characters (a pipe has no width of its own).</summary>
        public const int Width = 120;

        /// <summary>Writes <paramref name="table"/> to <paramref name="output"/>.</summary>
        public static void Write(Table table, TextWriter output)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Out = new AnsiConsoleOutput(output),
            });
            console.Profile.Width = Width;
            console.Write(table);
        }
    }
}
