using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

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
    /// Emulation of nanoFramework.M2Mqtt's <c>MqttClient</c> (v5.1, MQTT 3.1.1; docs/reference/nanoframework-api.md §5) over Debian's
    /// libmosquitto, talking to a real broker. Semantics kept: Connect returns the CONNACK code (socket failures throw
    /// <see cref="MqttConnectionException"/>); Publish returns the message id; <see cref="MqttMsgPublished"/> is raised only for
    /// QoS 1 and 2 (on PUBACK / PUBCOMP), and with IsPublished false for every message still in flight when the connection
    /// closes; events run on the client's network thread; <see cref="ConnectionClosed"/> follows any loss of the connection.
    /// Networking: a client created inside an emulated board goes through the board's Wi-Fi station: Connect throws
    /// <see cref="MqttConnectionException"/> while the station has no link, and an open connection drops at once (no DISCONNECT, so
    /// the broker publishes the will) when the access point goes down or the board loses power. A client created outside any
    /// board (tests, the demo's watcher) uses the host network.
    /// Not emulated: TLS (a secure client throws NotSupportedException here), MQTT 5 properties.
    /// </summary>
    public class MqttClient : IMqttClient, IDisposable
    {
        private const int ConnectTimeoutMilliseconds = 30000;
        private static readonly object s_libraryGate = new object();
        private static bool s_libraryReady;

        private readonly string _host;
        private readonly int _port;
        private readonly object _gate = new object();
        private readonly HashSet<int> _inflight = new HashSet<int>();
        private readonly ManualResetEventSlim _connack = new ManualResetEventSlim();
        private readonly Libmosquitto.ConnectCallback _onConnect;
        private readonly Libmosquitto.DisconnectCallback _onDisconnect;
        private readonly Libmosquitto.PublishCallback _onPublish;
        private readonly Libmosquitto.MessageCallback _onMessage;
        private readonly Libmosquitto.SubscribeCallback _onSubscribe;
        private readonly VirtualBoard _board = VirtualBoard.CurrentOrNull;
        private readonly Action _onLinkLost;
        private IntPtr _handle;
        private int _connackCode;

        /// <summary>A client for <paramref name="brokerHostName"/> on port 1883.</summary>
        public MqttClient(string brokerHostName)
            : this(brokerHostName, 1883, false, null, null, MqttSslProtocols.None)
        {
        }

        /// <summary>A client for a broker; TLS is not emulated.</summary>
        /// <exception cref="NotSupportedException"><paramref name="secure"/> is true.</exception>
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            if (secure)
            {
                throw new NotSupportedException("TLS is not emulated; connect the emulator to a plain listener");
            }

            _host = brokerHostName;
            _port = brokerPort;
            _onConnect = OnConnect;
            _onDisconnect = OnDisconnect;
            _onPublish = OnPublish;
            _onMessage = OnMessage;
            _onSubscribe = OnSubscribe;
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

        /// <summary>Connects (full form): returns the CONNACK code. <paramref name="keepAlivePeriod"/> is in seconds (libmosquitto
        /// refuses less than 5).</summary>
        /// <exception cref="MqttConnectionException">The broker cannot be reached or does not answer.</exception>
        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag,
            string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod)
        {
            EnsureLibrary();
            Release(TakeHandle(), force: true);
            if (_board != null && !_board.Wifi.HasLink)
            {
                throw new MqttConnectionException("cannot reach " + _host + ":" + _port + ": no network (Wi-Fi link down)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NetworkUnreachable));
            }

            lock (_gate)
            {
                _handle = Libmosquitto.New(clientId, cleanSession, IntPtr.Zero);
                if (_handle == IntPtr.Zero)
                {
                    throw new MqttConnectionException("libmosquitto: no client", null);
                }

                Libmosquitto.IntOption(_handle, Libmosquitto.OptionProtocolVersion, Libmosquitto.ProtocolV311);
                Libmosquitto.ConnectCallbackSet(_handle, _onConnect);
                Libmosquitto.DisconnectCallbackSet(_handle, _onDisconnect);
                Libmosquitto.PublishCallbackSet(_handle, _onPublish);
                Libmosquitto.MessageCallbackSet(_handle, _onMessage);
                Libmosquitto.SubscribeCallbackSet(_handle, _onSubscribe);
                if (username != null)
                {
                    Libmosquitto.UsernamePasswordSet(_handle, username, password);
                }

                if (willFlag)
                {
                    byte[] will = System.Text.Encoding.UTF8.GetBytes(willMessage ?? string.Empty);
                    Libmosquitto.WillSet(_handle, willTopic, will.Length, will, (int)willQosLevel, willRetain);
                }

                ClientId = clientId;
                _connack.Reset();
                int result = Libmosquitto.Connect(_handle, _host, _port, keepAlivePeriod);
                if (result != Libmosquitto.Success)
                {
                    Libmosquitto.Destroy(_handle);
                    _handle = IntPtr.Zero;
                    throw new MqttConnectionException("cannot reach " + _host + ":" + _port + " (libmosquitto error " + result + ")", null);
                }

                Libmosquitto.LoopStart(_handle);
            }

            if (!_connack.Wait(ConnectTimeoutMilliseconds))
            {
                Close();
                throw new MqttConnectionException("no CONNACK from " + _host + ":" + _port, null);
            }

            IsConnected = _connackCode == 0;
            if (IsConnected && _board != null)
            {
                _board.Wifi.LinkLost -= _onLinkLost; // a client connected again: one subscription
                _board.Wifi.LinkLost += _onLinkLost;
                if (!_board.Wifi.HasLink)
                {
                    Close(); // the link dropped while connecting
                }
            }

            return (MqttReasonCode)_connackCode;
        }

        /// <summary>Publishes at QoS 0, not retained.</summary>
        public ushort Publish(string topic, byte[] message) => Publish(topic, message, null, null, MqttQoSLevel.AtMostOnce, false);

        /// <summary>Publishes with a content type (MQTT 5 only: throws on 3.1.1 unless null).</summary>
        public ushort Publish(string topic, byte[] message, string contentType) => Publish(topic, message, contentType, null, MqttQoSLevel.AtMostOnce, false);

        /// <summary>Publishes; returns the message id.</summary>
        /// <exception cref="NotSupportedException">A content type or user properties on MQTT 3.1.1.</exception>
        /// <exception cref="MqttCommunicationException">Not connected.</exception>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
        {
            if (contentType != null || (userProperties != null && userProperties.Count > 0))
            {
                throw new NotSupportedException("content type and user properties need MQTT 5");
            }

            lock (_gate)
            {
                int id = 0;
                int result = _handle == IntPtr.Zero ? Libmosquitto.NoConnection
                    : Libmosquitto.Publish(_handle, out id, topic, message.Length, message, (int)qosLevel, retain);
                if (result != Libmosquitto.Success)
                {
                    throw new MqttCommunicationException(new InvalidOperationException("publish refused (libmosquitto error " + result + ")"));
                }

                if (qosLevel != MqttQoSLevel.AtMostOnce)
                {
                    _inflight.Add(id);
                }

                return (ushort)id;
            }
        }

        /// <summary>Subscribes; returns the message id of the first topic's SUBSCRIBE.</summary>
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels)
        {
            ushort first = 0;
            lock (_gate)
            {
                for (int i = 0; i < topics.Length; i++)
                {
                    int id = 0;
                    int result = _handle == IntPtr.Zero ? Libmosquitto.NoConnection : Libmosquitto.Subscribe(_handle, out id, topics[i], (int)qosLevels[i]);
                    if (result != Libmosquitto.Success)
                    {
                        throw new MqttCommunicationException(new InvalidOperationException("subscribe refused (libmosquitto error " + result + ")"));
                    }

                    first = i == 0 ? (ushort)id : first;
                }
            }

            return first;
        }

        /// <summary>Unsubscribes; returns the message id of the first topic's UNSUBSCRIBE.</summary>
        public ushort Unsubscribe(string[] topics)
        {
            ushort first = 0;
            lock (_gate)
            {
                for (int i = 0; i < topics.Length; i++)
                {
                    if (_handle != IntPtr.Zero && Libmosquitto.Unsubscribe(_handle, out int id, topics[i]) == Libmosquitto.Success && i == 0)
                    {
                        first = (ushort)id;
                    }
                }
            }

            return first;
        }

        /// <summary>Sends DISCONNECT and closes (no will message).</summary>
        public void Disconnect()
        {
            IntPtr handle = TakeHandle();
            if (handle != IntPtr.Zero)
            {
                Libmosquitto.Disconnect(handle);
                Release(handle, force: false); // the network thread sends DISCONNECT, then ends
            }

            ConnectionEnded();
        }

        /// <summary>Closes the connection without DISCONNECT (the broker then publishes the will).</summary>
        public void Close()
        {
            Release(TakeHandle(), force: true);
            ConnectionEnded();
        }

        /// <inheritdoc/>
        public void Dispose() => Close();

        private static void EnsureLibrary()
        {
            lock (s_libraryGate)
            {
                if (!s_libraryReady)
                {
                    Libmosquitto.LibraryInit();
                    s_libraryReady = true;
                }
            }
        }

        private IntPtr TakeHandle()
        {
            lock (_gate)
            {
                IntPtr handle = _handle;
                _handle = IntPtr.Zero;
                return handle;
            }
        }

        /// <summary>Stops a client's network thread (outside the lock: its callbacks take it) and frees it.</summary>
        private static void Release(IntPtr handle, bool force)
        {
            if (handle != IntPtr.Zero)
            {
                Libmosquitto.LoopStop(handle, force);
                Libmosquitto.Destroy(handle);
            }
        }

        private void ConnectionEnded()
        {
            if (_board != null)
            {
                _board.Wifi.LinkLost -= _onLinkLost;
            }

            bool wasConnected;
            int[] lost;
            lock (_gate)
            {
                wasConnected = IsConnected;
                IsConnected = false;
                lost = new int[_inflight.Count];
                _inflight.CopyTo(lost);
                _inflight.Clear();
            }

            foreach (int id in lost)
            {
                MqttMsgPublished?.Invoke(this, new MqttMsgPublishedEventArgs((ushort)id, false));
            }

            if (wasConnected)
            {
                ConnectionClosed?.Invoke(this, EventArgs.Empty);
            }
        }

        private void OnConnect(IntPtr mosquitto, IntPtr userData, int returnCode)
        {
            _connackCode = returnCode;
            _connack.Set();
        }

        private void OnDisconnect(IntPtr mosquitto, IntPtr userData, int reason)
        {
            if (reason != 0)
            {
                // Lost: stop the network thread from reconnecting by itself (M2Mqtt does not reconnect either).
                ThreadPool.QueueUserWorkItem(_ => Close());
            }
        }

        private void OnPublish(IntPtr mosquitto, IntPtr userData, int messageId)
        {
            bool acknowledged;
            lock (_gate)
            {
                acknowledged = _inflight.Remove(messageId);
            }

            if (acknowledged)
            {
                MqttMsgPublished?.Invoke(this, new MqttMsgPublishedEventArgs((ushort)messageId, true));
            }
        }

        private void OnMessage(IntPtr mosquitto, IntPtr userData, IntPtr messagePointer)
        {
            var message = Marshal.PtrToStructure<Libmosquitto.Message>(messagePointer);
            byte[] payload = new byte[message.PayloadLength];
            if (message.PayloadLength > 0)
            {
                Marshal.Copy(message.Payload, payload, 0, message.PayloadLength);
            }

            string topic = Marshal.PtrToStringUTF8(message.Topic);
            MqttMsgPublishReceived?.Invoke(this, new MqttMsgPublishEventArgs(topic, payload, false, (MqttQoSLevel)message.Qos, message.Retain));
        }

        private void OnSubscribe(IntPtr mosquitto, IntPtr userData, int messageId, int qosCount, IntPtr grantedQos)
        {
            int[] granted = new int[qosCount];
            if (qosCount > 0)
            {
                Marshal.Copy(grantedQos, granted, 0, qosCount);
            }

            var levels = new MqttQoSLevel[qosCount];
            for (int i = 0; i < qosCount; i++)
            {
                levels[i] = (MqttQoSLevel)granted[i];
            }

            MqttMsgSubscribed?.Invoke(this, new MqttMsgSubscribedEventArgs((ushort)messageId, levels));
        }
    }
}
