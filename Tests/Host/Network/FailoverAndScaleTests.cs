using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>Monitor mode over the mesh, a 32-node ALL:READ and lossy links.</summary>
    public class FailoverAndScaleTests
    {
        [Fact]
        public void MonitorStreamsReadingsAboutEverySecondUntilTheNextCommand()
        {
            using var network = new TestNetwork(2);
            var pi = network.ConnectPi(0);
            pi.Write("1:MONITOR");
            Assert.Equal("SENT:MONITOR", pi.Next());
            for (int i = 0; i < 3; i++)
            {
                Assert.StartsWith("NODE1:DATA:D:0%,", pi.Next(5000));
            }

            pi.Write("0:READ");
            string next = pi.Next();
            while (next.StartsWith("NODE1:", StringComparison.Ordinal))
            {
                next = pi.Next(); // a poll already in flight may still answer
            }

            Assert.StartsWith("NODE0:DATA:", next);
            Assert.True(pi.NothingMoreWithin(2500) , "monitoring did not stop");
        }

        [Fact]
        public void MonitoringTheGatewayNodeItselfWorks()
        {
            using var network = new TestNetwork(1);
            var pi = network.ConnectPi(0);
            pi.Write("0:MONITOR");
            Assert.Equal("SENT:MONITOR", pi.Next());
            Assert.StartsWith("NODE0:DATA:", pi.Next(5000));
            Assert.StartsWith("NODE0:DATA:", pi.Next(5000));
        }

        [Fact]
        public void AllReadWith32NodesIsAnsweredByEveryNode()
        {
            using var network = new TestNetwork(32);
            var pi = network.ConnectPi(0);
            pi.Write("ALL:READ");
            Assert.StartsWith("NODE0:DATA:", pi.Next());
            Assert.Equal("SENT:READ", pi.Next());
            Assert.Equal(Enumerable.Range(1, 31).Select(i => "NODE" + i).ToHashSet(), pi.NodesAnswering(31));
            Assert.Equal(0, network.Air.Statistics.SegmentedMessages);
        }

        [Fact]
        public void WithTenPercentLossEveryCommandGetsDataOrAnErrorAndNothingSticks()
        {
            using var network = new TestNetwork(3, air =>
            {
                foreach (var (a, b) in new[] { ("node-0", "node-1"), ("node-0", "node-2"), ("node-1", "node-2") })
                {
                    air.SetLink(a, b, inRange: true, loss: 0.1);
                }
            });
            var pi = network.ConnectPi(0);
            foreach (string command in new[] { "1:READ", "2:DUTY:30", "1:STOP", "2:READ", "1:DUTY:60", "2:STOP" })
            {
                pi.Write(command);
                string sent = pi.Next();
                Assert.StartsWith("SENT:", sent);
                string outcome = pi.Next(12000);
                Assert.True(outcome.Contains(":DATA:", StringComparison.Ordinal) || outcome == "ERROR:MESH_TIMEOUT", outcome);
            }

            Assert.True(network.Air.Statistics.PdusDroppedByLoss > 0, "the links lost nothing");
        }
    }
}
