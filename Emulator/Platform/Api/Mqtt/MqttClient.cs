using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;
using LibraryClient = MQTTnet.IMqttClient;
using LibraryCommunicationException = MQTTnet.Exceptions.MqttCommunicationException;
using LibraryNotConnectedException = MQTTnet.Exceptions.MqttClientNotConnectedException;
using LibraryFactory = MQTTnet.MqttClientFactory;
using LibraryMessage = MQTTnet.MqttApplicationMessage;
using LibraryMessageReceived = MQTTnet.MqttApplicationMessageReceivedEventArgs;

namespace nanoFramework.M2Mqtt
{
    /// <summary>TLS versions of nanoFramework.M2Mqtt.</summary>
    public enum MqttSslProtocols
    {
        /// <summary>No TLS.</summary>
        None,

        /// <summary>SSL 3.</summary>
        SSLv3,

        /// <summary>TLS 1.0.</summary>
        TLSv1_0,

        /// <summary>TLS 1.1.</summary>
        TLSv1_1,

        /// <summary>TLS 1.2.</summary>
        TLSv1_2,

        /// <summary>TLS 1.3.</summary>
        TLSv1_3,
    }

    /// <summary>
    /// Emulation of nanoFramework.M2Mqtt's <c>MqttClient</c> (v5.1, MQTT 3.1.1; docs/reference/nanoframework-api.md §5) over MQTTnet 5.2's
    /// client, talking to a real broker (the embedded one, Mosquitto or any other). Semantics kept: Connect blocks until the
    /// CONNACK and returns its code (socket failures and a missing CONNACK throw <see cref="MqttConnectionException"/>); Publish
    /// returns at once with the message id (one counter, 1 to 65535, for PUBLISH, SUBSCRIBE and UNSUBSCRIBE) and sends in call order;
    /// <see cref="MqttMsgPublished"/> is raised only for QoS 1 and 2 (on PUBACK / PUBCOMP), and with IsPublished false for every
    /// message still in flight when the connection closes; every event is raised on the client's own background thread, one at a
    /// time, in order (<see cref="EventDispatcher"/>); <see cref="ConnectionClosed"/> follows any end of the connection (Disconnect,
    /// Close or loss); no reconnection by itself. <see cref="Close"/> drops the TCP connection without DISCONNECT, so the broker
    /// publishes the will.
    /// Networking: a client created inside an emulated board goes through the board's Wi-Fi station: Connect throws
    /// <see cref="MqttConnectionException"/> while the station has no link, and an open connection drops at once (no DISCONNECT, so
    /// the broker publishes the will) when the access point goes down or the board loses power. A client created outside any
    /// board (tests, the demo's watcher) uses the host network.
    /// TLS: a secure client does a real TLS handshake (1.2 or 1.3, as asked) and verifies the broker against the CA certificate it was
    /// given, as the device does (<see cref="ServerCertificateCheck"/>): a broker whose certificate is not signed by that CA, or does
    /// not name the host, makes Connect throw <see cref="MqttConnectionException"/> with the reason. Client certificates are not
    /// emulated (a non-null one throws NotSupportedException). Not emulated either: MQTT 5 properties.
    /// </summary>
    public class MqttClient : IMqttClient, IDisposable
    {
        /// <summary>Longest wait for the broker's CONNACK (and for its SUBACK / UNSUBACK), ms.</summary>
        private const int ConnectTimeoutMilliseconds = 30000;

        /// <summary>Longest wait for the DISCONNECT packet to leave, ms.</summary>
        private const int DisconnectTimeoutMilliseconds = 5000;

        private static readonly LibraryFactory s_factory = new LibraryFactory();

        private readonly string _host;
        private readonly int _port;
        private readonly bool _secure;
        private readonly X509Certificate _authority;
        private readonly SslProtocols _protocols;
        private readonly object _gate = new object();
        private readonly HashSet<ushort> _inflight = new HashSet<ushort>();
        private readonly EventDispatcher _events = new EventDispatcher();
        private readonly VirtualBoard _board = VirtualBoard.CurrentOrNull;
        private readonly Action _onLinkLost;
        private LibraryClient _connection;
        private ushort _lastMessageId;

