using System;
using System.Threading;
using RadLine;
using Spectre.Console;

namespace DcMonitor.Emulator.Demo.Interactive
{
    /// <summary>
    /// Lines from a terminal with line editing and history (RadLine): left/right, Home/End, word moves, Backspace/Delete;
    /// Up and Down walk through the lines entered before (empty lines are not kept); Ctrl-D on an empty line ends the input.
    /// </summary>
    public sealed class HistoryLineSource : ILineSource
    {
        /// <summary>The prompt shown before each line (the line editor adds a blank after it).</summary>
        public const string Prompt = "demo>";

        private readonly LineEditor _editor;

        /// <summary>Edits lines on <paramref name="terminal"/>, keys from <paramref name="keys"/> (null: the real keyboard).</summary>
        public HistoryLineSource(IAnsiConsole terminal, IInputSource keys = null)
        {
            _editor = new LineEditor(terminal, keys) { Prompt = new LineEditorPrompt(Prompt) };
            _editor.KeyBindings.Add<PreviousHistoryCommand>(ConsoleKey.UpArrow, () => new PreviousHistoryCommand()); // one line: Up is history
            _editor.KeyBindings.Add<NextHistoryCommand>(ConsoleKey.DownArrow, () => new NextHistoryCommand());
            _editor.KeyBindings.Add<EndOfInputCommand>(ConsoleKey.D, ConsoleModifiers.Control, () => new EndOfInputCommand());
        }

        /// <summary>Lines kept in the history.</summary>
        public int HistoryCount => _editor.History.Count;

        /// <summary>True when <paramref name="terminal"/> can show the line editor (an interactive terminal with ANSI support).</summary>
        public static bool IsSupported(IAnsiConsole terminal) => LineEditor.IsSupported(terminal);

        /// <inheritdoc/>
        public string ReadLine(CancellationToken cancel)
        {
            string line = _editor.ReadLine(cancel).GetAwaiter().GetResult();
            cancel.ThrowIfCancellationRequested(); // RadLine returns null when cancelled before a key, as at the end of input
            return line;
        }

        /// <inheritdoc/>
        public void Dispose()
        {
        }

        /// <summary>Ctrl-D: on an empty line, ends the input as at the end of a pipe; otherwise nothing.</summary>
        private sealed class EndOfInputCommand : LineEditorCommand
        {
            public override void Execute(LineEditorContext context)
            {
                if (context.Buffer.Length == 0)
                {
                    context.Submit(SubmitAction.Cancel);
                }
            }
        }
    }
}
