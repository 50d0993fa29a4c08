using System.Collections.Generic;
using System.Text;
using System.Threading;
using DcMonitor.Emulator.Board;
using nanoFramework.Hardware.Esp32;

namespace System.IO.Ports
{
    /// <summary>
    /// Emulation of nanoFramework.System.IO.Ports' <c>SerialPort</c> (ESP32: COMn = UART n−1; the ESP32-C6
    /// has COM1 and COM2) connected to the board's <see cref="VirtualSerialPort"/> of the same name.
    /// Semantics kept: the TX and RX pins must be routed with <c>Configuration.SetPinFunction</c> before
    /// <see cref="Open"/> (else a plain <see cref="Exception"/>, as CLR_E_PIN_UNAVAILABLE surfaces);
    /// <see cref="ReadLine"/> waits for <see cref="NewLine"/> (default "\n") and returns the line without it;
    /// timeouts throw <see cref="TimeoutException"/>; one open instance per port.
    /// </summary>
    public sealed class SerialPort : IDisposable
    {
        private static readonly object s_registryGate = new object();
        private static readonly HashSet<string> s_constructed = new HashSet<string>();

        private readonly VirtualBoard _board;
        private readonly VirtualSerialPort _wire;
        private readonly string _registryKey;
        private readonly StringBuilder _lineBuffer = new StringBuilder();
        private string _newLine = "\n";
        private int _readTimeout = Timeout.Infinite;
        private bool _open;
        private bool _disposed;

        /// <summary>Creates a port ("COM1" or "COM2" on the ESP32-C6).</summary>
        /// <exception cref="ArgumentException">The name is not COM1/COM2, or the port already has an undisposed instance.</exception>
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One)
        {
            if (portName == null || portName.Length != 4 || !portName.StartsWith("COM", StringComparison.Ordinal) || portName[3] < '1' || portName[3] > '2')
            {
                throw new ArgumentException("Serial port '" + portName + "' does not exist on the ESP32-C6 (COM1, COM2).", nameof(portName));
            }

            _board = VirtualBoard.Current;
            _registryKey = _board.FlashDirectory + "|" + portName;
            lock (s_registryGate)
            {
                if (!s_constructed.Add(_registryKey))
                {
                    throw new ArgumentException("Serial port " + portName + " is already in use.", nameof(portName));
                }
            }

            PortName = portName;
            BaudRate = baudRate;
            Parity = parity;
            DataBits = dataBits;
            StopBits = stopBits;
            _wire = _board.SerialPort(portName);
            _wire.BytesArrived += OnBytesArrived;
        }

        /// <summary>Raised on a runtime thread when bytes arrive while the port is open.</summary>
        public event SerialDataReceivedEventHandler DataReceived;

        /// <summary>COM name.</summary>
        public string PortName { get; }

        /// <summary>Baud rate (&gt; 0).</summary>
        public int BaudRate { get; set; }

        /// <summary>Parity.</summary>
        public Parity Parity { get; set; }

        /// <summary>Data bits.</summary>
        public int DataBits { get; set; }

        /// <summary>Stop bits.</summary>
        public StopBits StopBits { get; set; }

        /// <summary>Flow control.</summary>
        public Handshake Handshake { get; set; }

        /// <summary>Character that raises <see cref="SerialData.WatchChar"/>.</summary>
        public char WatchChar { get; set; }

        /// <summary>True between <see cref="Open"/> and <see cref="Close"/>.</summary>
        public bool IsOpen => _open;

        /// <summary>Bytes received and not yet read.</summary>
        public int BytesToRead => _wire.BytesWaiting + _lineBuffer.Length;

        /// <summary>Line terminator for <see cref="ReadLine"/> and <see cref="WriteLine"/> (default "\n").</summary>
        /// <exception cref="ArgumentException">Null or empty.</exception>
        public string NewLine
        {
            get => _newLine;
            set
            {
                if (string.IsNullOrEmpty(value))
                {
                    throw new ArgumentException("NewLine must not be empty.");
                }

                _newLine = value;
            }
        }

        /// <summary>Read timeout in ms; <see cref="Timeout.Infinite"/> (default) waits for ever.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Negative other than -1.</exception>
        public int ReadTimeout
        {
            get => _readTimeout;
            set
            {
                if (value < 0 && value != Timeout.Infinite)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                _readTimeout = value;
            }
        }

        /// <summary>Write timeout in ms.</summary>
        public int WriteTimeout { get; set; } = Timeout.Infinite;