        /// <summary>A client for <paramref name="brokerHostName"/> on port 1883.</summary>
        public MqttClient(string brokerHostName)
            : this(brokerHostName, 1883, false, null, null, MqttSslProtocols.None)
        {
        }

        /// <summary>
        /// A client for a broker; with <paramref name="secure"/>, over TLS verified against <paramref name="caCert"/> (null: the host's
        /// trust store) with <paramref name="sslProtocol"/> (TLSv1_2 or TLSv1_3).
        /// </summary>
        /// <exception cref="NotSupportedException">A client certificate, or a TLS version other than 1.2 and 1.3.</exception>
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            if (secure && clientCert != null)
            {
                throw new NotSupportedException("client certificates are not emulated");
            }

            if (secure && sslProtocol != MqttSslProtocols.TLSv1_2 && sslProtocol != MqttSslProtocols.TLSv1_3)
            {
                throw new NotSupportedException("TLS version " + sslProtocol + " is not emulated (TLSv1_2 or TLSv1_3)");
            }

            _host = brokerHostName;
            _port = brokerPort;
            _secure = secure;
            _authority = caCert;
            _protocols = sslProtocol == MqttSslProtocols.TLSv1_3 ? SslProtocols.Tls13 : SslProtocols.Tls12;
            _onLinkLost = Close;
        }

        /// <summary>Declared by the real MqttClient too; its events (and these) use <see cref="IMqttClient"/>'s delegates instead.</summary>
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        /// <summary>Declared by the real MqttClient too; its events use <see cref="IMqttClient.MqttMsgPublishedEventHandler"/>.</summary>
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        /// <summary>Declared by the real MqttClient too; its events use <see cref="IMqttClient.MqttMsgSubscribedEventHandler"/>.</summary>
        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        /// <summary>Declared by the real MqttClient too; its events use <see cref="IMqttClient.ConnectionClosedEventHandler"/>.</summary>
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        /// <summary>A message arrived on a subscription.</summary>
        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;

        /// <summary>A QoS 1/2 publish was acknowledged, or given up (IsPublished false).</summary>
        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished;

        /// <summary>A subscription was acknowledged.</summary>
        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        /// <summary>The connection closed (by Disconnect or lost).</summary>
        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed;

        /// <summary>True between a successful Connect and the connection's end.</summary>
        public bool IsConnected { get; private set; }

        /// <summary>The client id of the last Connect.</summary>
        public string ClientId { get; private set; }

        /// <summary>Connects with a clean session and a 60 s keep-alive.</summary>
        public MqttReasonCode Connect(string clientId) => Connect(clientId, null, null, false, MqttQoSLevel.AtMostOnce, false, null, null, true, 60);

        /// <summary>Connects with credentials.</summary>
        public MqttReasonCode Connect(string clientId, string username, string password) =>
            Connect(clientId, username, password, false, MqttQoSLevel.AtMostOnce, false, null, null, true, 60);

