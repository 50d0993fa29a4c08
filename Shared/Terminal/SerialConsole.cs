using System;
using System.IO.Ports;
using System.Text;
using System.Threading;
using DcMonitor.Shared.Terminal;

namespace DcMonitor.Shared.Terminal
{
    /// <summary>
    /// The node's serial console on a UART (seed protocol §4.15): a reader thread turns received bytes into
    /// lines (<see cref="ConsoleLineAssembler"/>) and hands each to <see cref="LineReceived"/>; any thread may
    /// write whole lines, which never interleave. The UART's pins must be routed before <see cref="Start"/>.
    /// </summary>
    public sealed class SerialConsole : IDisposable
    {
        private const int PollMilliseconds = 1000;

        private readonly SerialPort _port;
        private readonly ConsoleLineAssembler _assembler = new ConsoleLineAssembler();
        private readonly AutoResetEvent _bytesArrived = new AutoResetEvent(false);
        private readonly byte[] _receiveBuffer = new byte[64];
        private readonly object _writeGate = new object();
        private Thread _reader;
        private bool _stopping;

        /// <summary>Creates the console on <paramref name="portName"/> at <paramref name="baudRate"/> 8N1.</summary>
        public SerialConsole(string portName, int baudRate)
        {
            _port = new SerialPort(portName, baudRate);
            _port.NewLine = "\r\n";
        }

        /// <summary>Called on the reader thread with each complete line (1–63 characters).</summary>
        public event ConsoleLineHandler LineReceived;

        /// <summary>
        /// True while a certificate is being pasted: lines up to <see cref="ConsoleLineAssembler.MaximumPasteLineLength"/> characters
        /// (PEM's 64) are accepted instead of <see cref="ConsoleLineAssembler.MaximumLineLength"/>. Set it from a
        /// <see cref="LineReceived"/> handler (the reader thread); it applies from the next line on.
        /// </summary>
        public bool PasteLines
        {
            get { return _assembler.PasteLines; }
            set { _assembler.PasteLines = value; }
        }

        /// <summary>Opens the UART and starts reading.</summary>
        public void Start()
        {
            _port.DataReceived += OnDataReceived;
            _port.Open();
            _reader = new Thread(ReadLoop);
            _reader.Start();
        }

        /// <summary>Writes one line (CRLF-terminated). Thread-safe; a closed console drops nothing silently: it throws.</summary>
        public void WriteLine(string line)
        {
            lock (_writeGate)
            {
                _port.WriteLine(line);
            }
        }

        /// <summary>Stops reading and closes the UART.</summary>
        public void Dispose()
        {
            _stopping = true;
            _bytesArrived.Set();
            if (_reader != null)
            {
                _reader.Join();
            }

            _port.DataReceived -= OnDataReceived;
            _port.Dispose();
        }

        private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
        {
            _bytesArrived.Set();
        }

        private void ReadLoop()
        {
            while (!_stopping)
            {
                int waiting = _port.BytesToRead;
                if (waiting == 0)
                {
                    _bytesArrived.WaitOne(PollMilliseconds, false);
                    continue;
                }

                int count = _port.Read(_receiveBuffer, 0, waiting < _receiveBuffer.Length ? waiting : _receiveBuffer.Length);
                for (int i = 0; i < count; i++)
                {
                    Feed((char)_receiveBuffer[i]);
                }
            }
        }

        private void Feed(char c)
        {
            ConsoleLineStatus status = _assembler.Push(c);
            if (status == ConsoleLineStatus.Complete)
            {
                ConsoleLineHandler handler = LineReceived;
                if (handler != null)
                {
                    try
                    {
                        handler(_assembler.Line);
                    }
                    catch (Exception exception)
                    {
                        // A handler bug must not kill the console's reader thread: say so and keep reading.
                        WriteLine(">> ERR:INTERNAL (" + exception.Message + ")");
                    }
                }
            }
            else if (status == ConsoleLineStatus.TooLong)
            {
                WriteLine(">> ERR:LINE_TOO_LONG (at most " + ConsoleLineAssembler.MaximumLineLength.ToString() + " characters; the line was not run)");
            }
        }
    }
}
