using DcMonitor.Emulator.Demo.Interactive;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>Whether a MONITOR runs, by the gateway firmware's rules (seed protocol §2.4 step 5, §4.9).</summary>
    public class MonitorTrackerTests
    {
        private readonly MonitorTracker _tracker = new MonitorTracker();

        [Fact]
        public void NothingRunsAtFirst()
        {
            Assert.Null(_tracker.Target);
            Assert.Null(_tracker.StopCommand);
        }

        [Theory]
        [InlineData("2:MONITOR", "2", "2:READ")]
        [InlineData("2:monitor", "2", "2:READ")]
        [InlineData("all:MONITOR", "ALL", "ALL:READ")]
        [InlineData(" 3::MONITOR\r\n", "3", "3:READ")]
        public void AValidMonitorStartsIt(string command, string target, string stop)
        {
            _tracker.Written(command);
            Assert.Equal(target, _tracker.Target);
            Assert.Equal(stop, _tracker.StopCommand);
        }

        [Fact]
        public void ASecondMonitorRetargetsIt()
        {
            _tracker.Written("1:MONITOR");
            _tracker.Written("4:MONITOR");
            Assert.Equal("4", _tracker.Target);
        }

        [Theory]
        [InlineData("1:READ")]
        [InlineData("ALL:STOP")]
        [InlineData("1:BOGUS")]
        [InlineData("1:DUTY")]
        [InlineData("1:DUTY:x")]
        public void AnyLaterCommandWithAWordStopsIt(string command)
        {
            _tracker.Written("2:MONITOR");
            _tracker.Written(command);
            Assert.Null(_tracker.Target);
        }

        [Theory]
        [InlineData("5")]
        [InlineData("x:READ")]
        [InlineData("250:READ")]
        [InlineData("")]
        public void ACommandRejectedBeforeItsWordDoesNotStopIt(string command)
        {
            _tracker.Written("2:MONITOR");
            _tracker.Written(command);
            Assert.Equal("2", _tracker.Target);
        }

        [Fact]
        public void ACommandLongerThanTheGatewayTakesDoesNotStopIt()
        {
            _tracker.Written("2:MONITOR");
            _tracker.Written("1:READ:" + new string('9', 64));
            Assert.Equal("2", _tracker.Target);
        }
    }
}
