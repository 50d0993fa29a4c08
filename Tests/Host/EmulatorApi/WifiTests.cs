using System;
using System.Device.Wifi;
using System.Text;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Broker;
using DcMonitor.Tests.Support;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;
using nanoFramework.Networking;
using Xunit;

namespace DcMonitor.Tests.EmulatorApi
{
    /// <summary>
    /// The emulated System.Device.Wifi helper and the network under the emulated M2Mqtt client: joining needs the access point up
    /// and the right password (else the token runs out, as the real helper waits for an address); without a link the client
    /// cannot connect; a router outage drops an open connection at once, so the broker publishes the will.
    /// </summary>
    public sealed class WifiTests : IDisposable
    {
        private readonly TemporaryFlash _flash = new TemporaryFlash();
        private readonly EmbeddedBroker _broker = new EmbeddedBroker();
        private readonly VirtualAccessPoint _router = VirtualAccessPoint.Create("wifi-test-" + Guid.NewGuid().ToString("N").Substring(0, 6), "correct-horse");

        public void Dispose()
        {
            _broker.Dispose();
            _flash.Dispose();
        }

        [Fact]
        public void JoiningNeedsTheRouterUpAndTheRightPassword()
        {
            var board = new VirtualBoard(_flash.Path);
            using (board.Activate())
            {
                Assert.False(WifiNetworkHelper.ConnectDhcp(_router.Ssid, "wrong-password", WifiReconnectionKind.Automatic, false, 0, new CancellationTokenSource(300).Token));
                Assert.Equal(NetworkHelperStatus.TokenExpiredWaitingIPAddress, WifiNetworkHelper.Status);
                _router.IsUp = false;
                Assert.False(WifiNetworkHelper.ConnectDhcp(_router.Ssid, "correct-horse", WifiReconnectionKind.Automatic, false, 0, new CancellationTokenSource(300).Token));
                _router.IsUp = true; // it takes the router a moment to serve again (VirtualAccessPoint.ReconnectMilliseconds)
                Assert.True(WifiNetworkHelper.ConnectDhcp(_router.Ssid, "correct-horse", WifiReconnectionKind.Automatic, false, 0, new CancellationTokenSource(5000).Token));
                Assert.Equal(NetworkHelperStatus.NetworkIsReady, WifiNetworkHelper.Status);
                Assert.True(board.Wifi.HasLink);
            }
        }

        [Fact]
        public void ARouterOutageDropsTheConnectionAndTheBrokerPublishesTheWill()
        {
            using var watcher = new MqttRecorder(_broker.Port);
            var board = new VirtualBoard(_flash.Path);
            MqttClient client;
            using (board.Activate())
            {
                client = new MqttClient("127.0.0.1", _broker.Port, false, null, null, MqttSslProtocols.None);
                Assert.Throws<MqttConnectionException>(() => client.Connect("no-wifi-yet"));
                Assert.True(WifiNetworkHelper.ConnectDhcp(_router.Ssid, "correct-horse", WifiReconnectionKind.Automatic, false, 0, new CancellationTokenSource(1000).Token));
                Assert.Equal(MqttReasonCode.Success, client.Connect("wifi-client", null, null, false, MqttQoSLevel.AtLeastOnce, true, "wifi-test/will", "gone", true, 15));
            }

            using var closed = new ManualResetEventSlim();
            client.ConnectionClosed += (sender, e) => closed.Set();
            _router.IsUp = false;
            Assert.True(closed.Wait(5000), "the connection dropped with the router");
            Assert.False(client.IsConnected);
            Assert.Equal("gone", watcher.WaitFor(m => m.Topic == "wifi-test/will", 10000).Text);
            Assert.Throws<MqttConnectionException>(() => client.Connect("while-down"));

            _router.IsUp = true;
            Assert.False(board.Wifi.HasLink, "the driver reconnects a moment after the router is back");
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(VirtualAccessPoint.ReconnectMilliseconds + 2000);
            while (!board.Wifi.HasLink && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50); // polls the station's link state
            }

            Assert.True(board.Wifi.HasLink);
            Assert.Equal(MqttReasonCode.Success, client.Connect("wifi-client-again"));
            client.Close();
        }
    }
}
