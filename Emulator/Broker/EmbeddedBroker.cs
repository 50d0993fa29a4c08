using System;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace DcMonitor.Emulator.Broker
{
    /// <summary>
    /// An MQTT broker inside this process (MQTTnet.Server 5.2) on a free loopback port, for <c>demo --mqtt local</c> and the tests: no
    /// installation, no root. It behaves like a plain Mosquitto without persistence: MQTT 3.1.1 and 5, QoS 0, 1 and 2, retained
    /// messages, will messages (published when a client vanishes without DISCONNECT), sessions of clients that connect without a
    /// clean session kept while the broker runs. Anonymous clients are accepted unless a user name and password are given.
    /// Started on construction, stopped on dispose. For outages: <see cref="Kill"/> drops every connection at once and forgets
    /// everything (retained messages, sessions), <see cref="Start"/> brings it back empty on the same port, <see cref="Pause"/>
    /// freezes it (connections stay open, nothing is answered, as a stopped process) until <see cref="Resume"/>.
    /// With a server certificate it listens only over TLS (1.2 or 1.3; a TLS endpoint and a password, as a broker on the Internet is
    /// configured): <see cref="Port"/> is then that TLS port, and a plain client gets no answer.
    /// </summary>
    public sealed class EmbeddedBroker : IDisposable
    {
        private readonly FreezableFront _front = new FreezableFront();
        private readonly string _username;
        private readonly string _password;
        private readonly X509Certificate2 _certificate;
        private MqttServer _server;

        /// <summary>Starts a broker that accepts every client (anonymous or not).</summary>
        public EmbeddedBroker()
            : this(null, null)
        {
        }

        /// <summary>
        /// Starts a broker; with <paramref name="username"/> it accepts only clients that give that user name and
        /// <paramref name="password"/> (others get CONNACK "bad user name or password", code 4 in MQTT 3.1.1).
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="password"/> without <paramref name="username"/>.</exception>
        public EmbeddedBroker(string username, string password)
            : this(username, password, null)
        {
        }

        /// <summary>
        /// Starts a broker as <see cref="EmbeddedBroker(string, string)"/>, over TLS only when <paramref name="serverCertificate"/> (with its
        /// private key) is given: clients must trust its issuer and connect by a name or address the certificate holds.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="password"/> without <paramref name="username"/>, or a certificate without its private key.</exception>
        public EmbeddedBroker(string username, string password, X509Certificate2 serverCertificate)
        {
            if (serverCertificate != null && !serverCertificate.HasPrivateKey)
            {
                throw new ArgumentException("the broker's certificate needs its private key", nameof(serverCertificate));
            }

            _certificate = serverCertificate;
            if (username == null && password != null)
            {
                throw new ArgumentException("a password needs a user name", nameof(password));
            }

            _username = username;
            _password = password ?? string.Empty;
            Start();
        }

        /// <summary>The port clients connect to on 127.0.0.1 (the same across <see cref="Kill"/> and <see cref="Start"/>).</summary>
        public int Port => _front.Port;

        /// <summary>True between <see cref="Start"/> and <see cref="Kill"/>.</summary>
        public bool IsRunning => _server != null;

        /// <summary>Starts the broker, empty, and listens on <see cref="Port"/> (a free loopback port the first time).</summary>
        /// <exception cref="InvalidOperationException">Already running.</exception>
        /// <exception cref="System.Net.Sockets.SocketException">Another program took the port while the broker was down.</exception>
        public void Start()
        {
            if (_server != null)
            {
                throw new InvalidOperationException("the embedded broker already runs on port " + Port);
            }

            var factory = new MqttServerFactory();
            MqttServerOptionsBuilder builder = factory.CreateServerOptionsBuilder().WithPersistentSessions();
            if (_certificate == null)
            {
                builder.WithDefaultEndpoint()
                    .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                    .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
                    .WithDefaultEndpointPort(0); // the system picks; only the front connects to it
            }
            else
            {
                builder.WithoutDefaultEndpoint()
                    .WithEncryptedEndpoint()
                    .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
                    .WithEncryptedEndpointBoundIPV6Address(IPAddress.None)
                    .WithEncryptedEndpointPort(0)
                    .WithEncryptionCertificate(_certificate)
                    .WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13);
            }

            MqttServerOptions options = builder.Build();
            MqttServer server = factory.CreateMqttServer(options);
            server.ValidatingConnectionAsync += Validate;
            SubscribeAcknowledgementOrder.Attach(server);
            server.StartAsync().GetAwaiter().GetResult();
            try
            {
                _front.Open(_certificate == null ? options.DefaultEndpointOptions.Port : options.TlsEndpointOptions.Port);
            }
            catch
            {
                Stop(server);
                throw;
            }

            _server = server;
        }

        /// <summary>Kills the broker (an outage): every client loses its connection at once; retained messages and sessions are gone. Idempotent.</summary>
        public void Kill()
        {
            _front.Close();
            MqttServer server = _server;
            _server = null;
            if (server != null)
            {
                Stop(server);
            }
        }

        /// <summary>Freezes the broker: connections stay open but nothing is answered or delivered until <see cref="Resume"/>.</summary>
        public void Pause() => _front.Freeze();

        /// <summary>Resumes a frozen broker: what was held back goes through.</summary>
        public void Resume() => _front.Thaw();

        /// <inheritdoc/>
        public void Dispose()
        {
            Resume();
            Kill();
        }

        private static void Stop(MqttServer server)
        {
            server.StopAsync(new MqttServerStopOptions()).GetAwaiter().GetResult();
            server.Dispose();
        }

        private Task Validate(ValidatingConnectionEventArgs connection)
        {
            if (_username != null && (connection.UserName != _username || connection.Password != _password))
            {
                connection.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        }
    }
}
