using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Mesh;

namespace DcMonitor.PathDrivers
{
    /// <summary>
    /// The UniversalNode's MeshGatewayAdapter without the radio: a provisioned, bound gateway at 0x0005 that encodes each
    /// send as the binary SEND (BinaryCommandCodec into a reused buffer), as the adapter does for a
    /// binary-speaking node, and remembers the last destination instead of calling MeshNode.SendVendor.
    /// </summary>
    public sealed class EncodingMesh : IGatewayMesh
    {
        private readonly byte[] _binary = new byte[BinaryCommandCodec.WindowedLength];

        /// <inheritdoc/>
        public int OwnAddress => 0x0005;

        /// <inheritdoc/>
        public bool VendorClientBound => true;

        /// <summary>Sends handed to the (absent) radio since creation.</summary>
        public int Sends { get; private set; }

        /// <summary>Destination of the last send.</summary>
        public int LastDestination { get; private set; }

        /// <inheritdoc/>
        public bool SendVendor(int destination, NodeCommandKind command, int dutyPercent)
        {
            BinaryCommandCodec.TryEncode(command, dutyPercent, _binary);
            LastDestination = destination;
            Sends++;
            return true;
        }

        /// <inheritdoc/>
        public bool SendVendorToGroup(NodeCommandKind command, int dutyPercent, int responseWindowMilliseconds)
        {
            if (BinaryCommandCodec.TryEncode(command, dutyPercent, _binary))
            {
                BinaryCommandCodec.WriteResponseWindow(_binary, responseWindowMilliseconds);
            }

            LastDestination = NodeAddressing.AllNodesGroupAddress;
            Sends++;
            return true;
        }

        /// <inheritdoc/>
        public bool SendOnOff(int destination, bool on)
        {
            LastDestination = destination;
            Sends++;
            return true;
        }
    }
}
