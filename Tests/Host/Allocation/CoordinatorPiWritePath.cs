using DcMonitor.MeshInterop;
using DcMonitor.PathDrivers;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Mesh;
using DcMonitor.Shared.Sensing;

namespace DcMonitor.Tests.Allocation
{
    /// <summary>
    /// (b) and (c) through the real UniversalNode classes: a Pi write to DC03 as the native side queues it → <c>MeshNode.DrainEvents</c>
    /// → <c>MeshCoordinator</c>'s event ring → the gateway role, then either the binary SEND handed to the native side
    /// (<c>MeshGatewayAdapter</c>), its completion event and node 1's STATUS answer forwarded to DC02 (the round trip, so the gateway
    /// is idle for the next one), or a local run (<c>LocalCommandRunner</c> → <c>CommandExecutor</c>: duty applied, the delayed
    /// reply after the settle time read from the INA260 and notified). The path <c>PiCommandPath</c> drives through Shared/ alone.
    /// </summary>
    internal sealed class CoordinatorPiWritePath : WholePath
    {
        private readonly GatewayNodeOnOneThread _node;
        private readonly string _command;
        private readonly byte[] _written;
        private readonly byte[] _answer = new byte[BinaryStatusCodec.Length];

        /// <summary>The path of <paramref name="command"/> as the Pi writes it (for example <c>1:DUTY:50</c>, <c>0:DUTY:50</c>).</summary>
        public CoordinatorPiWritePath(GatewayNodeOnOneThread node, string command)
        {
            _node = node;
            _command = command;
            _written = System.Text.Encoding.ASCII.GetBytes(command);
            var registers = new SensorReading();
            registers.Set(200, 9602, 300);
            BinaryStatusCodec.Encode(BinaryStatusKind.Reading, 50, registers, _answer);
        }

        /// <inheritdoc/>
        public override string Name => "MeshCoordinator: Pi command " + _command;

        /// <inheritdoc/>
        public override int Handed => _node.Native.Notifications + _node.Native.VendorSends;

        /// <inheritdoc/>
        public override void Run()
        {
            int sends = _node.Native.VendorSends;
            _node.WritePi(_written);
            if (_node.Native.VendorSends != sends)
            {
                _node.ReceiveVendor(_node.Native.LastSendDestination, MeshProtocol.BinaryStatusOpcode, _answer);
            }
        }
    }
}
