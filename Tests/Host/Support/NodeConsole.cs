using System;
using System.Collections.Generic;
using DcMonitor.Emulator.Board;
using Xunit;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// A person at a node's serial console: types lines and waits for the node's answers. Every wait is on
    /// the node's actual output, with a deadline that only matters when the firmware misbehaves.
    /// </summary>
    public sealed class NodeConsole
    {
        public const int DefaultTimeoutMilliseconds = 10000;

        private readonly VirtualSerialPort _port;

        public NodeConsole(VirtualSerialPort port)
        {
            _port = port;
        }

        /// <summary>Every line the node printed that the waits below have consumed, in order.</summary>
        public List<string> Transcript { get; } = new List<string>();

        public void Type(string line) => _port.SendToDevice(line + "\r\n");

        /// <summary>Types a command and returns the text of the next reply line (after ">> ").</summary>
        public string Ask(string command, int timeoutMilliseconds = DefaultTimeoutMilliseconds)
        {
            Type(command);
            return NextReply(timeoutMilliseconds);
        }

        /// <summary>The next reply line, without its ">> " prefix.</summary>
        public string NextReply(int timeoutMilliseconds = DefaultTimeoutMilliseconds)
        {
            string line = WaitFor(l => l.StartsWith(">> ", StringComparison.Ordinal), timeoutMilliseconds);
            return line.Substring(3);
        }

        /// <summary>Waits for the next line satisfying <paramref name="match"/>; fails the test on timeout.</summary>
        public string WaitFor(Func<string, bool> match, int timeoutMilliseconds = DefaultTimeoutMilliseconds)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
            while (true)
            {
                int left = (int)(deadline - DateTime.UtcNow).TotalMilliseconds;
                string line = null;
                bool received = left > 0 && _port.TryReadLine(left, out line);
                Assert.True(received, "no matching console line in time; transcript:\n" + string.Join("\n", Transcript));
                Transcript.Add(line);
                if (match(line))
                {
                    return line;
                }
            }
        }

        /// <summary>Every line the node printed and no wait consumed yet (added to the transcript), without waiting for more.</summary>
        public List<string> ReadAvailable()
        {
            var lines = new List<string>();
            while (_port.TryReadLine(0, out string line))
            {
                Transcript.Add(line);
                lines.Add(line);
            }

            return lines;
        }

        /// <summary>Waits for the line that says the node is ready.</summary>
        public void WaitUntilReady() => WaitFor(l => l == DcMonitor.UniversalNode.UniversalNodeApp.ReadyLine);
    }
}
