using System.Linq;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.UniversalNode
{
    /// <summary>Boot of the UniversalNode image on a virtual board (seed protocol §4.1, §5).</summary>
    public class BootTests
    {
        [Fact]
        public void BootsWithTheLoadOffAndThePinHeldConstantlyHigh()
        {
            using var node = new NodeUnderTest();
            Assert.Equal(1.0, node.GateLevel);
            var history = node.Node.Board.Pin(5).History();
            Assert.All(history, change => Assert.Equal(1.0, change.Value)); // never low, not even for a moment
            Assert.Equal("D:0%", node.Console.Ask("read").Split(',')[0]);
        }

        [Fact]
        public void TheBootBannerNamesTheImageAndItsVersionBeforeTheReadyLine()
        {
            using var node = new NodeUnderTest();
            int banner = node.Console.Transcript.IndexOf("[boot] DC-Monitor universal node " + DcMonitor.Shared.FirmwareVersion.Number + ", load off (GPIO5 held high)");
            Assert.True(banner >= 0, string.Join("\n", node.Console.Transcript));
            Assert.True(banner < node.Console.Transcript.IndexOf(DcMonitor.UniversalNode.UniversalNodeApp.ReadyLine));
        }

        [Fact]
        public void FindsTheSensorAndWritesAndVerifiesItsConfiguration()
        {
            using var node = new NodeUnderTest();
            Assert.Equal(0x6537, node.Sensor.Configuration);
            Assert.Contains(node.Console.Transcript, line => line == "[sensor] INA260 at 0x45, configuration 0x6537 verified (16 averages, update every 84 ms)");
        }

        [Fact]
        public void IdentifiesTheSensorByItsIdsNotByTheFirstAcknowledge()
        {
            using var node = new NodeUnderTest(sensorAddress: 0x4A, beforePowerOn: n =>
            {
                var decoy = new GenericRegisterDevice(0x40); // e.g. an INA219: acknowledges, other IDs
                decoy.SetRegister(0xFE, 0x5449);
                decoy.SetRegister(0xFF, 0x2260);
                n.SensorBus.Attach(decoy);
                n.SensorBus.Attach(new GenericRegisterDevice(0x41));
            });
            Assert.Contains(node.Console.Transcript, line => line.StartsWith("[sensor] INA260 at 0x4A"));
            Assert.Equal(0x6537, node.Sensor.Configuration);
            Assert.True(PiDataParser.IsReading(node.Console.Ask("read")));
        }

        [Fact]
        public void ReportsAConfigurationThatDoesNotStick()
        {
            using var node = new NodeUnderTest(beforePowerOn: n => n.Sensor.Fault = Ina260Fault.WritesIgnored);
            Assert.Contains(node.Console.Transcript, line => line == "[sensor] INA260 at 0x45: configuration mismatch, wrote 0x6537, read back 0x6127");
            Assert.True(PiDataParser.IsReading(node.Console.Ask("read")), "the sensor still measures");
        }

        [Fact]
        public void WithoutASensorItSaysSoAndStillRuns()
        {
            using var node = new NodeUnderTest(sensorAddress: -1);
            Assert.Contains(node.Console.Transcript, line => line.StartsWith("[sensor] no INA260 on 0x40-0x4F"));
            Assert.Equal("ERR:SENSOR_ABSENT,D:0%", node.Console.Ask("read"));
        }
    }
}
