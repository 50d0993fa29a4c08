using System;
using System.Threading;

namespace DcMonitor.Emulator.Demo.Interactive
{
    /// <summary>The demo console's read-run loop: lines from a <see cref="ILineSource"/> through <see cref="DemoConsoleCommands"/>.</summary>
    public static class DemoConsoleLoop
    {
        /// <summary>How the loop ended.</summary>
        public enum End
        {
            /// <summary>The end of input (Ctrl-D, end of a pipe).</summary>
            EndOfInput,

            /// <summary><c>quit</c> or <c>exit</c>.</summary>
            Quit,

            /// <summary>Ctrl-C with no MONITOR running (<see cref="ConsoleInterrupt.Stopping"/>).</summary>
            Interrupted,
        }

        /// <summary>Runs lines until the input ends, a line asks to stop, or <paramref name="stopping"/> is cancelled.</summary>
        public static End Run(ILineSource lines, DemoConsoleCommands commands, CancellationToken stopping)
        {
            while (true)
            {
                string line;
                try
                {
                    line = lines.ReadLine(stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return End.Interrupted;
                }

                if (line == null)
                {
                    return End.EndOfInput;
                }

                if (!commands.Execute(line))
                {
                    return End.Quit;
                }

                if (stopping.IsCancellationRequested)
                {
                    return End.Interrupted;
                }
            }
        }
    }
}
