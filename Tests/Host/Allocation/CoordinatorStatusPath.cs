using DcMonitor.MeshInterop;
using DcMonitor.PathDrivers;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.Tests.Allocation
{
    /// <summary>
    /// (a) through the real UniversalNode classes: node 1's binary STATUS as the native side queues it → <c>MeshNode.DrainEvents</c> →
    /// <c>MeshCoordinator</c>'s event ring and its one posted delegate → the worker (<c>RunNext</c>) → the gateway role → the DC02
    /// notification bytes <c>GattNotifier</c> hands the native side (the Pi monitors node 1, as in <c>ForwardStatusPath</c>). The path <c>ForwardStatusPath</c> drives through Shared/ alone.
    /// </summary>
    internal sealed class CoordinatorStatusPath : WholePath
    {
        private readonly GatewayNodeOnOneThread _node;
        private readonly byte[] _status = new byte[BinaryStatusCodec.Length];

        /// <summary>The path on <paramref name="node"/>.</summary>
        public CoordinatorStatusPath(GatewayNodeOnOneThread node)
        {
            _node = node;
            var registers = new SensorReading();
            registers.Set(200, 9602, 300);
            BinaryStatusCodec.Encode(BinaryStatusKind.Reading, 50, registers, _status);
            int sends = node.Native.VendorSends;
            node.WritePi(System.Text.Encoding.ASCII.GetBytes("1:MONITOR")); // the gateway forwards node 1's STATUS while it monitors it
            if (node.Native.VendorSends != sends)
            {
                node.ReceiveVendor(node.Native.LastSendDestination, MeshProtocol.BinaryStatusOpcode, _status);
            }
        }

        /// <inheritdoc/>
        public override string Name => "MeshCoordinator: STATUS event to DC02";

        /// <inheritdoc/>
        public override int Handed => _node.Native.Notifications;

        /// <inheritdoc/>
        public override void Run()
        {
            _node.ReceiveVendor(NodeAddressing.UnicastOf(1), MeshProtocol.BinaryStatusOpcode, _status);
        }
    }
}