        /// <summary>Opens the port.</summary>
        /// <exception cref="InvalidOperationException">Already open.</exception>
        /// <exception cref="Exception">TX or RX pin not routed (nanoFramework: CLR_E_PIN_UNAVAILABLE).</exception>
        public void Open()
        {
            ThrowIfDisposed();
            if (_open)
            {
                throw new InvalidOperationException("Serial port " + PortName + " is already open.");
            }

            int index = PortName[3] - '0';
            DeviceFunction tx = DeviceFunction.COM1_TX + ((index - 1) * 0x100);
            DeviceFunction rx = DeviceFunction.COM1_RX + ((index - 1) * 0x100);
            if (_board.PinMux.PinOf(tx) < 0 || _board.PinMux.PinOf(rx) < 0)
            {
                throw new Exception("Serial port " + PortName + ": TX/RX pins are not configured (Configuration.SetPinFunction).");
            }

            _open = true;
        }

        /// <summary>Closes the port.</summary>
        public void Close()
        {
            _open = false;
        }

        /// <summary>Reads what has arrived, without waiting ("" when nothing).</summary>
        public string ReadExisting()
        {
            ThrowIfNotOpen();
            lock (_lineBuffer)
            {
                byte[] bytes = _wire.TakeForDevice(int.MaxValue, 0);
                _lineBuffer.Append(Encoding.UTF8.GetString(bytes));
                string all = _lineBuffer.ToString();
                _lineBuffer.Clear();
                return all;
            }
        }

        /// <summary>Waits for <see cref="NewLine"/> and returns the text before it.</summary>
        /// <exception cref="TimeoutException">No complete line within <see cref="ReadTimeout"/>.</exception>
        public string ReadLine()
        {
            ThrowIfNotOpen();
            DateTime deadline = _readTimeout == Timeout.Infinite ? DateTime.MaxValue : DateTime.UtcNow.AddMilliseconds(_readTimeout);
            lock (_lineBuffer)
            {
                while (true)
                {
                    string text = _lineBuffer.ToString();
                    int end = text.IndexOf(_newLine, StringComparison.Ordinal);
                    if (end >= 0)
                    {
                        _lineBuffer.Remove(0, end + _newLine.Length);
                        return text.Substring(0, end);
                    }

                    int remaining = deadline == DateTime.MaxValue ? 1000 : (int)Math.Max(0, (deadline - DateTime.UtcNow).TotalMilliseconds);
                    if (remaining == 0 && deadline != DateTime.MaxValue)
                    {
                        throw new TimeoutException();
                    }

                    byte[] bytes = _wire.TakeForDevice(int.MaxValue, remaining);
                    _lineBuffer.Append(Encoding.UTF8.GetString(bytes));
                    if (!_open)
                    {
                        throw new InvalidOperationException("Serial port closed.");
                    }
                }
            }
        }

        /// <summary>Reads up to <paramref name="count"/> bytes that have arrived (waits for the first up to <see cref="ReadTimeout"/>).</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            ThrowIfNotOpen();
            byte[] bytes = _wire.TakeForDevice(count, _readTimeout);
            if (bytes.Length == 0 && count > 0)
            {
                throw new TimeoutException();
            }

            Array.Copy(bytes, 0, buffer, offset, bytes.Length);
            return bytes.Length;
        }

        /// <summary>Reads one byte.</summary>
        public int ReadByte()
        {
            byte[] one = new byte[1];
            Read(one, 0, 1);
            return one[0];
        }

        /// <summary>Transmits bytes.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            ThrowIfNotOpen();
            byte[] chunk = new byte[count];
            Array.Copy(buffer, offset, chunk, 0, count);
            _wire.FromDevice(chunk);
        }

        /// <summary>Transmits one byte.</summary>
        public void WriteByte(byte value) => Write(new[] { value }, 0, 1);

        /// <summary>Transmits text (UTF-8).</summary>
        public void Write(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            Write(bytes, 0, bytes.Length);
        }

        /// <summary>Transmits text and <see cref="NewLine"/>.</summary>
        public void WriteLine(string text) => Write(text + _newLine);

        /// <summary>Closes and releases the port.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _open = false;
            _disposed = true;
            _wire.BytesArrived -= OnBytesArrived;
            lock (s_registryGate)
            {
                s_constructed.Remove(_registryKey);
            }
        }

        private void OnBytesArrived()
        {
            SerialDataReceivedEventHandler handler = DataReceived;
            if (_open && handler != null)
            {
                ThreadPool.QueueUserWorkItem(_ => handler(this, new SerialDataReceivedEventArgs(SerialData.Chars)));
            }
        }

        private void ThrowIfNotOpen()
        {
            ThrowIfDisposed();
            if (!_open)
            {
                throw new InvalidOperationException("Serial port " + PortName + " is not open.");
            }
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(SerialPort));
            }
        }
    }
}
