using System.Collections.Generic;
using System.Linq;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Mesh;
using DcMonitor.Tests.Support;
using Xunit;

namespace DcMonitor.Tests.Network
{
    /// <summary>
    /// Responses timed like a real mesh over the emulated network (issue 15 part 2): every node answering an ALL (group) request
    /// draws its own response delay over the window the binary group SEND carries (20 ms to the gateway's window, at least
    /// <see cref="GatewayProcessor.GroupResponseWindowMinimumMilliseconds"/>; Mesh Profile §3.7.3.1's 20–500 ms is the floor of
    /// other group requests) and every answer still reaches the Pi once; a unicast request is answered without drawing a delay. Delays are read from the nodes, not timed with the wall clock.
    /// </summary>
    public class ResponseDelayNetworkTests
    {
        [Fact]
        public void GroupRepliesDrawDelaysOverTheResponseWindowAndUnicastRepliesNone()
        {
            using var network = new TestNetwork(6);
            var pi = network.ConnectPi(0);
            pi.Write("ALL:READ");
            Assert.StartsWith("NODE0:DATA:", pi.Next());
            Assert.Equal("SENT:READ", pi.Next());
            var answered = new HashSet<string>();
            for (int i = 0; i < 5; i++)
            {
                string message = pi.Next();
                answered.Add(message.Substring(0, message.IndexOf(":DATA:", System.StringComparison.Ordinal)));
            }

            Assert.Equal(new HashSet<string> { "NODE1", "NODE2", "NODE3", "NODE4", "NODE5" }, answered);
            int[] delays = network.Nodes.Skip(1).Select(node => node.Firmware.Mesh.VendorServer.LastResponseDelayMilliseconds).ToArray();
            Assert.All(delays, delay => Assert.InRange(delay, ResponseDelay.MinimumMilliseconds, GatewayProcessor.GroupResponseWindowMinimumMilliseconds));
            Assert.True(delays.Distinct().Count() >= 4, "delays " + string.Join(",", delays));
            // A fresh gateway learned every answering node from this ALL:READ, so it sends the group read once more, silently, after the
            // window and its margin (GatewayProcessor "learning"): the nodes answer again over a new window, and the Pi hears none of it.
            int resendOver = 2 * GatewayProcessor.GroupResponseWindowMinimumMilliseconds + GatewayProcessor.ReaskAfterWindowMilliseconds + 500;
            Assert.True(pi.NothingMoreWithin(resendOver), "a node answered twice");
            Assert.Equal(1, network.Nodes[0].Firmware.Mesh.Gateway.GroupResendsSent);
            Assert.All(network.Nodes, node => Assert.Equal(0, node.Firmware.Mesh.VendorServer.HeldReplyCount));

            int before = network.Nodes[2].Firmware.Mesh.VendorServer.LastResponseDelayMilliseconds;
            var unicastNode = network.Nodes[2].Firmware.Mesh.VendorServer;
            pi.Write("2:READ");
            Assert.Equal("SENT:READ", pi.Next());
            Assert.StartsWith("NODE2:DATA:", pi.Next());
            Assert.Equal(0, unicastNode.HeldReplyCount);
            Assert.Equal(before, unicastNode.LastResponseDelayMilliseconds);
        }
    }
}
