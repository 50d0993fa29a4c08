using System;
using System.IO;
using DcMonitor.Emulator.Air;
using DcMonitor.Tests.Support;
using DcMonitor.Tests.Support.Scheduling;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>Through the air endpoint with node processes: with 10 % loss on every link, every command gets data or an error.</summary>
    [LongRunning(15)]
    public class EndpointLossTests
    {
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
                    string message = EndpointScaleTests.Take(pi);
                    outcome = message.Contains(":DATA:", StringComparison.Ordinal) && !message.StartsWith("NODE0:", StringComparison.Ordinal) || message.StartsWith("ERROR:", StringComparison.Ordinal);
                }

                while (pi.Messages.TryTake(out _, 1500))
                {
                    // the rest of an ALL:READ
                }
            }

            Assert.True(network.Hub.Air.Statistics.PdusDroppedByLoss > 0, "the links lost nothing");
        }
    }
}
