using System;
using System.Buffers;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace DcMonitor.Emulator.Air
{
    /// <summary>
    /// One TCP connection speaking UTF-8 JSON Lines (one object per line, both directions), as the air protocol
    /// defines (docs/emulator.md). A reader thread raises <see cref="Received"/> for each
    /// object (malformed lines raise <see cref="Malformed"/>); <see cref="Send"/> and <see cref="SendLine"/> are thread-safe and
    /// write each line with one write to the socket. <see cref="Closed"/> fires once when either side ends the connection.
    /// </summary>
    public sealed class JsonLineConnection : IDisposable
    {
        private readonly TcpClient _client;
        private readonly StreamReader _reader;
        private readonly NetworkStream _stream;
        private static readonly byte[] NewLine = { (byte)'\n' };
        private readonly object _writeGate = new object();
        private int _closed;

        /// <summary>Wraps a connected client; call <see cref="Start"/> to begin reading.</summary>
        public JsonLineConnection(TcpClient client)
        {
            _client = client;
            _client.NoDelay = true;
            _stream = client.GetStream();
            _reader = new StreamReader(_stream, new UTF8Encoding(false));
        }

        /// <summary>Each received object, on the reader thread.</summary>
        public event Action<JsonObject> Received;

        /// <summary>A line that is not a JSON object, on the reader thread.</summary>
        public event Action<string> Malformed;

        /// <summary>The connection ended.</summary>
        public event Action Closed;

        /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/>.</summary>
        public static JsonLineConnection Connect(string host, int port)
        {
            var client = new TcpClient();
            client.Connect(host, port);
            return new JsonLineConnection(client);
        }

        /// <summary>Starts the reader thread.</summary>
        public void Start()
        {
            new Thread(ReadLoop) { IsBackground = true, Name = "air connection" }.Start();
        }

        /// <summary>One object as a line: its UTF-8 JSON and a line feed, ready for <see cref="SendLine"/>.</summary>
        public static byte[] LineOf(JsonObject message)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                message.WriteTo(writer);
            }

            buffer.Write(NewLine);
            return buffer.WrittenSpan.ToArray();
        }

        /// <summary>Sends one object; false when the connection is gone.</summary>
        public bool Send(JsonObject message) => SendLine(LineOf(message));

        /// <summary>
        /// Sends a line already serialised by <see cref="LineOf"/> (the same bytes can go to many connections); false when the
        /// connection is gone.
        /// </summary>
        public bool SendLine(byte[] line)
        {
            lock (_writeGate)
            {
                try
                {
                    _stream.Write(line, 0, line.Length);
                    return true;
                }
                catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException || exception is InvalidOperationException)
                {
                    Close();
                    return false;
                }
            }
        }

        /// <summary>Closes the connection.</summary>
        public void Dispose() => Close();

        private void ReadLoop()
        {
            try
            {
                string line;
                while ((line = _reader.ReadLine()) != null)
                {
                    JsonObject message = null;
                    try
                    {
                        message = JsonNode.Parse(line) as JsonObject;
                    }
                    catch (System.Text.Json.JsonException)
                    {
                    }

                    if (message == null)
                    {
                        Malformed?.Invoke(line);
                        continue;
                    }

                    Received?.Invoke(message);
                }
            }
            catch (Exception exception) when (exception is IOException || exception is ObjectDisposedException)
            {
            }

            Close();
        }

        private void Close()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1)
            {
                return;
            }

            try
            {
                _client.Close();
            }
            catch (ObjectDisposedException)
            {
            }

            Closed?.Invoke();
        }
    }
}
