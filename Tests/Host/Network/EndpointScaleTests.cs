using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DcMonitor.Emulator.Air;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// Through the air endpoint with node processes: 32 nodes answering ALL:READ. Starting 33 node processes loads every core
    /// for a while, so this runs alone, after the parallel tests (<see cref="CpuLoadCollection"/>): the real-time tests would
    /// otherwise miss their timings next to it. (10 % loss on every link: <see cref="EndpointLossTests"/>.)
    /// </summary>
    [Collection(CpuLoadCollection.Name)]
    public class EndpointScaleTests
    {
        [Fact]
        public void AllReadWith32NodeProcessesIsAnsweredByEveryNode()
        {
            using var network = new HubNetwork(32);
            network.Hub.Air.SetLink("node-31", "relay-0", inRange: true); // node-31 reaches the others through the relay
            using var pi = new AirGatewayConsole(network.Hub.Port, TextWriter.Null, firstScanMilliseconds: 100);
            Assert.True(pi.Write("ALL:READ"));
            Assert.StartsWith("NODE0:DATA:", Take(pi));
            Assert.Equal("SENT:READ", Take(pi));
            var answered = new HashSet<string>();
            while (answered.Count < 31)
            {
                string message = Take(pi);
                answered.Add(message.Substring(0, message.IndexOf(":DATA:", StringComparison.Ordinal)));
            }

            Assert.Equal(Enumerable.Range(1, 31).Select(i => "NODE" + i).ToHashSet(), answered);
        }

        /// <summary>The console's next message; fails the test when none comes within 20 s.</summary>
        internal static string Take(AirGatewayConsole pi)
        {
            Assert.True(pi.Messages.TryTake(out string message, 20000), "no message within 20 s");
            return message;
        }
    }
}