        /// <summary>Connects with credentials, session and keep-alive.</summary>
        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) =>
            Connect(clientId, username, password, false, MqttQoSLevel.AtMostOnce, false, null, null, cleanSession, keepAlivePeriod);

        /// <summary>Connects (full form), dropping any earlier connection of this client first: returns the CONNACK code.
        /// <paramref name="keepAlivePeriod"/> is in seconds (0: no keep-alive); without an answer to its PINGREQ within half of it
        /// the connection counts as lost.</summary>
        /// <exception cref="MqttConnectionException">The broker cannot be reached or does not answer within 30 s.</exception>
        /// <exception cref="ArgumentException">A will topic that is empty or has wildcards.</exception>
        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag,
            string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod)
        {
            Close();
            if (_board != null && !_board.Wifi.HasLink)
            {
                throw new MqttConnectionException("cannot reach " + _host + ":" + _port + ": no network (Wi-Fi link down)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NetworkUnreachable));
            }

            var options = s_factory.CreateClientOptionsBuilder()
                .WithTcpServer(_host, _port)
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
                .WithClientId(clientId)
                .WithCleanSession(cleanSession)
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(keepAlivePeriod))
                .WithTimeout(TimeSpan.FromMilliseconds(ConnectTimeoutMilliseconds));
            if (username != null)
            {
                options.WithCredentials(username, password);
            }

            string refusal = null;
            if (_secure)
            {
                options.WithTlsOptions(tls => tls.UseTls()
                    .WithSslProtocols(_protocols)
                    .WithTargetHost(_host)
                    .WithCertificateValidationHandler(check => ServerCertificateCheck.Accepts(_authority, check.Certificate, check.SslPolicyErrors, out refusal)));
            }

            if (willFlag)
            {
                ThrowIfInvalidTopic(willTopic, "will topic");
                options.WithWillTopic(willTopic)
                    .WithWillPayload(System.Text.Encoding.UTF8.GetBytes(willMessage ?? string.Empty))
                    .WithWillQualityOfServiceLevel(MqttnetCodes.ToMqttnet(willQosLevel))
                    .WithWillRetain(willRetain);
            }

            LibraryClient connection = s_factory.CreateMqttClient();
            connection.ApplicationMessageReceivedAsync += OnMessage;
            MqttReasonCode code;
            try
            {
                code = MqttnetCodes.ConnectCode(connection.ConnectAsync(options.Build()).GetAwaiter().GetResult().ResultCode);
            }
            catch (Exception exception) when (exception is LibraryCommunicationException || exception is OperationCanceledException
                || exception is System.Security.Authentication.AuthenticationException || exception is System.IO.IOException)
            {
                connection.Dispose();
                string why = refusal != null ? "TLS refused: " + refusal : exception.Message;
                throw new MqttConnectionException("cannot reach " + _host + ":" + _port + ": " + why, exception);
            }

            if (code != MqttReasonCode.Success)
            {
                connection.Dispose();
                return code;
            }

            lock (_gate)
            {
                ClientId = clientId;
                _connection = connection;
                IsConnected = true;
            }

            connection.DisconnectedAsync += _ => Lost(connection);
            if (!connection.IsConnected)
            {
                Lost(connection); // lost between the CONNACK and the line above
            }

            if (_board != null)
            {
                _board.Wifi.LinkLost -= _onLinkLost; // a client connected again: one subscription
                _board.Wifi.LinkLost += _onLinkLost;
                if (!_board.Wifi.HasLink)
                {
                    Close(); // the link dropped while connecting
                }
            }

            return code;
        }

        /// <summary>Publishes at QoS 0, not retained.</summary>
        public ushort Publish(string topic, byte[] message) => Publish(topic, message, null, null, MqttQoSLevel.AtMostOnce, false);

        /// <summary>Publishes with a content type (MQTT 5 only: throws on 3.1.1 unless null).</summary>
        public ushort Publish(string topic, byte[] message, string contentType) => Publish(topic, message, contentType, null, MqttQoSLevel.AtMostOnce, false);

        /// <summary>Publishes; returns the message id at once (the message leaves in call order).</summary>
        /// <exception cref="NotSupportedException">A content type or user properties on MQTT 3.1.1.</exception>
        /// <exception cref="ArgumentException">A topic that is empty or has wildcards, or a QoS that is not 0, 1 or 2.</exception>
        /// <exception cref="MqttCommunicationException">Not connected.</exception>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
        {
            if (contentType != null || (userProperties != null && userProperties.Count > 0))
            {
                throw new NotSupportedException("content type and user properties need MQTT 5");
            }

            ThrowIfInvalidTopic(topic, "topic");
            LibraryMessage outgoing = s_factory.CreateApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(message ?? Array.Empty<byte>())
                .WithQualityOfServiceLevel(MqttnetCodes.ToMqttnet(qosLevel))
                .WithRetainFlag(retain)
                .Build();
            lock (_gate)
            {
                LibraryClient connection = ConnectedOrThrow("publish");
                ushort id = NextMessageId();
                Task<MQTTnet.MqttClientPublishResult> sending = Start(() => connection.PublishAsync(outgoing), "publish");
                if (qosLevel == MqttQoSLevel.AtMostOnce)
                {
                    sending.ContinueWith(Observe, TaskScheduler.Default);
                }
                else
                {
                    _inflight.Add(id);
                    sending.ContinueWith(done => Acknowledged(id, done), TaskScheduler.Default);
                }

                return id;
            }
        }

        /// <summary>Subscribes (one SUBSCRIBE for every topic); returns its message id, which <see cref="MqttMsgSubscribed"/> carries with the granted levels.</summary>
        /// <exception cref="ArgumentException">No topic, or not one QoS per topic.</exception>
        /// <exception cref="MqttCommunicationException">Not connected.</exception>
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels)
        {
            if (topics == null || qosLevels == null || topics.Length == 0 || topics.Length != qosLevels.Length)
            {
                throw new ArgumentException("Subscribe takes one QoS level per topic, and at least one topic");
            }

            var subscription = s_factory.CreateSubscribeOptionsBuilder();
            for (int i = 0; i < topics.Length; i++)
            {
                subscription.WithTopicFilter(topics[i], MqttnetCodes.ToMqttnet(qosLevels[i]));
            }

            lock (_gate)
            {
                LibraryClient connection = ConnectedOrThrow("subscribe");
                ushort id = NextMessageId();
                Start(() => connection.SubscribeAsync(subscription.Build()), "subscribe").ContinueWith(done =>
                {
                    if (done.IsCompletedSuccessfully)
                    {
                        var granted = new List<MqttQoSLevel>();
                        foreach (MQTTnet.MqttClientSubscribeResultItem item in done.Result.Items)
                        {
                            granted.Add(MqttnetCodes.Granted(item.ResultCode));
                        }

                        _events.Post(() => MqttMsgSubscribed?.Invoke(this, new MqttMsgSubscribedEventArgs(id, granted.ToArray())));
                    }
                    else
                    {
                        Observe(done); // the connection ended first: ConnectionClosed tells
                    }
                }, TaskScheduler.Default);
                return id;
            }
        }

        /// <summary>Unsubscribes (one UNSUBSCRIBE for every topic); returns its message id.</summary>
        /// <exception cref="ArgumentException">No topic.</exception>
        /// <exception cref="MqttCommunicationException">Not connected.</exception>
        public ushort Unsubscribe(string[] topics)
        {
            if (topics == null || topics.Length == 0)
            {
                throw new ArgumentException("Unsubscribe takes at least one topic");
            }

            var unsubscription = s_factory.CreateUnsubscribeOptionsBuilder();
            foreach (string topic in topics)
            {
                unsubscription.WithTopicFilter(topic);
            }

            lock (_gate)
            {
                LibraryClient connection = ConnectedOrThrow("unsubscribe");
                ushort id = NextMessageId();
                Start(() => connection.UnsubscribeAsync(unsubscription.Build()), "unsubscribe").ContinueWith(Observe, TaskScheduler.Default);
                return id;
            }
        }

        /// <summary>Sends DISCONNECT and closes (no will message).</summary>
        public void Disconnect()
        {
            LibraryClient connection = TakeConnection(null);
            if (connection != null)
            {
                try
                {
                    var disconnect = s_factory.CreateClientDisconnectOptionsBuilder().Build();
                    connection.DisconnectAsync(disconnect).WaitAsync(TimeSpan.FromMilliseconds(DisconnectTimeoutMilliseconds)).GetAwaiter().GetResult();
                }
                catch (Exception exception) when (exception is LibraryCommunicationException || exception is OperationCanceledException || exception is TimeoutException)
                {
                    // the connection was already going: it ends the same way
                }

                connection.Dispose();
            }

            ConnectionEnded();
        }

        /// <summary>Closes the connection without DISCONNECT (the broker then publishes the will).</summary>
        public void Close()
        {
            TakeConnection(null)?.Dispose();
            ConnectionEnded();
        }

        /// <inheritdoc/>
        public void Dispose() => Close();

        private static void ThrowIfInvalidTopic(string topic, string what)
        {
            if (string.IsNullOrEmpty(topic) || topic.IndexOf('#') >= 0 || topic.IndexOf('+') >= 0)
            {
                throw new ArgumentException("the " + what + " must be a non-empty name without the wildcards # and +, not '" + topic + "'");
            }
        }

        /// <summary>Starts one of MQTTnet's operations; a connection that ended under it reads as not connected.</summary>
        private static Task<T> Start<T>(Func<Task<T>> operation, string what)
        {
            try
            {
                return operation();
            }
            catch (LibraryNotConnectedException exception)
            {
                throw new MqttCommunicationException(new InvalidOperationException(what + " refused: the connection has ended", exception));
            }
        }

        /// <summary>Reads a finished task's exception: an operation cut short by the connection's end is reported through its events.</summary>
        private static void Observe(Task done) => _ = done.Exception;

        private LibraryClient ConnectedOrThrow(string what)
        {
            if (_connection == null)
            {
                throw new MqttCommunicationException(new InvalidOperationException(what + " refused: not connected"));
            }

            return _connection;
        }

        /// <summary>The next message id, 1 to 65535 (0 is not a valid id).</summary>
        private ushort NextMessageId()
        {
            _lastMessageId = (ushort)(_lastMessageId == ushort.MaxValue ? 1 : _lastMessageId + 1);
            return _lastMessageId;
        }

        /// <summary>Detaches the current connection (only if it is <paramref name="expected"/>, when given); null when there is none.</summary>
        private LibraryClient TakeConnection(LibraryClient expected)
        {
            lock (_gate)
            {
                LibraryClient connection = _connection;
                if (connection == null || (expected != null && connection != expected))
                {
                    return null;
                }

                _connection = null;
                return connection;
            }
        }

        private Task Lost(LibraryClient connection)
        {
            LibraryClient lost = TakeConnection(connection);
            if (lost != null)
            {
                lost.Dispose();
                ConnectionEnded();
            }

            return Task.CompletedTask;
        }

        private void ConnectionEnded()
        {
            if (_board != null)
            {
                _board.Wifi.LinkLost -= _onLinkLost;
            }

            bool wasConnected;
            ushort[] lost;
            lock (_gate)
            {
                wasConnected = IsConnected;
                IsConnected = false;
                lost = new ushort[_inflight.Count];
                _inflight.CopyTo(lost);
                _inflight.Clear();
            }

            foreach (ushort id in lost)
            {
                _events.Post(() => MqttMsgPublished?.Invoke(this, new MqttMsgPublishedEventArgs(id, false)));
            }

            if (wasConnected)
            {
                _events.Post(() => ConnectionClosed?.Invoke(this, EventArgs.Empty));
            }
        }

        private void Acknowledged(ushort id, Task<MQTTnet.MqttClientPublishResult> done)
        {
            bool published = done.IsCompletedSuccessfully && done.Result.IsSuccess;
            Observe(done);
            bool waiting;
            lock (_gate)
            {
                waiting = _inflight.Remove(id);
            }

            if (waiting)
            {
                _events.Post(() => MqttMsgPublished?.Invoke(this, new MqttMsgPublishedEventArgs(id, published)));
            }
        }

        private Task OnMessage(LibraryMessageReceived received)
        {
            LibraryMessage message = received.ApplicationMessage;
            var arguments = new MqttMsgPublishEventArgs(message.Topic, message.Payload.ToArray(), message.Dup, MqttnetCodes.FromMqttnet(message.QualityOfServiceLevel), message.Retain);
            _events.Post(() => MqttMsgPublishReceived?.Invoke(this, arguments));
            return Task.CompletedTask;
        }
    }
}
