using System.IO;
using System.Threading;
using DcMonitor.Emulator.Demo.Interactive;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>The demo console's loop: piped lines run in order; it ends at the end of input, at quit/exit, or at Ctrl-C.</summary>
    public class DemoConsoleLoopTests
    {
        private readonly RecordingDemoMesh _mesh = new RecordingDemoMesh();
        private readonly StringWriter _status = new StringWriter();

        [Fact]
        public void PipedLinesRunInOrderUntilTheEndOfInput()
        {
            DemoConsoleLoop.End end = Run("1:READ\npower node-1 off\n\n2:MONITOR\n", CancellationToken.None);
            Assert.Equal(DemoConsoleLoop.End.EndOfInput, end);
            Assert.Equal(new[] { "gateway 1:READ", "power node-1 off", "gateway 2:MONITOR" }, _mesh.Calls);
        }

        [Fact]
        public void QuitEndsItAndLaterLinesAreNotRun()
        {
            Assert.Equal(DemoConsoleLoop.End.Quit, Run("1:READ\nquit\n2:READ\n", CancellationToken.None));
            Assert.Equal(new[] { "gateway 1:READ" }, _mesh.Calls);
        }

        [Fact]
        public void CtrlCEndsItBeforeTheNextLine()
        {
            using var stop = new CancellationTokenSource();
            stop.Cancel();
            Assert.Equal(DemoConsoleLoop.End.Interrupted, Run("1:READ\n", stop.Token));
            Assert.Empty(_mesh.Calls);
        }

        private DemoConsoleLoop.End Run(string input, CancellationToken stopping)
        {
            using var lines = new PlainLineSource(new StringReader(input));
            return DemoConsoleLoop.Run(lines, new DemoConsoleCommands(_mesh, new MonitorTracker(), _status), stopping);
        }
    }
}
