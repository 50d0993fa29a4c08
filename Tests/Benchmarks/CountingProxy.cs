using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DcMonitor.Benchmarks
{
    /// <summary>
    /// A loopback TCP relay in front of the broker that counts what crosses it: connections accepted, and MQTT bytes each way
    /// (TCP payload; the IP and TCP headers are not counted). Clients connect to <see cref="Port"/> instead of the broker.
    /// </summary>
    public sealed class CountingProxy : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly int _brokerPort;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private long _toBroker;
        private long _fromBroker;
        private long _connections;

        public CountingProxy(int brokerPort)
        {
            _brokerPort = brokerPort;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Task.Run(AcceptLoop);
        }

        /// <summary>The port clients use.</summary>
        public int Port { get; }

        /// <summary>Bytes sent by clients to the broker.</summary>
        public long BytesToBroker => Interlocked.Read(ref _toBroker);

        /// <summary>Bytes sent by the broker to clients.</summary>
        public long BytesFromBroker => Interlocked.Read(ref _fromBroker);

        /// <summary>TCP connections opened through the proxy.</summary>
        public long Connections => Interlocked.Read(ref _connections);

        /// <summary>Zeroes the counters (start of a measurement window).</summary>
        public void Reset()
        {
            Interlocked.Exchange(ref _toBroker, 0);
            Interlocked.Exchange(ref _fromBroker, 0);
            Interlocked.Exchange(ref _connections, 0);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }

                Interlocked.Increment(ref _connections);
                var broker = new TcpClient();
                await broker.ConnectAsync(IPAddress.Loopback, _brokerPort);
                _ = Pump(client, broker, isToBroker: true);
                _ = Pump(broker, client, isToBroker: false);
            }
        }

        private async Task Pump(TcpClient from, TcpClient to, bool isToBroker)
        {
            byte[] buffer = new byte[4096];
            try
            {
                NetworkStream input = from.GetStream();
                NetworkStream output = to.GetStream();
                int read;
                while ((read = await input.ReadAsync(buffer, _stop.Token)) > 0)
                {
                    Interlocked.Add(ref isToBroker ? ref _toBroker : ref _fromBroker, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                }
            }
            catch (Exception)
            {
                // either side closed
            }

            from.Close();
            to.Close();
        }
    }
}
