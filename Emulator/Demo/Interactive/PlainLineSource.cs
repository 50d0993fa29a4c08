using System.Collections.Concurrent;
using System.IO;
using System.Threading;

namespace DcMonitor.Emulator.Demo.Interactive
{
    /// <summary>
    /// Lines of a <see cref="TextReader"/> exactly as it gives them (redirected input, pipes, tests). A background thread reads
    /// ahead, so waiting for a line can be cancelled (Ctrl-C) although <see cref="TextReader.ReadLine"/> cannot.
    /// </summary>
    public sealed class PlainLineSource : ILineSource
    {
        private readonly BlockingCollection<string> _lines = new BlockingCollection<string>();
        private bool _ended;

        /// <summary>Starts reading <paramref name="input"/> to its end.</summary>
        public PlainLineSource(TextReader input)
        {
            var reader = new Thread(() =>
            {
                string line;
                while ((line = input.ReadLine()) != null)
                {
                    _lines.Add(line);
                }

                _lines.CompleteAdding();
            })
            { IsBackground = true, Name = "demo console input" };
            reader.Start();
        }

        /// <inheritdoc/>
        public string ReadLine(CancellationToken cancel)
        {
            if (_ended)
            {
                return null;
            }

            if (_lines.TryTake(out string line, Timeout.Infinite, cancel))
            {
                return line;
            }

            _ended = true; // completed and empty: the end of input
            return null;
        }

        /// <summary>Stops handing out lines (the reading thread is a background thread and ends with the process or the input).</summary>
        public void Dispose()
        {
            _ended = true;
        }
    }
}
