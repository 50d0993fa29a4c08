using System;
using System.Linq;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>
    /// The firmware's own MQTT path over TLS (issue 17 part 4): a universal node given, on its console, <c>uplink tls on</c>, the test
    /// CA's PEM, a user name and a password, against the embedded broker listening only over TLS with a certificate that CA signed
    /// and checking the password. The node publishes its readings over TLS; given a wrong password it is refused (CONNACK 4, logged)
    /// and publishes nothing; given another CA it refuses the broker (logged with the reason) and publishes nothing; the right
    /// settings again and it is back.
    /// </summary>
    [LongRunning(30)]
    public sealed class UplinkTlsTests
    {
        private const int ConnectMilliseconds = 40000;

        [Fact]
        public void ANodeWithTheRightCaAndPasswordPublishesOverTlsAndIsRefusedOtherwise()
        {
            using var authority = new TestCertificates("DcMonitor test CA");
            using var stranger = new TestCertificates("Someone else's CA");
            var security = new UplinkBrokerSecurity(authority, "dcmonitor", "tls-uplink-secret");
            using var mesh = new UplinkMesh(nodes: 1, periodSeconds: 2, security: security);
            string stateTopic = "dcmonitor/" + mesh.ObjectId(0) + "/state";
            NodeConsole console = mesh.Consoles[0];

            // Right CA and password: readings arrive through the TLS broker (the recorder is a TLS client too).
            mesh.Recorder.WaitFor(m => m.Topic == stateTopic, ConnectMilliseconds);
            console.ReadAvailable();
            Assert.Contains(console.Transcript, line => line.Contains("connected to 127.0.0.1:" + mesh.Broker.Port + " as the bridge"));

            // Wrong password: the broker refuses, the node says so and keeps retrying; no reading gets through.
            console.Ask("uplink mqtt-password not-the-password");
            console.WaitFor(line => line.Contains("refused the connection (CONNACK 4)"), ConnectMilliseconds);
            AssertNothingPublishedForThreeReadings(mesh, stateTopic);

            // The right password but another CA: the node refuses the broker before any MQTT.
            console.Ask("uplink mqtt-password " + security.Password);
            UplinkBrokerSecurity.PasteAuthority(console, stranger);
            string refusal = console.WaitFor(line => line.Contains("not signed by the configured CA"), ConnectMilliseconds);
            Assert.Contains("Someone else's CA", refusal);
            AssertNothingPublishedForThreeReadings(mesh, stateTopic);

            // The right CA again: back, over TLS.
            int beforeBack = mesh.Recorder.Count;
            UplinkBrokerSecurity.PasteAuthority(console, authority);
            mesh.Recorder.WaitFor(m => m.Topic == stateTopic, ConnectMilliseconds, beforeBack);
        }

        /// <summary>While the node is refused: it makes three more readings (its queue holds them) and none reaches the broker.</summary>
        private static void AssertNothingPublishedForThreeReadings(UplinkMesh mesh, string stateTopic)
        {
            int from = mesh.Recorder.Count;
            var reporter = mesh.Nodes[0].Firmware.Uplink.Reporter;
            int target = reporter.NextSequence + 3;
            mesh.Recorder.WaitUntil(messages => reporter.NextSequence >= target, 6 * mesh.PeriodSeconds * 1000 + 5000, "three more readings");
            Assert.DoesNotContain(mesh.Recorder.All().Skip(from), m => m.Topic == stateTopic);
        }
    }
}
