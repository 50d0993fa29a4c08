using System;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.UniversalNode
{
    /// <summary>
    /// A missing or failing INA260 gives explicit errors, never fake zeros (seed protocol §9 B18); after
    /// repeated failures it is marked absent, and it is found again when it answers.
    /// </summary>
    public class SensorFaultTests
    {
        [Fact]
        public void FailedReadsAreErrorsAndThreeInARowMarkTheSensorAbsent()
        {
            using var node = new NodeUnderTest();
            Assert.True(PiDataParser.IsReading(node.Console.Ask("read")));
            node.Sensor.Fault = Ina260Fault.Absent;
            Assert.Equal("ERR:SENSOR_FAULT,D:0%", node.Console.Ask("read"));
            Assert.Equal("ERR:SENSOR_FAULT,D:0%", node.Console.Ask("read"));
            Assert.Equal("ERR:SENSOR_ABSENT,D:0%", node.Console.Ask("read"));
            Assert.Contains(node.Console.Transcript, line => line == "[sensor] INA260 marked absent after 3 failed reads");
            Assert.Equal("ERR:SENSOR_ABSENT,D:0%", node.Console.Ask("read"));
        }

        [Fact]
        public void ABusErrorIsAFaultNotAReading()
        {
            using var node = new NodeUnderTest();
            node.Sensor.Fault = Ina260Fault.BusError;
            string reply = node.Console.Ask("read");
            Assert.Equal("ERR:SENSOR_FAULT,D:0%", reply);
            Assert.False(PiDataParser.IsReading(reply));
            Assert.Contains(node.Console.Transcript, line => line == "[sensor] read failed (bus error), 1 in a row");
        }

        [Fact]
        public void AnAbsentSensorComesBackByItself()
        {
            using var node = new NodeUnderTest();
            node.Sensor.Fault = Ina260Fault.Absent;
            for (int i = 0; i < 3; i++)
            {
                node.Console.Ask("read");
            }

            node.Sensor.Fault = Ina260Fault.None;
            node.Console.WaitFor(line => line == "[sensor] INA260 at 0x45, configuration 0x6537 verified (16 averages, update every 84 ms)", 15000);
            string reply = node.Console.Ask("duty:20");
            Assert.True(PiDataParser.TryParse(reply, out int duty, out _, out double milliamps, out _), reply);
            Assert.Equal(20, duty);
            Assert.InRange(milliamps, 46.25, 53.75);
        }

        [Fact]
        public void WithoutASensorDutyStillWorksAndTheReplySaysSo()
        {
            using var node = new NodeUnderTest(sensorAddress: -1);
            Assert.Equal("ERR:SENSOR_ABSENT,D:30%", node.Console.Ask("duty:30"));
            Assert.Equal(0.7, node.GateLevel, 4);
            Assert.Equal("ERR:SENSOR_ABSENT,D:0%", node.Console.Ask("s"));
        }

        [Fact]
        public void AStuckBusIsNotMistakenForASensor()
        {
            using var node = new NodeUnderTest(beforePowerOn: n => n.Sensor.Fault = Ina260Fault.StuckValue);
            Assert.Contains(node.Console.Transcript, line => line.StartsWith("[sensor] no INA260 on 0x40-0x4F"));
            Assert.Equal("ERR:SENSOR_ABSENT,D:0%", node.Console.Ask("read"));
        }
    }
}
