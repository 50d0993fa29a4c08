using System;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.UniversalNode
{
    /// <summary>
    /// The serial console of the UniversalNode image (seed protocol §4.15) and the node command text behind it
    /// (§2.5, §2.7, §4.2), on a 12 V supply with a 48 Ω load (250 mA fully on).
    /// </summary>
    public sealed class ConsoleCommandTests : IDisposable
    {
        private readonly NodeUnderTest _node = new NodeUnderTest();

        public void Dispose() => _node.Dispose();

        [Theory]
        [InlineData("read")]
        [InlineData("status")]
        public void ReadAnswersWithAReadingThePiParses(string command)
        {
            string reply = _node.Console.Ask(command);
            Assert.True(PiDataParser.TryParse(reply, out int duty, out double volts, out double milliamps, out double milliwatts), reply);
            Assert.Equal(0, duty);
            Assert.InRange(volts, 11.99, 12.01);
            Assert.InRange(milliamps, 0, 2.5);
            Assert.InRange(milliwatts, 0, 30);
        }

        [Theory]
        [InlineData("duty:50", 50)]
        [InlineData("50", 50)]
        [InlineData(" 75", 75)]
        [InlineData("+100", 100)]
        [InlineData("duty:150", 100)]
        [InlineData("duty:-5", 0)]
        [InlineData("-5", 0)]
        public void DutyCommandsDriveTheInvertedPwmAndReplyWithTheSettledReading(string command, int expectedDuty)
        {
            string reply = _node.Console.Ask(command);
            Assert.True(PiDataParser.TryParse(reply, out int duty, out double volts, out double milliamps, out double milliwatts), reply);
            Assert.Equal(expectedDuty, duty);
            Assert.Equal((100 - expectedDuty) / 100.0, _node.GateLevel, 4);

            double expectedMilliamps = 12.0 / 48.02 * 1000 * expectedDuty / 100;
            Assert.InRange(milliamps, expectedMilliamps - 3.75, expectedMilliamps + 3.75);
            Assert.InRange(milliwatts, (volts * milliamps) - 0.06, (volts * milliamps) + 0.06);
        }

        [Fact]
        public void StopTurnsTheLoadOff()
        {
            _node.Console.Ask("duty:80");
            Assert.StartsWith("D:0%,", _node.Console.Ask("s"));
            Assert.Equal(1.0, _node.GateLevel);
            _node.Console.Ask("60");
            Assert.StartsWith("D:0%,", _node.Console.Ask("stop"));
        }

        [Theory]
        [InlineData("duty:abc", "ERR:INVALID_VALUE:abc")]
        [InlineData("duty:", "ERR:INVALID_VALUE:")]
        [InlineData("duty:1.5", "ERR:INVALID_VALUE:1.5")]
        public void ANonIntegerDutyIsRejectedAndChangesNothing(string command, string expected)
        {
            _node.Console.Ask("duty:40");
            Assert.Equal(expected, _node.Console.Ask(command));
            Assert.Equal(0.6, _node.GateLevel, 4);
            Assert.StartsWith("D:40%,", _node.Console.Ask("read"));
        }

        [Theory]
        [InlineData("READ")]
        [InlineData("50x")]
        [InlineData("hello there")]
        public void UnknownTextIsAnsweredWithTheSeedError(string command)
        {
            Assert.Equal("ERR:UNKNOWN:" + command, _node.Console.Ask(command));
        }

        [Fact]
        public void EveryCommandIsAnsweredInOrderEvenWhenTypedAtOnce()
        {
            _node.Console.Type("duty:30");
            _node.Console.Type("read");
            _node.Console.Type("bogus");
            _node.Console.Type("duty:70");
            Assert.StartsWith("D:30%,", _node.Console.NextReply());
            Assert.StartsWith("D:30%,", _node.Console.NextReply());
            Assert.Equal("ERR:UNKNOWN:bogus", _node.Console.NextReply());
            Assert.StartsWith("D:70%,", _node.Console.NextReply());
        }

        [Fact]
        public void ScanWaitsForTheCommandsTypedBeforeIt()
        {
            _node.Console.Type("duty:20");
            _node.Console.Type("scan");
            Assert.StartsWith("D:20%,", _node.Console.NextReply());
            Assert.Equal("I2C devices: 0x45", _node.Console.NextReply());
        }

        [Fact]
        public void HelpListsTheCommands()
        {
            _node.Console.Type("help");
            _node.Console.WaitFor(line => line == "commands:");
            foreach (string word in new[] { "read | status", "duty:N | N", "r | ramp", "s | stop", "scan", "version", "help" })
            {
                _node.Console.WaitFor(line => line.TrimStart().StartsWith(word, StringComparison.Ordinal));
            }
        }

        [Fact]
        public void ANodeWithoutAConfiguredBatteryMonitorSaysSoForBattAndBm6Read()
        {
            Assert.Equal("BATT:ERROR:NO_BATTERY_MONITOR", _node.Console.Ask("batt"));
            Assert.Equal("ERR: no battery monitor ('bm6 use AA:BB:CC:DD:EE:FF' first)", _node.Console.Ask("bm6 read"));
            Assert.StartsWith("D:0%,", _node.Console.Ask("read"));
        }

        [Fact]
        public void VersionNamesTheImageAndTheFirmwareVersion()
        {
            Assert.Equal("DC-Monitor universal node " + DcMonitor.Shared.FirmwareVersion.Number, _node.Console.Ask("version"));
            Assert.StartsWith("D:0%,", _node.Console.Ask("read")); // not node command text: nothing else was run or queued
        }

        [Fact]
        public void ScanListsTheDevicesOnTheSensorBus()
        {
            _node.Node.SensorBus.Attach(new GenericRegisterDevice(0x50));
            Assert.Equal("I2C devices: 0x45 0x50", _node.Console.Ask("scan"));
        }

        [Fact]
        public void AnOverLongLineIsRejectedWholeAndNotRun()
        {
            string line = "duty:1" + new string('0', 60);
            Assert.Equal(66, line.Length);
            Assert.StartsWith("ERR:LINE_TOO_LONG", _node.Console.Ask(line));
            Assert.Equal(1.0, _node.GateLevel);
            Assert.StartsWith("D:0%,", _node.Console.Ask("read"));
        }

        [Fact]
        public void EmptyLinesAreIgnored()
        {
            _node.Console.Type("");
            _node.Console.Type("   ");
            Assert.Equal("ERR:UNKNOWN:   ", _node.Console.NextReply());
            Assert.StartsWith("D:0%,", _node.Console.Ask("read"));
        }
    }
}
