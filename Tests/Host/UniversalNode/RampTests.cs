using System;
using System.Collections.Generic;
using System.Linq;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.UniversalNode
{
    /// <summary>
    /// The ramp (seed protocol §4.2): 0, 25, 50, 75, 100 % for 500 ms each, then 0 % for 200 ms, then one
    /// reading — without blocking anyone, and cancelled by a later duty command. Times are read from the
    /// gate pin's recorded history; bounds allow for a loaded machine but catch a wrong schedule.
    /// </summary>
    [LongRunning(15)]
    public sealed class RampTests : IDisposable
    {
        private readonly NodeUnderTest _node = new NodeUnderTest();

        public void Dispose() => _node.Dispose();

        [Fact]
        public void FollowsTheSeedSequenceAndTiming()
        {
            long start = _node.Node.Board.Clock.NowMicroseconds;
            string reply = _node.Console.Ask("r");
            long replied = _node.Node.Board.Clock.NowMicroseconds;

            Assert.StartsWith("D:0%,", reply);
            Assert.True(PiDataParser.IsReading(reply), reply);
            List<KeyValuePair<long, double>> steps = _node.Node.Board.Pin(5).History().Where(change => change.Key >= start).ToList();
            Assert.Equal(new[] { 1.0, 0.75, 0.5, 0.25, 0.0, 1.0 }, steps.Select(change => change.Value).ToArray());
            for (int i = 1; i < steps.Count; i++)
            {
                long heldMs = (steps[i].Key - steps[i - 1].Key) / 1000;
                Assert.InRange(heldMs, 490, 1500);
            }

            long finalHoldMs = (replied - steps[^1].Key) / 1000;
            Assert.InRange(finalHoldMs, 190, 1500);
            Assert.InRange((replied - start) / 1000, 2690, 8000);
        }

        [Fact]
        public void LogsAReadingAtTheEndOfEachRisingStep()
        {
            _node.Console.Ask("ramp");
            foreach (string duty in new[] { "0", "25", "50", "75", "100" })
            {
                Assert.Contains(_node.Console.Transcript, line => line.StartsWith("[load] ramp " + duty + "%: D:" + duty + "%,", StringComparison.Ordinal));
            }
        }

        [Fact]
        public void DoesNotBlockOtherCommands()
        {
            _node.Console.Type("r");
            _node.Console.Type("read");
            string first = _node.Console.NextReply();
            Assert.True(_node.Node.Firmware.Executor.RampInProgress, "the read was answered only after the 2.7 s ramp");
            Assert.True(PiDataParser.IsReading(first), first);
            Assert.StartsWith("D:0%,", _node.Console.NextReply());
        }

        [Fact]
        public void ADutyCommandCancelsARunningRamp()
        {
            _node.Console.Type("r");
            _node.Console.WaitFor(line => line.StartsWith("[load] ramp 25%:", StringComparison.Ordinal));
            long cancelledAt = _node.Node.Board.Clock.NowMicroseconds;
            _node.Console.Type("duty:10");
            Assert.Equal("ERR:RAMP_CANCELLED", _node.Console.NextReply());
            Assert.StartsWith("D:10%,", _node.Console.NextReply());
            Assert.False(_node.Node.Firmware.Executor.RampInProgress);
            Assert.Equal(0.9, _node.GateLevel, 4);

            // After the 25 % step's log line the ramp may still have applied its 50 % step; then only duty 10 %.
            double[] after = _node.Node.Board.Pin(5).History().Where(change => change.Key >= cancelledAt).Select(change => change.Value).ToArray();
            Assert.Equal(0.9, after[^1], 4);
            Assert.All(after, level => Assert.Contains(level, new[] { 0.5, 0.9 }));
        }

        [Fact]
        public void StopAndANewRampCancelToo()
        {
            _node.Console.Type("r");
            _node.Console.WaitFor(line => line.StartsWith("[load] ramp 0%:", StringComparison.Ordinal));
            _node.Console.Type("r");
            Assert.Equal("ERR:RAMP_CANCELLED", _node.Console.NextReply());
            _node.Console.WaitFor(line => line.StartsWith("[load] ramp 0%:", StringComparison.Ordinal));
            _node.Console.Type("s");
            Assert.Equal("ERR:RAMP_CANCELLED", _node.Console.NextReply());
            Assert.StartsWith("D:0%,", _node.Console.NextReply());
            Assert.False(_node.Node.Firmware.Executor.RampInProgress);
        }

        [Fact]
        public void ReadingsDuringARampDoNotCancelIt()
        {
            _node.Console.Type("r");
            _node.Console.WaitFor(line => line.StartsWith("[load] ramp 25%:", StringComparison.Ordinal));
            _node.Console.Type("status");
            Assert.StartsWith("D:50%,", _node.Console.NextReply());
            Assert.True(_node.Node.Firmware.Executor.RampInProgress);
            Assert.StartsWith("D:0%,", _node.Console.NextReply());
        }
    }
}
