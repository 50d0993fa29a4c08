using System.CommandLine;
using System.IO;
using DcMonitor.Emulator.Demo.Interactive;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>The demo console's commands (System.CommandLine per line): what each line does, help, errors, quit/exit.</summary>
    public class DemoConsoleCommandsTests
    {
        private readonly RecordingDemoMesh _mesh = new RecordingDemoMesh();
        private readonly MonitorTracker _monitor = new MonitorTracker();
        private readonly StringWriter _status = new StringWriter();
        private readonly DemoConsoleCommands _commands;

        public DemoConsoleCommandsTests()
        {
            _commands = new DemoConsoleCommands(_mesh, _monitor, _status);
        }

        [Fact]
        public void HelpListsEveryCommandWithItsDescriptionAndThePiCommands()
        {
            Assert.True(_commands.Execute("help"));
            string help = _status.ToString();
            Assert.Contains("<id>:<WORD>[:<value>], ALL:<WORD>", help);
            foreach (string name in new[] { "power", "link", "nodes", "stats", "console", "raw", "help", "quit", "exit" })
            {
                Assert.Contains(name, help);
            }

            foreach (Command command in _commands.Commands)
            {
                Assert.Matches(@"(?m)^  " + command.Name + @"\b.*  " + System.Text.RegularExpressions.Regex.Escape(command.Description) + "$", help);
            }

            Assert.Contains("power <node> <on|off>", help);
            Assert.Contains("link <a> <b> <in|out> [loss]", help);
            Assert.Contains("Ctrl-C", help);
            Assert.Empty(_mesh.Calls);
        }

        [Fact]
        public void EveryCommandTakesHelpWithoutRunning()
        {
            foreach (Command command in _commands.Commands)
            {
                _status.GetStringBuilder().Clear();
                Assert.True(_commands.Execute(command.Name + " --help"), command.Name + " --help stopped the console");
                Assert.Contains("Usage:", _status.ToString());
                Assert.Contains(command.Description, _status.ToString());
            }

            Assert.Empty(_mesh.Calls);
        }

        [Fact]
        public void HelpOnACommandExplainsItsArguments()
        {
            _commands.Execute("help link");
            Assert.Contains("probability that a reception is lost, 0 to 1", _status.ToString());
            _commands.Execute("help nothing");
            Assert.Contains("help: no command nothing", _status.ToString());
        }

        [Theory]
        [InlineData("quit")]
        [InlineData("exit")]
        [InlineData("  quit  ")]
        public void QuitAndExitStopTheConsole(string line)
        {
            Assert.False(_commands.Execute(line));
            Assert.Empty(_mesh.Calls);
        }

        [Theory]
        [InlineData("1:READ", "gateway 1:READ")]
        [InlineData("  ALL:DUTY:50 ", "gateway ALL:DUTY:50")]
        [InlineData("2:monitor", "gateway 2:monitor")]
        [InlineData("1::READ", "gateway 1::READ")]
        [InlineData("raw 5", "gateway 5")]
        [InlineData("raw hello  world", "gateway hello  world")]
        [InlineData("power node-1 off", "power node-1 off")]
        [InlineData("link node-0 node-2 out", "link node-0 node-2 out 0")]
        [InlineData("link node-0 node-2 in 0.25", "link node-0 node-2 in 0.25")]
        [InlineData("console node-1 uplink set host  10.0.0.2", "console node-1 [uplink set host  10.0.0.2]")]
        [InlineData("console node-1 read -v", "console node-1 [read -v]")]
        [InlineData("nodes", "nodes")]
        [InlineData("stats", "stats")]
        public void ALineDoesWhatItSays(string line, string call)
        {
            Assert.True(_commands.Execute(line));
            Assert.Equal(new[] { call }, _mesh.Calls);
        }

        [Theory]
        [InlineData("power node-1", "power node-1")]
        [InlineData("power node-1 of", "of")]
        [InlineData("link node-0 node-2 out 1.5", "loss is a probability, 0 to 1, not 1.5")]
        [InlineData("link node-0 node-2 out lots", "lots")]
        [InlineData("console node-1", "console node-1")]
        public void ABadLineSaysWhyAndChangesNothing(string line, string named)
        {
            Assert.True(_commands.Execute(line));
            Assert.Empty(_mesh.Calls);
            string status = _status.ToString();
            Assert.Contains(named, status);
            Assert.Contains("' not run (" + line.Split(' ')[0] + " --help explains it)", status);
        }

        [Theory]
        [InlineData("stat")]
        [InlineData("READ now")]
        [InlineData("--help")]
        public void AnUnknownCommandIsNamedAndNotSent(string line)
        {
            Assert.True(_commands.Execute(line));
            Assert.Empty(_mesh.Calls);
            Assert.Equal("console: no command '" + line.Split(' ')[0] + "' (help lists them; the Pi's commands have a ':', raw sends any other text)" + System.Environment.NewLine, _status.ToString());
        }

        [Fact]
        public void AnUnknownNodeIsNamed()
        {
            _commands.Execute("power node-9 on");
            Assert.Contains("power: no node node-9", _status.ToString());
            _commands.Execute("console node-9 read");
            Assert.Contains("console: no powered node node-9", _status.ToString());
        }

        [Fact]
        public void PairPairsTheGatewayWithANodeAndSaysHowItWent()
        {
            _commands.Execute("pair node-1");
            _commands.Execute("pair node-9");
            _commands.Execute("pair");
            Assert.Equal(new[] { "pair node-1", "pair node-9" }, _mesh.Calls);
            string status = _status.ToString();
            Assert.Contains("gateway: pairing with node-1: bonded", status);
            Assert.Contains("pair: no universal node node-9", status);
            Assert.Contains("'pair' not run", status);
        }

        [Fact]
        public void AGatewayWriteThatFailsSaysWhy()
        {
            _mesh.GatewayError = "att_error: queue full";
            _commands.Execute("1:READ");
            Assert.Contains("gateway: '1:READ' could not be written (att_error: queue full)", _status.ToString());
        }

        [Fact]
        public void TheMonitorTrackerSeesWhatWasWrittenOnly()
        {
            _commands.Execute("2:MONITOR");
            Assert.Equal("2", _monitor.Target);
            _mesh.GatewayError = "not connected";
            _commands.Execute("2:READ");
            Assert.Equal("2", _monitor.Target); // not written: the gateway still monitors
            _mesh.GatewayError = null;
            _commands.Execute("2:READ");
            Assert.Null(_monitor.Target);
        }

        [Fact]
        public void EmptyLinesDoNothing()
        {
            Assert.True(_commands.Execute("   "));
            Assert.True(_commands.Execute(string.Empty));
            Assert.Empty(_mesh.Calls);
            Assert.Equal(string.Empty, _status.ToString());
        }
    }
}
