using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace DcMonitor.Tests.Support
{
    /// <summary>
    /// A private Eclipse Mosquitto broker (Debian package mosquitto) on a free loopback port, for the one test that checks the
    /// emulated MQTT client against a real outside broker (every other test uses the embedded broker): started on construction
    /// when installed, stopped on dispose. Nothing here installs it; <see cref="MissingReason"/> says why it cannot run.
    /// </summary>
    public sealed class MosquittoBroker : IDisposable
    {
        /// <summary>Where Debian's package puts the broker.</summary>
        public const string Executable = "/usr/sbin/mosquitto";

        /// <summary>Longest wait for the broker to listen after its start, s.</summary>
        private const int StartSeconds = 10;

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "dcmonitor-mosquitto-" + Guid.NewGuid().ToString("N"));
        private readonly Process _process;

        /// <summary>Starts Mosquitto on a free loopback port (anonymous clients, no persistence) and waits until it accepts connections.</summary>
        /// <exception cref="InvalidOperationException">Mosquitto is not installed or did not listen within 10 s.</exception>
        public MosquittoBroker()
        {
            if (MissingReason != null)
            {
                throw new InvalidOperationException(MissingReason);
            }

            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            Directory.CreateDirectory(_folder);
            string configuration = Path.Combine(_folder, "mosquitto.conf");
            File.WriteAllText(configuration, "listener " + Port + " 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n");
            _process = Process.Start(new ProcessStartInfo(Executable, "-c " + configuration) { UseShellExecute = false });
            DateTime deadline = DateTime.UtcNow.AddSeconds(StartSeconds);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, Port);
                    return;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50); // the broker is still starting: poll its port
                }
            }

            Dispose();
            throw new InvalidOperationException("mosquitto did not listen on " + Port + " within " + StartSeconds + " s");
        }

        /// <summary>Why Mosquitto cannot run here (not installed: <c>apt-get install mosquitto</c>), or null when it can.</summary>
        public static string MissingReason =>
            File.Exists(Executable) ? null : Executable + " is not installed (apt-get install mosquitto); the embedded broker covers every other MQTT test";

        /// <summary>The broker's port on 127.0.0.1.</summary>
        public int Port { get; }

        /// <summary>Stops the broker and removes its configuration.</summary>
        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
