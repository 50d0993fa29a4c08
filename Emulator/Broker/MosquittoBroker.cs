using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace DcMonitor.Emulator.Broker
{
    /// <summary>
    /// A private Eclipse Mosquitto broker (Debian package mosquitto) on a free loopback port, for the tests and for
    /// <c>demo --mqtt local</c>: started on construction, stopped on dispose; <see cref="Kill"/> and <see cref="Start"/> make an
    /// outage, <see cref="Pause"/> freezes it (SIGSTOP) so acknowledgements never come. <see cref="EnsureInstalled"/> installs the
    /// Debian packages when they are missing (as ./test.sh does).
    /// </summary>
    public sealed class MosquittoBroker : IDisposable
    {
        private const string Executable = "/usr/sbin/mosquitto";
        private static readonly string[] s_libraryPaths =
        {
            "/usr/lib/x86_64-linux-gnu/libmosquitto.so.1", "/usr/lib/aarch64-linux-gnu/libmosquitto.so.1", "/usr/lib/libmosquitto.so.1",
        };
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "dcmonitor-mosquitto-" + Guid.NewGuid().ToString("N"));
        private Process _process;

        public MosquittoBroker()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            Directory.CreateDirectory(_folder);
            File.WriteAllText(ConfigurationPath, "listener " + Port + " 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n");
            Start();
        }

        /// <summary>
        /// Installs mosquitto and libmosquitto1 with apt-get when either is missing (needs root, as on the CI machines); returns
        /// an explanation when they are still missing, else null.
        /// </summary>
        public static string EnsureInstalled()
        {
            if (File.Exists(Executable) && Array.Exists(s_libraryPaths, File.Exists))
            {
                return null;
            }

            try
            {
                using Process install = Process.Start(new ProcessStartInfo("sh", "-c \"apt-get update -qq >/dev/null && apt-get install -y -qq mosquitto libmosquitto1 >/dev/null\"") { UseShellExecute = false });
                install.WaitForExit();
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // no shell: reported below
            }

            return File.Exists(Executable) && Array.Exists(s_libraryPaths, File.Exists) ? null : "mosquitto and libmosquitto1 are not installed and could not be installed (apt-get install mosquitto libmosquitto1)";
        }

        /// <summary>The broker's port on 127.0.0.1.</summary>
        public int Port { get; }

        private string ConfigurationPath => Path.Combine(_folder, "mosquitto.conf");

        /// <summary>Starts the broker and waits until it accepts connections.</summary>
        public void Start()
        {
            if (!File.Exists(Executable))
            {
                throw new InvalidOperationException("mosquitto is not installed: ./test.sh installs it (apt-get install mosquitto libmosquitto1)");
            }

            _process = Process.Start(new ProcessStartInfo(Executable, "-c " + ConfigurationPath) { UseShellExecute = false });
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
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

            throw new InvalidOperationException("mosquitto did not listen on " + Port);
        }

        /// <summary>Kills the broker (an outage): clients lose their connection.</summary>
        public void Kill()
        {
            if (_process != null && !_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }

        /// <summary>Freezes the broker: connections stay open but nothing is answered.</summary>
        public void Pause() => Signal("STOP");

        /// <summary>Resumes a frozen broker.</summary>
        public void Resume() => Signal("CONT");

        public void Dispose()
        {
            Resume();
            Kill();
            Directory.Delete(_folder, recursive: true);
        }

        private void Signal(string name)
        {
            if (_process != null && !_process.HasExited)
            {
                Process.Start("kill", "-" + name + " " + _process.Id).WaitForExit();
            }
        }
    }
}
