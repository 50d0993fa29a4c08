using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace DcMonitor.Emulator.Board
{
    /// <summary>
    /// The far end of one UART of the virtual board (what a USB-serial adapter would plug into). The host
    /// side types with <see cref="SendToDevice(string)"/> and reads what the firmware transmitted, either as
    /// complete lines (<see cref="TryReadLine"/>) or as raw bytes through <see cref="Transmitted"/>.
    /// The device side is the emulated <c>System.IO.Ports.SerialPort</c>. Thread-safe.
    /// </summary>
    public sealed class VirtualSerialPort
    {
        private readonly object _gate = new object();
        private readonly Queue<byte> _towardDevice = new Queue<byte>();
        private readonly BlockingCollection<string> _linesFromDevice = new BlockingCollection<string>();
        private readonly StringBuilder _partialLine = new StringBuilder();

        internal VirtualSerialPort(string name)
        {
            Name = name;
        }

        /// <summary>Raised (on the transmitting firmware thread) with every chunk of bytes the firmware writes.</summary>
        public event Action<byte[]> Transmitted;

        /// <summary>Raised when bytes arrive for the device (the emulated SerialPort turns this into DataReceived).</summary>
        internal event Action BytesArrived;

        /// <summary>The COM name ("COM2").</summary>
        public string Name { get; }

        /// <summary>Bytes waiting to be read by the firmware.</summary>
        internal int BytesWaiting
        {
            get
            {
                lock (_gate)
                {
                    return _towardDevice.Count;
                }
            }
        }

        /// <summary>Types text into the device's receive line (UTF-8).</summary>
        public void SendToDevice(string text)
        {
            SendToDevice(Encoding.UTF8.GetBytes(text));
        }

        /// <summary>Puts raw bytes on the device's receive line.</summary>
        public void SendToDevice(byte[] bytes)
        {
            lock (_gate)
            {
                foreach (byte b in bytes)
                {
                    _towardDevice.Enqueue(b);
                }

                Monitor.PulseAll(_gate);
            }

            BytesArrived?.Invoke();
        }

        /// <summary>
        /// Waits up to <paramref name="timeoutMilliseconds"/> for the next complete line the firmware
        /// transmitted (terminator CR, LF or CRLF removed). False on timeout.
        /// </summary>
        public bool TryReadLine(int timeoutMilliseconds, out string line)
        {
            return _linesFromDevice.TryTake(out line, timeoutMilliseconds);
        }

        /// <summary>Takes up to <paramref name="count"/> received bytes, waiting up to <paramref name="timeoutMilliseconds"/> for the first.</summary>
        internal byte[] TakeForDevice(int count, int timeoutMilliseconds)
        {
            lock (_gate)
            {
                if (_towardDevice.Count == 0 && timeoutMilliseconds != 0)
                {
                    Monitor.Wait(_gate, timeoutMilliseconds < 0 ? Timeout.Infinite : timeoutMilliseconds);
                }

                int n = Math.Min(count, _towardDevice.Count);
                byte[] taken = new byte[n];
                for (int i = 0; i < n; i++)
                {
                    taken[i] = _towardDevice.Dequeue();
                }

                return taken;
            }
        }

        /// <summary>Called by the device side with bytes it transmits.</summary>
        internal void FromDevice(byte[] bytes)
        {
            lock (_partialLine)
            {
                foreach (byte b in bytes)
                {
                    char c = (char)b;
                    if (c == '\n' || c == '\r')
                    {
                        if (c == '\n' && _partialLine.Length == 0 && _lastWasCarriageReturn)
                        {
                            _lastWasCarriageReturn = false;
                            continue;
                        }

                        _lastWasCarriageReturn = c == '\r';
                        _linesFromDevice.Add(_partialLine.ToString());
                        _partialLine.Clear();
                    }
                    else
                    {
                        _lastWasCarriageReturn = false;
                        _partialLine.Append(c);
                    }
                }
            }

            Transmitted?.Invoke(bytes);
        }

        private bool _lastWasCarriageReturn;
    }
}
