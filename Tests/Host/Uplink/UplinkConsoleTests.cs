using System.Linq;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Uplink
{
    /// <summary>
    /// The uplink's configuration over the serial console (issue "MQTT uplink", Behaviour): every key set and persisted across a
    /// power cut, secrets never printed back, refused values answered with an error that changes nothing, the CA certificate pasted
    /// as PEM lines.
    /// </summary>
    [LongRunning(10)]
    public sealed class UplinkConsoleTests
    {
        [Fact]
        public void SettingsArePersistedSecretsNeverEchoedAndBadValuesRefused()
        {
            using var flash = new TemporaryFlash();
            var air = new VirtualAir();
            EmulatedUniversalNode node = Boot(flash, air, out NodeConsole console);
            try
            {
                Assert.Equal("uplink: wifi-ssid=lab net (uplink needs wifi-ssid and broker-host)", console.Ask("uplink wifi-ssid lab net"));
                Assert.Equal("uplink: wifi-password=(set) (uplink needs wifi-ssid and broker-host)", console.Ask("uplink wifi-password hunter2hunter2"));
                Assert.Equal("uplink: broker-host=192.168.1.20", console.Ask("uplink broker-host 192.168.1.20"));
                Assert.Equal("uplink: mqtt-password=(set)", console.Ask("uplink mqtt-password pa55word"));
                Assert.Equal("uplink: period=15", console.Ask("uplink period 15"));
                Assert.StartsWith("ERROR:UPLINK:period: a whole number 1-3600", console.Ask("uplink period 0"));
                Assert.StartsWith("ERROR:UPLINK:wifi-password: empty or 8-63 characters", console.Ask("uplink wifi-password short"));
                Assert.StartsWith("ERROR:UPLINK:unknown key 'colour'", console.Ask("uplink colour blue"));

                Assert.StartsWith("paste the PEM certificate", console.Ask("uplink ca"));
                string[] pem = { "-----BEGIN CERTIFICATE-----", "MIIBszCCAVmgAwIBAgIUDcMonitorTestOnly", "-----END CERTIFICATE-----" };
                console.Type(pem[0]);
                console.Type(pem[1]);
                Assert.Equal("uplink: ca=(set, " + pem.Sum(line => line.Length + 1) + " characters)", console.Ask(pem[2]));

                // A broken paste never deafens the console: a command typed into it ends the paste and is answered.
                Assert.StartsWith("paste the PEM certificate", console.Ask("uplink ca"));
                console.Type(pem[0]);
                Assert.Equal("ERROR:UPLINK:ca: not a PEM line; paste abandoned, nothing changed", console.Ask("duty:25"));
                Assert.StartsWith("D:25%,", console.NextReply());
                Assert.StartsWith("paste the PEM certificate", console.Ask("uplink ca"));
                Assert.Equal("uplink ca: aborted; nothing changed", console.Ask("abort"));
                Assert.StartsWith("wifi-ssid=lab net", console.Ask("uplink show"));
            }
            finally
            {
                node.Dispose(); // power cut
            }

            node = Boot(flash, air, out console);
            try
            {
                console.Type("uplink show");
                string[] shown = Enumerable.Range(0, 13).Select(_ => console.NextReply()).ToArray();
                Assert.Contains("wifi-ssid=lab net", shown);
                Assert.Contains("wifi-password=(set)", shown);
                Assert.Contains("broker-host=192.168.1.20", shown);
                Assert.Contains("mqtt-password=(set)", shown);
                Assert.Contains("period=15", shown);
                Assert.Contains(shown, line => line.StartsWith("ca=(set, ", System.StringComparison.Ordinal));
                Assert.Contains("discovery-prefix=homeassistant", shown);
                Assert.StartsWith("state: ", shown[12]);
                Assert.DoesNotContain(console.Transcript, line => line.Contains("hunter2") || line.Contains("pa55word") || line.Contains("MIIB"));
                Assert.Equal("uplink: settings removed", console.Ask("uplink forget"));
                Assert.Equal("uplink: period=10 (uplink needs wifi-ssid and broker-host)", console.Ask("uplink period 10"));
            }
            finally
            {
                node.Dispose();
            }
        }

        [Fact]
        public void TheDiscoveryPrefixIsKeptOnFlashAcrossAPowerCut()
        {
            using var flash = new TemporaryFlash();
            var air = new VirtualAir();
            EmulatedUniversalNode node = Boot(flash, air, out NodeConsole console);
            try
            {
                Assert.Equal("uplink: discovery-prefix=ha/site-2 (uplink needs wifi-ssid and broker-host)", console.Ask("uplink discovery-prefix ha/site-2"));
                Assert.StartsWith("ERROR:UPLINK:discovery-prefix", console.Ask("uplink discovery-prefix /ha"));
            }
            finally
            {
                node.Dispose(); // power cut
            }

            node = Boot(flash, air, out console);
            try
            {
                Assert.Equal("ha/site-2", node.Firmware.Uplink.Settings.DiscoveryPrefix);
                console.Type("uplink show");
                string[] shown = Enumerable.Range(0, 13).Select(_ => console.NextReply()).ToArray();
                Assert.Contains("discovery-prefix=ha/site-2", shown);
            }
            finally
            {
                node.Dispose();
            }
        }

        [Fact]
        public void ANodeThatHearsNoBridgeSendsNoReportsUntilThereIsOne()
        {
            using var flash = new TemporaryFlash();
            EmulatedUniversalNode node = Boot(flash, new VirtualAir(), out NodeConsole console);
            try
            {
                System.Threading.Thread.Sleep(3000); // three samples with nobody to report to
                Assert.Equal(0, node.Firmware.Uplink.Reporter.ReportsSent);
                console.Ask("uplink wifi-ssid lab");
                console.Ask("uplink broker-host 127.0.0.1"); // a candidate now (no broker needed to report over the mesh)
                var deadline = System.DateTime.UtcNow.AddSeconds(10);
                while (node.Firmware.Uplink.Reporter.ReportsSent == 0 && System.DateTime.UtcNow < deadline)
                {
                    System.Threading.Thread.Sleep(100); // polls the firmware's counter
                }

                Assert.True(node.Firmware.Uplink.Reporter.ReportsSent > 0, "a candidate reports");
            }
            finally
            {
                node.Dispose();
            }
        }

        private static EmulatedUniversalNode Boot(TemporaryFlash flash, VirtualAir air, out NodeConsole console)
        {
            var node = new EmulatedUniversalNode(new UniversalNodeBoardOptions { FlashDirectory = flash.Path, Name = "node-0", Air = air, PreprovisionedAddress = 0x0005 });
            console = new NodeConsole(node.Console);
            node.PowerOn();
            console.WaitUntilReady();
            return node;
        }
    }
}
