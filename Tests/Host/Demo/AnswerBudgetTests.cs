using System;
using DcMonitor.Emulator.Demo;
using DcMonitor.Shared.Gateway;
using Xunit;

namespace DcMonitor.Tests.Demo
{
    /// <summary>
    /// How long <c>demo --commands</c> waits for a command's replies: an ALL command at least as long as the gateway's ALL reply
    /// window (within which it still collects and re-asks), a single node's command the demo's own budget.
    /// </summary>
    public class AnswerBudgetTests
    {
        [Theory]
        [InlineData(4)]
        [InlineData(100)]
        [InlineData(249)]
        public void AnAllCommandWaitsForTheGatewaysWholeReplyWindow(int universalNodes)
        {
            int budget = MeshDemo.AnswerBudgetMilliseconds(toAll: true, universalNodes);

            Assert.True(budget >= GatewayProcessor.AllRepliesWindowMilliseconds(universalNodes) + MeshDemo.AllWindowMarginMilliseconds);
            Assert.True(budget >= MeshDemo.AnswerBudgetMilliseconds(toAll: false, universalNodes));
        }

        [Fact]
        public void AHundredNodeAllReadWaitsFiftySeconds()
        {
            Assert.Equal(50000, MeshDemo.AnswerBudgetMilliseconds(toAll: true, 100)); // the gateway's 45 s window + 5 s; was 35 s
            Assert.Equal(35000, MeshDemo.AnswerBudgetMilliseconds(toAll: false, 100));
        }

        [Fact]
        public void ExpectedRepliesTellsAnAllCommandFromANodesCommand()
        {
            Assert.True(new ExpectedReplies("ALL:READ", new[] { 0, 1 }).ToAll);
            Assert.True(new ExpectedReplies("all:duty:50", new[] { 0, 1 }).ToAll);
            Assert.False(new ExpectedReplies("1:READ", new[] { 0, 1 }).ToAll);
            Assert.False(new ExpectedReplies("abc:READ", new[] { 0, 1 }).ToAll);
        }

        [Fact]
        public void ANegativeNodeCountIsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => MeshDemo.AnswerBudgetMilliseconds(toAll: true, -1));
        }
    }
}
