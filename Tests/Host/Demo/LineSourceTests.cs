using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using DcMonitor.Emulator.Demo.Interactive;
using RadLine;
using Spectre.Console;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>The demo console's line sources: plain lines exactly as piped, and the terminal line editor's history.</summary>
    public class LineSourceTests
    {
        [Fact]
        public void PlainInputGivesEveryLineExactlyThenTheEnd()
        {
            using var lines = new PlainLineSource(new StringReader("1:READ\n  power node-1 off \r\n\nquit"));
            Assert.Equal("1:READ", lines.ReadLine(CancellationToken.None));
            Assert.Equal("  power node-1 off ", lines.ReadLine(CancellationToken.None));
            Assert.Equal(string.Empty, lines.ReadLine(CancellationToken.None));
            Assert.Equal("quit", lines.ReadLine(CancellationToken.None));
            Assert.Null(lines.ReadLine(CancellationToken.None));
            Assert.Null(lines.ReadLine(CancellationToken.None));
        }

        [Fact]
        public void WaitingForPlainInputEndsWithCtrlC()
        {
            using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
            using var nobodyTypes = new StreamReader(new System.IO.Pipes.AnonymousPipeClientStream(System.IO.Pipes.PipeDirection.In, pipe.ClientSafePipeHandle));
            using var lines = new PlainLineSource(nobodyTypes);
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => lines.ReadLine(cancel.Token));
            pipe.Dispose(); // the writer closes: the reading thread sees the end of input
            Assert.Null(lines.ReadLine(CancellationToken.None));
        }

        [Fact]
        public void UpArrowRecallsTheLinesEnteredBeforeAndDownComesBack()
        {
            var keys = new TypedKeys();
            keys.Type("1:READ").Enter();
            keys.Type("stats").Enter();
            keys.Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Enter();
            keys.Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Press(ConsoleKey.DownArrow).Enter(); // 1:READ, stats, 1:READ, back to stats
            using var lines = new HistoryLineSource(Terminal(), keys);
            Assert.Equal("1:READ", lines.ReadLine(CancellationToken.None));
            Assert.Equal("stats", lines.ReadLine(CancellationToken.None));
            Assert.Equal("1:READ", lines.ReadLine(CancellationToken.None));
            Assert.Equal("stats", lines.ReadLine(CancellationToken.None));
        }

        [Fact]
        public void EmptyLinesAreNotKeptInTheHistory()
        {
            var keys = new TypedKeys();
            keys.Type("nodes").Enter();
            keys.Enter();
            keys.Press(ConsoleKey.UpArrow).Enter();
            using var lines = new HistoryLineSource(Terminal(), keys);
            Assert.Equal("nodes", lines.ReadLine(CancellationToken.None));
            Assert.Equal(string.Empty, lines.ReadLine(CancellationToken.None));
            Assert.Equal("nodes", lines.ReadLine(CancellationToken.None));
            Assert.Equal(1, lines.HistoryCount);
        }

        [Fact]
        public void LeftArrowEditsInsideTheLine()
        {
            var keys = new TypedKeys();
            keys.Type("1:REA").Press(ConsoleKey.LeftArrow).Press(ConsoleKey.LeftArrow).Type("X").Enter();
            using var lines = new HistoryLineSource(Terminal(), keys);
            Assert.Equal("1:RXEA", lines.ReadLine(CancellationToken.None));
        }

        [Fact]
        public void CtrlDOnAnEmptyLineEndsTheInputButNotInsideALine()
        {
            var keys = new TypedKeys();
            keys.Type("ab").Press(ConsoleKey.D, control: true).Enter();
            keys.Press(ConsoleKey.D, control: true);
            using var lines = new HistoryLineSource(Terminal(), keys);
            Assert.Equal("ab", lines.ReadLine(CancellationToken.None));
            Assert.Null(lines.ReadLine(CancellationToken.None));
        }

        [Fact]
        public void WaitingForAKeyEndsWithCtrlC()
        {
            using var lines = new HistoryLineSource(Terminal(), new TypedKeys());
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => lines.ReadLine(cancel.Token));
        }

        [Fact]
        public void ThePromptIsShown()
        {
            var screen = new StringWriter();
            var keys = new TypedKeys();
            keys.Type("nodes").Enter();
            using var lines = new HistoryLineSource(Terminal(screen), keys);
            lines.ReadLine(CancellationToken.None);
            Assert.Contains(HistoryLineSource.Prompt, screen.ToString());
            Assert.Contains("nodes", screen.ToString());
        }

        private static IAnsiConsole Terminal(TextWriter screen = null) => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen ?? new StringWriter()),
        });

        /// <summary>Keys typed in advance, as the line editor reads them from a keyboard.</summary>
        private sealed class TypedKeys : IInputSource
        {
            private readonly Queue<ConsoleKeyInfo> _keys = new Queue<ConsoleKeyInfo>();

            public bool ByPassProcessing => false;

            public TypedKeys Type(string text)
            {
                foreach (char c in text)
                {
                    _keys.Enqueue(new ConsoleKeyInfo(c, c == ' ' ? ConsoleKey.Spacebar : ConsoleKey.A, false, false, false));
                }

                return this;
            }

            public TypedKeys Press(ConsoleKey key, bool control = false)
            {
                _keys.Enqueue(new ConsoleKeyInfo('\0', key, false, false, control));
                return this;
            }

            public TypedKeys Enter() => Press(ConsoleKey.Enter);

            public bool IsKeyAvailable() => _keys.Count > 0;

            public ConsoleKeyInfo ReadKey() => _keys.Dequeue();
        }
    }
}
