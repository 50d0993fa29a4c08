using System.IO;
using DcMonitor.Emulator.Demo.Interactive;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>Ctrl-C in the demo console, without a real signal: stops a MONITOR, else stops the console, then lets the process end.</summary>
    public class ConsoleInterruptTests
    {
        private readonly RecordingDemoMesh _mesh = new RecordingDemoMesh();
        private readonly MonitorTracker _monitor = new MonitorTracker();
        private readonly StringWriter _status = new StringWriter();
        private readonly ConsoleInterrupt _interrupt;

        public ConsoleInterruptTests()
        {
            _interrupt = new ConsoleInterrupt(_monitor, _mesh, _status);
        }

        [Fact]
        public void DuringAMonitorItSendsReadToTheSameTargetAndStaysAtThePrompt()
        {
            _monitor.Written("3:MONITOR");
            Assert.True(_interrupt.Interrupt());
            Assert.Equal(new[] { "gateway 3:READ" }, _mesh.Calls);
            Assert.Null(_monitor.Target);
            Assert.False(_interrupt.Stopping.IsCancellationRequested);
            Assert.Contains("MONITOR of 3 stopped with 3:READ", _status.ToString());
        }

        [Fact]
        public void AnAllMonitorIsStoppedWithAllRead()
        {
            _monitor.Written("ALL:MONITOR");
            Assert.True(_interrupt.Interrupt());
            Assert.Equal(new[] { "gateway ALL:READ" }, _mesh.Calls);
        }

        [Fact]
        public void WithNoMonitorItStopsTheConsoleWithoutSendingAnything()
        {
            Assert.True(_interrupt.Interrupt());
            Assert.True(_interrupt.Stopping.IsCancellationRequested);
            Assert.Empty(_mesh.Calls);
        }

        [Fact]
        public void TheSecondCtrlCAfterAMonitorStopStopsTheConsole()
        {
            _monitor.Written("1:MONITOR");
            _interrupt.Interrupt();
            Assert.True(_interrupt.Interrupt());
            Assert.True(_interrupt.Stopping.IsCancellationRequested);
            Assert.Single(_mesh.Calls);
        }

        [Fact]
        public void ACtrlCWhileStoppingLetsTheProcessEnd()
        {
            _interrupt.Interrupt();
            Assert.False(_interrupt.Interrupt());
        }

        [Fact]
        public void AStopThatCannotBeWrittenSaysSoAndTheMonitorStillCounts()
        {
            _monitor.Written("2:MONITOR");
            _mesh.GatewayError = "not connected";
            Assert.True(_interrupt.Interrupt());
            Assert.Equal("2", _monitor.Target);
            Assert.False(_interrupt.Stopping.IsCancellationRequested);
            Assert.Contains("'2:READ' could not be written (not connected); MONITOR of 2 still runs", _status.ToString());
        }
    }
}
