using DcMonitor.MeshInterop;
using DcMonitor.PathDrivers;
using DcMonitor.Shared.Mesh;
using Xunit;
using Xunit.Abstractions;

namespace DcMonitor.Tests.Allocation
{
    /// <summary>
    /// Issue 16's paths through the device-only UniversalNode classes around the Shared/ drivers of <see cref="WholePathAllocationTests"/>:
    /// <c>MeshNode</c>'s drain, <c>MeshCoordinator</c>'s event ring and posted delegate, <c>GattNotifier</c>, <c>MeshGatewayAdapter</c>,
    /// <c>LocalCommandRunner</c> and <c>CommandExecutor</c>'s delayed reply, on one thread (<see cref="GatewayNodeOnOneThread"/>), counted
    /// as <see cref="AllocationMeter"/> counts (1,000 warm-up, 1,000 counted operations, stack allocation off). The native side is a
    /// <see cref="ScriptedNativeMesh"/> that allocates nothing, so the figure is the firmware's. Each test also checks what the path
    /// handed on, so a path that stops short fails rather than measuring less.
    /// </summary>
    public class MeshLinkAllocationTests
    {
        // issue 16 target: 0 B
        private const int StatusEventBudget = 0;

        // issue 16 target: 0 B
        private const int PiDutyToNodeBudget = 0;

        // issue 16 target: 0 B (was 40 B: the text "duty:50" made for the local runner each time; NodeCommandText.Of now keeps
        // each duty's text after its first use). The executor classifies it without a NodeCommand; its delayed reply is a
        // OneShotWork made once.
        private const int PiDutyLocalBudget = 0;

        private readonly ITestOutputHelper _output;

        /// <summary>Creates the test class.</summary>
        public MeshLinkAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void AStatusEventForwardedToDc02StaysWithinItsBudget()
        {
            using (var node = new GatewayNodeOnOneThread())
            {
                Check(new CoordinatorStatusPath(node), StatusEventBudget);
                Assert.StartsWith("NODE1:DATA:", node.Native.LastMessage);
                Assert.Equal(0, node.Coordinator.WorkerRefusedCommands);
            }
        }

        [Fact]
        public void APiDutyForANodeHandedToTheMeshStaysWithinItsBudget()
        {
            using (var node = new GatewayNodeOnOneThread())
            {
                Check(new CoordinatorPiWritePath(node, "1:DUTY:50"), PiDutyToNodeBudget);
                Assert.Equal(2 * AllocationMeter.WarmUpOperations, node.Native.VendorSends);
                Assert.Equal(NodeAddressing.UnicastOf(1), node.Native.LastSendDestination);
                Assert.Equal(MeshProtocol.BinarySendOpcode, node.Native.LastSendOpcode);
                Assert.StartsWith("NODE1:DATA:", node.Native.LastMessage);
            }
        }

        [Fact]
        public void APiDutyForTheGatewayItselfWithItsDelayedReplyStaysWithinItsBudget()
        {
            using (var node = new GatewayNodeOnOneThread())
            {
                Check(new CoordinatorPiWritePath(node, "0:DUTY:50"), PiDutyLocalBudget);
                Assert.Equal(0, node.Native.VendorSends);
                Assert.StartsWith("NODE0:DATA:", node.Native.LastMessage);
                Assert.Contains(":D:50%,", node.Native.LastMessage); // the duty the executor applied (the INA260 has not averaged it yet: the reply is posted at once)
            }
        }

        private void Check(WholePath path, int budget)
        {
            double perOperation = AllocationMeter.BytesPerOperation(path);
            _output.WriteLine(path.Name + ": " + perOperation.ToString("0.#") + " B per operation (budget " + budget + " B)");
            Assert.True(perOperation <= budget, path.Name + " allocates " + perOperation.ToString("0.#") + " B per operation, budget " + budget + " B");
        }
    }
}
