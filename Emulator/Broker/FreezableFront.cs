using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DcMonitor.Emulator.Broker
{
    /// <summary>
    /// The loopback port clients of an <see cref="EmbeddedBroker"/> connect to: every accepted connection is relayed byte for byte to
    /// the broker's own listener. Being in between lets the front do to the clients what a frozen or killed broker process does:
    /// <see cref="Freeze"/> stops every byte in both directions while the connections stay open (like SIGSTOP on a broker: new
    /// connections are still accepted, nothing is answered), <see cref="Close"/> drops every connection at once (like the process
    /// dying) and stops listening.
    /// </summary>
    internal sealed class FreezableFront
    {
        /// <summary>Relay buffer per direction, bytes (larger MQTT packets go through in several pieces).</summary>
        private const int BufferBytes = 16 * 1024;

        private readonly object _gate = new object();
        private readonly HashSet<Socket> _sockets = new HashSet<Socket>();
        private TaskCompletionSource _thawed = CompletedGate();
        private TcpListener _listener;
        private CancellationTokenSource _stopping;

        /// <summary>The port clients connect to on 127.0.0.1 (chosen by the system on the first <see cref="Open"/>, kept afterwards).</summary>
        public int Port { get; private set; }

        /// <summary>
        /// Listens on 127.0.0.1 (<see cref="Port"/>, or a free port the first time) and relays each connection to 127.0.0.1:<paramref name="brokerPort"/>.
        /// </summary>
        /// <exception cref="InvalidOperationException">Already open.</exception>
        /// <exception cref="SocketException">The port is taken (by another program since the last <see cref="Close"/>).</exception>
        public void Open(int brokerPort)
        {
            lock (_gate)
            {
                if (_listener != null)
                {
                    throw new InvalidOperationException("the broker's front is already open on port " + Port);
                }

                var listener = new TcpListener(IPAddress.Loopback, Port);
                listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true); // connections of the last run may linger in TIME_WAIT
                listener.Start();
                Port = ((IPEndPoint)listener.LocalEndpoint).Port;
                _listener = listener;
                _stopping = new CancellationTokenSource();
                _ = AcceptAsync(listener, brokerPort, _stopping.Token);
            }
        }

        /// <summary>Stops listening and drops every relayed connection at once (no MQTT DISCONNECT either way). Idempotent.</summary>
        public void Close()
        {
            Socket[] open;
            lock (_gate)
            {
                if (_listener == null)
                {
                    return;
                }

                _stopping.Cancel();
                _listener.Stop();
                _listener = null;
                open = new Socket[_sockets.Count];
                _sockets.CopyTo(open);
                _sockets.Clear();
            }

            foreach (Socket socket in open)
            {
                socket.Dispose();
            }
        }

        /// <summary>Stops relaying in both directions; connections stay open and new ones are accepted but not served.</summary>
        public void Freeze()
        {
            lock (_gate)
            {
                if (_thawed.Task.IsCompleted)
                {
                    _thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }

        /// <summary>Relays again what was held back by <see cref="Freeze"/>.</summary>
        public void Thaw()
        {
            lock (_gate)
            {
                _thawed.TrySetResult();
            }
        }

        private static TaskCompletionSource CompletedGate()
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gate.SetResult();
            return gate;
        }

        private async Task AcceptAsync(TcpListener listener, int brokerPort, CancellationToken stopping)
        {
            while (!stopping.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptSocketAsync(stopping);
                }
                catch (Exception exception) when (exception is OperationCanceledException || exception is SocketException || exception is ObjectDisposedException)
                {
                    return; // closed
                }

                _ = RelayAsync(client, brokerPort, stopping);
            }
        }

        private async Task RelayAsync(Socket client, int brokerPort, CancellationToken stopping)
        {
            var broker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            if (!Track(client) || !Track(broker))
            {
                client.Dispose();
                broker.Dispose();
                return;
            }

            try
            {
                client.NoDelay = true;
                broker.NoDelay = true;
                await broker.ConnectAsync(IPAddress.Loopback, brokerPort, stopping);
                using var clientStream = new NetworkStream(client, ownsSocket: false);
                using var brokerStream = new NetworkStream(broker, ownsSocket: false);
                Task upstream = PumpAsync(clientStream, brokerStream, stopping);
                Task downstream = PumpAsync(brokerStream, clientStream, stopping);
                await Task.WhenAny(upstream, downstream); // one side ended: the other end learns it as a closed connection
            }
            catch (Exception exception) when (exception is OperationCanceledException || exception is SocketException || exception is ObjectDisposedException)
            {
                // the front closed or the broker's listener is gone: the client sees its connection closed
            }
            finally
            {
                Untrack(client);
                Untrack(broker);
            }
        }

        /// <summary>Copies <paramref name="from"/> to <paramref name="to"/> until either ends; each chunk (and the end) waits while frozen.</summary>
        private async Task PumpAsync(Stream from, Stream to, CancellationToken stopping)
        {
            byte[] buffer = new byte[BufferBytes];
            try
            {
                while (true)
                {
                    int read = await from.ReadAsync(buffer, stopping);
                    Task thawed;
                    lock (_gate)
                    {
                        thawed = _thawed.Task;
                    }

                    await thawed.WaitAsync(stopping);
                    if (read == 0)
                    {
                        return;
                    }

                    await to.WriteAsync(buffer.AsMemory(0, read), stopping);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException || exception is IOException || exception is ObjectDisposedException)
            {
                // a side reset or the front closed: the relay ends
            }
        }

        private bool Track(Socket socket)
        {
            lock (_gate)
            {
                return _listener != null && _sockets.Add(socket);
            }
        }

        private void Untrack(Socket socket)
        {
            lock (_gate)
            {
                _sockets.Remove(socket);
            }

            socket.Dispose();
        }
    }
}
