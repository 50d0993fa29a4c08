using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DcMonitor.Emulator.Board;
using DcMonitor.Emulator.Mesh;
using DcMonitor.Emulator.Nodes;
using DcMonitor.Emulator.Peripherals;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Battery
{
    /// <summary>
    /// The BM6 battery monitor end to end (issue 18, docs/battery-monitor.md): the real universal node image on two emulated nodes
    /// (node-0 the Pi's gateway, node-1 over the mesh, timed air) and a virtual BM6 on their air. An owner at a node's console scans,
    /// chooses the monitor and reads it; the Pi's <c>0:BATT</c>, <c>1:BATT</c> and <c>ALL:BATT</c> answer exactly with the reading; a
    /// monitor out of range, held by a phone, or answering with another key gives a failure with its reason and no reading; the mesh
    /// answers READ while a BM6 read is in progress; the chosen monitor survives a power cut. The firmware runs on real time here:
    /// every wait is on a console line or a Pi message, with deadlines that only matter when something is broken (a failing read
    /// ends after the reader's 10 s connect timeout).
    /// </summary>
    [LongRunning(35)]
    public sealed class BatteryMonitorNetworkTests : IDisposable
    {
        private const string Address = "A4:1E:2D:3C:4B:5A";
        private const string Reading = "BATT:V:12.71V,SOC:87%,T:21C";

        /// <summary>The console's answer to a read whose connect was never answered (the link's error code follows).</summary>
        private const string NoAnswer = "ERR: BM6 read failed: no answer to the connection (out of range, off, or busy with another central such as a phone) (error ";

        /// <summary>Longest wait for a failed read's console line: the reader's connect timeout and guard (10 s + 5 s) and a margin, ms.</summary>
        private const int FailedReadMilliseconds = 25000;

        private readonly TestNetwork _network = new TestNetwork(2);
        private readonly VirtualBatteryMonitor _monitor = new VirtualBatteryMonitor(VirtualBatteryMonitor.ParseAddress(Address), "bm6-0");
        private readonly TemporaryFlash _phoneFlash = new TemporaryFlash();
        private EmulatedMeshStack _phone;

        public BatteryMonitorNetworkTests()
        {
            _monitor.PlaceOn(_network.Air);
        }

        public void Dispose()
        {
            _phone?.PowerOff();
            _network.Dispose();
            _phoneFlash.Dispose();
        }

        [Fact]
        public void AScanListsTheMonitorAndAReadAfterUseGivesTheScriptedReading()
        {
            NodeConsole console = Console(1);
            Assert.StartsWith("BM6 scan for 10 s", console.Ask("bm6 scan"));
            Assert.Equal("BM6 found " + Address + " 'BM6' RSSI -65 dBm", console.NextReply(15000));
            Assert.StartsWith("BM6 scan done: 1 monitor(s) found", console.NextReply());

            Use(console);
            Assert.Equal(Reading, Read(console));
            Assert.Contains("; 1 read(s) ok, 0 failed", console.Ask("bm6"));
        }

        [Fact]
        public void ThePiGetsTheReadingLocallyOverTheMeshAndFromAllNodesAndANegativeTemperature()
        {
            NodeConsole gateway = Console(0);
            NodeConsole remote = Console(1);
            Use(gateway);
            Assert.Equal(Reading, Read(gateway));
            Use(remote);
            Assert.Equal(Reading, Read(remote));
            PiCentral pi = _network.ConnectPi(0);

            Assert.True(pi.Write("0:BATT"));
            Assert.Equal("NODE0:" + Reading, pi.Next());
            AssertNodeOneAnswers(pi, "NODE1:" + Reading);
            Assert.True(pi.Write("ALL:BATT"));
            string[] all = { pi.Next(), pi.Next(20000), pi.Next(20000) };
            Assert.Equal(new[] { "NODE0:" + Reading, "NODE1:" + Reading, "SENT:BATT" }, all.OrderBy(m => m, StringComparer.Ordinal));

            _monitor.SetBattery(12.71, 87, -5);
            Assert.Equal("BATT:V:12.71V,SOC:87%,T:-5C", Read(remote));
            AssertNodeOneAnswers(pi, "NODE1:BATT:V:12.71V,SOC:87%,T:-5C");
        }

        [Fact]
        public void AMonitorOutOfRangeFailsWithItsReasonTheMeshAnswersReadMeanwhileAndBattIsUnreachable()
        {
            NodeConsole remote = Console(1);
            Use(remote);
            _network.Air.SetLink("node-1", "bm6-0", inRange: false);
            PiCentral pi = _network.ConnectPi(0);
            Assert.StartsWith("BM6 reading " + Address, remote.Ask("bm6 read"));

            Assert.True(pi.Write("1:READ"));
            WaitForPi(pi, m => m.StartsWith("NODE1:DATA:", StringComparison.Ordinal));
            Assert.Contains(", connecting", remote.Ask("bm6")); // the read is still in progress: READ was not held up by it

            Assert.StartsWith(NoAnswer, remote.NextReply(FailedReadMilliseconds));
            Assert.Contains(remote.Transcript, l => l.Contains("read of " + Address + " failed: no answer to the connection", StringComparison.Ordinal));
            AssertNodeOneAnswers(pi, "ERROR:BATTERY_MONITOR_UNREACHABLE");
        }

        [Fact]
        public void TheMeshAnswersReadWhileAGoodBatteryReadRuns()
        {
            NodeConsole remote = Console(1);
            Use(remote);
            PiCentral pi = _network.ConnectPi(0);
            Assert.StartsWith("BM6 reading " + Address, remote.Ask("bm6 read"));
            Assert.True(pi.Write("1:READ"));
            WaitForPi(pi, m => m.StartsWith("NODE1:DATA:", StringComparison.Ordinal));
            Assert.Equal(Reading, remote.NextReply(FailedReadMilliseconds));
        }

        [Fact]
        public void AMonitorHeldByAPhoneFailsWithTheReasonAndIsReadOnceThePhoneLetsGo()
        {
            _phone = Phone();
            Assert.Equal(NativeContract.Ok, _phone.CentralConnect(_monitor.Address, 0, 5000));
            Assert.True(SpinWait.SpinUntil(() => _monitor.Connected, 5000), "the phone did not reach the monitor");

            NodeConsole remote = Console(1);
            Use(remote);
            Assert.StartsWith("BM6 reading " + Address, remote.Ask("bm6 read"));
            Assert.StartsWith(NoAnswer, remote.NextReply(FailedReadMilliseconds));

            Assert.Equal(NativeContract.Ok, _phone.CentralDisconnect());
            Assert.False(_monitor.Connected);
            WaitForStatus(remote, ", unreachable;"); // the reader ends the failed connection (up to 3 s) before it takes the next 'bm6 read'
            Assert.Equal(Reading, Read(remote));
        }

        [Fact]
        public void AWrongKeyMonitorGivesAnErrorWithItsBytesAndNoReading()
        {
            _monitor.AnswersWithWrongKey = true;
            NodeConsole remote = Console(1);
            Use(remote);
            Assert.StartsWith("BM6 reading " + Address, remote.Ask("bm6 read"));
            string failure = remote.NextReply(FailedReadMilliseconds);
            Assert.Matches(new Regex("^ERR: BM6 read failed: BM6 response [0-9a-f]{4,}.* decrypts to [0-9a-f]{4,}.*: header is not d15507"), failure);
            Assert.Contains("no reading yet", remote.Ask("bm6"));

            PiCentral pi = _network.ConnectPi(0);
            AssertNodeOneAnswers(pi, "ERROR:BATTERY_MONITOR_UNREACHABLE");
        }

        [Fact]
        public void ABm7IsRefusedWithTheBm6KeyAndReadWithBm7WhichSurvivesAPowerCut()
        {
            const string Bm7Address = "A4:1E:2D:3C:4B:77";
            var bm7 = new VirtualBatteryMonitor(VirtualBatteryMonitor.ParseAddress(Bm7Address), "bm7-0", "BM7") { UsesBm7Key = true };
            bm7.SetBattery(13.05, 64, 18);
            bm7.PlaceOn(_network.Air);
            NodeConsole console = Console(1);

            Assert.Equal("BM6 " + Bm7Address + " read every 60 s (first read in 5 s)", console.Ask("bm6 use " + Bm7Address));
            Assert.Equal("BM6 reading " + Bm7Address + "...", console.Ask("bm6 read"));
            Assert.Matches(new Regex("^ERR: BM6 read failed: BM6 response [0-9a-f]{32} decrypts to [0-9a-f]{32}: header is not d15507 \\(wrong key"), console.NextReply(FailedReadMilliseconds));
            Assert.Contains("(bm6 key)", console.Ask("bm6"));

            Assert.Equal("BM6 " + Bm7Address + " (bm7 key) read every 60 s (first read in 5 s)", console.Ask("bm6 use " + Bm7Address + " bm7"));
            WaitForStatus(console, ", idle;"); // the refused read's connection ends (up to 3 s) before the next 'bm6 read' is taken
            Assert.Equal("BM6 reading " + Bm7Address + "...", console.Ask("bm6 read"));
            Assert.Equal("BATT:V:13.05V,SOC:64%,T:18C", console.NextReply(FailedReadMilliseconds));
            Assert.Contains("BM6 " + Bm7Address + " (bm7 key), every 60 s", console.Ask("bm6"));

            NodeConsole after = PowerCycleNodeOne(Bm7Address + " (bm7 key)");
            Assert.Equal("BM6 reading " + Bm7Address + "...", after.Ask("bm6 read"));
            Assert.Equal("BATT:V:13.05V,SOC:64%,T:18C", after.NextReply(FailedReadMilliseconds));
        }

        [Fact]
        public void TheChosenMonitorSurvivesAPowerCut()
        {
            Use(Console(1));
            Assert.Equal(Reading, Read(PowerCycleNodeOne(Address)));
        }

        /// <summary>
        /// Cuts node-1's power and starts it again on the same flash; returns its console once the node logged
        /// that it reads <paramref name="monitor"/> (the address as the log shows it) and is ready.
        /// </summary>
        private NodeConsole PowerCycleNodeOne(string monitor)
        {
            EmulatedUniversalNode before = _network.Nodes[1];
            before.Dispose();
            var after = new EmulatedUniversalNode(new UniversalNodeBoardOptions
            {
                FlashDirectory = before.Board.FlashDirectory,
                Name = "node-1",
                Air = _network.Air,
                PreprovisionedAddress = 0x0006,
                NoiseSeed = 101,
            });
            _network.Nodes[1] = after;
            after.PowerOn();

            NodeConsole console = new NodeConsole(after.Console);
            console.WaitFor(l => l.Contains("[bm6] reading " + monitor + " every 60 s", StringComparison.Ordinal));
            console.WaitUntilReady();
            return console;
        }

        private NodeConsole Console(int index) => new NodeConsole(_network.Nodes[index].Console);

        /// <summary>Types <c>bm6 use</c> with the monitor's address and checks the node's answer.</summary>
        private static void Use(NodeConsole console)
        {
            Assert.Equal("BM6 " + Address + " read every 60 s (first read in 5 s)", console.Ask("bm6 use " + Address));
        }

        /// <summary>Types <c>bm6 read</c> and returns the read's answer (after the "reading" line).</summary>
        private static string Read(NodeConsole console)
        {
            Assert.Equal("BM6 reading " + Address + "...", console.Ask("bm6 read"));
            return console.NextReply(FailedReadMilliseconds);
        }

        /// <summary>The Pi writes <c>1:BATT</c>: the gateway says it sent it, then node 1's answer is <paramref name="answer"/>.</summary>
        private static void AssertNodeOneAnswers(PiCentral pi, string answer)
        {
            Assert.True(pi.Write("1:BATT"));
            Assert.Equal("SENT:BATT", pi.Next());
            Assert.Equal(answer, pi.Next(20000));
        }

        /// <summary>
        /// Asks <c>bm6</c> until its status line contains <paramref name="state"/> (paced at 0.2 s, at most 10 s: the reader moves on
        /// at its one-second tick, and no console line marks it).
        /// </summary>
        private static void WaitForStatus(NodeConsole console, string state)
        {
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
            string status;
            while (!(status = console.Ask("bm6")).Contains(state, StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, "the BM6 status never showed '" + state + "': " + status);
                Thread.Sleep(200);
            }
        }

        private static string WaitForPi(PiCentral pi, Func<string, bool> match)
        {
            while (true)
            {
                string message = pi.Next(20000);
                if (match(message))
                {
                    return message;
                }
            }
        }

        /// <summary>The owner's phone: a second central on the air (a started stack that runs no firmware), named "phone".</summary>
        private EmulatedMeshStack Phone()
        {
            var board = new VirtualBoard(_phoneFlash.Path, VirtualClock.Manual());
            EmulatedMeshStack stack = EmulatedMeshStack.For(board);
            stack.RadioName = "phone";
            stack.AttachTo(_network.Air);
            using (board.Activate())
            {
                Assert.Equal(NativeContract.Ok, stack.Start(EmulatedUniversalNode.UniversalNodeModels, true, 7, new byte[16]));
            }

            return stack;
        }
    }
}
