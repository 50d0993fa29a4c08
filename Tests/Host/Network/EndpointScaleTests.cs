using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DcMonitor.Emulator.Air;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>Through the air endpoint with node processes: 32 nodes answering ALL:READ, and 10 % loss on every link.</summary>
    [LongRunning(80)]
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

        [Fact]
        public void WithTenPercentLossOnEveryLinkEveryCommandGetsDataOrAnError()
        {
            using var network = new HubNetwork(3);
            string[] radios = { "node-0", "node-1", "node-2", "relay-0" };
            foreach (string a in radios)
            {
                foreach (string b in radios)
                {
                    if (string.CompareOrdinal(a, b) < 0 && network.Hub.Air.InRange(a, b))
                    {
                        network.Hub.Air.SetLink(a, b, inRange: true, loss: 0.1);
                    }
                }
            }

            using var pi = new AirGatewayConsole(network.Hub.Port, TextWriter.Null, firstScanMilliseconds: 100);
            foreach (string command in new[] { "1:READ", "2:DUTY:30", "1:STOP", "2:READ", "ALL:READ", "1:DUTY:60", "2:STOP" })
            {
                Assert.True(pi.Write(command));
                bool outcome = false;
                while (!outcome)
                {
                    string message = Take(pi);
                    outcome = message.Contains(":DATA:", StringComparison.Ordinal) && !message.StartsWith("NODE0:", StringComparison.Ordinal) || message.StartsWith("ERROR:", StringComparison.Ordinal);
                }

                while (pi.Messages.TryTake(out _, 1500))
                {
                    // the rest of an ALL:READ
                }
            }

            Assert.True(network.Hub.Air.Statistics.PdusDroppedByLoss > 0, "the links lost nothing");
        }

        private static string Take(AirGatewayConsole pi)
        {
            Assert.True(pi.Messages.TryTake(out string message, 20000), "no message within 20 s");
            return message;
        }
    }
}
