using DcMonitor.MeshInterop;
using DcMonitor.Shared.Commands;
using DcMonitor.Shared.Gateway;
using DcMonitor.Shared.Mesh;

namespace DcMonitor.UniversalNode.Mesh
{
    /// <summary>
    /// The gateway's view of the mesh (<see cref="IGatewayMesh"/>) over the interop. It sends this firmware's
    /// compact binary SEND (ARCHITECTURE §7) unless the destination is known to speak only the seed's text:
    /// a node that answered in text, or whose binary request timed out, gets text from then on; a node that
    /// answers in binary goes back to binary. A group send goes out in binary, and also in text while any
    /// text-only node is known, so a mixed fleet keeps working (the first unicast request to a seed node times
    /// out once, see docs/protocol.md). Worker thread only.
    /// </summary>
    public sealed class MeshGatewayAdapter : IGatewayMesh
    {
        /// <summary>TTL of vendor sends from a gateway (seed §1.6).</summary>
        public const int VendorTtl = 7;

        /// <summary>TTL of fallback OnOff sets (seed §1.6).</summary>
        public const int OnOffTtl = 3;

        /// <summary>Timeout of fallback OnOff sets, ms (seed §1.7).</summary>
        public const int OnOffTimeoutMilliseconds = 2000;

        private readonly MeshNode _mesh;
        private readonly MeshState _state = new MeshState();
        private readonly AddressSet _textOnly = new AddressSet(8); // nodes that answer in text only (seed nodes); boxes nothing
        private readonly byte[] _binary = new byte[BinaryCommandCodec.WindowedLength];
        private readonly ReplyWriter _text = new ReplyWriter(64);

        /// <summary>Creates the adapter and reads the stack's state.</summary>
        public MeshGatewayAdapter(MeshNode mesh)
        {
            _mesh = mesh;
            Refresh();
        }

        /// <inheritdoc/>
        public int OwnAddress => _state.IsProvisioned ? _state.UnicastAddress : 0;

        /// <inheritdoc/>
        public bool VendorClientBound => _state.IsProvisioned && _state.IsBound(MeshModels.VendorClient);

        /// <summary>The stack's state as last read.</summary>
        public MeshState State => _state;

        /// <summary>Re-reads the provisioning state (after provisioning or a configuration change).</summary>
        public void Refresh()
        {
            _mesh.ReadState(_state);
        }

        /// <inheritdoc/>
        public bool SendVendor(int destination, NodeCommandKind command, int dutyPercent)
        {
            if (destination >= 0xC000)
            {
                return SendToGroup(destination, command, dutyPercent, ResponseDelay.MaximumMilliseconds);
            }

            bool binary = BinaryCommandCodec.TryEncode(command, dutyPercent, _binary);

            if (!binary || _textOnly.Contains(destination))
            {
                return SendText(destination, command, dutyPercent, true);
            }

            return _mesh.SendVendor(destination, MeshProtocol.BinarySendOpcode, _binary, BinaryCommandCodec.Length, VendorTtl, true, MeshNode.VendorResponseTimeoutMilliseconds) == MeshResult.Ok;
        }

        /// <inheritdoc/>
        public bool SendVendorToGroup(NodeCommandKind command, int dutyPercent, int responseWindowMilliseconds)
        {
            return SendToGroup(NodeAddressing.AllNodesGroupAddress, command, dutyPercent, responseWindowMilliseconds);
        }

        /// <summary>The binary group SEND with its response window, and the text one too while a text-only node is known (or the command has no binary form).</summary>
        private bool SendToGroup(int destination, NodeCommandKind command, int dutyPercent, int responseWindowMilliseconds)
        {
            bool binary = BinaryCommandCodec.TryEncode(command, dutyPercent, _binary);
            int length = binary ? BinaryCommandCodec.WriteResponseWindow(_binary, responseWindowMilliseconds) : 0;
            bool sent = !binary || _mesh.SendVendor(destination, MeshProtocol.BinarySendOpcode, _binary, length, VendorTtl, false, 0) == MeshResult.Ok;
            if (!binary || _textOnly.Count > 0)
            {
                sent = SendText(destination, command, dutyPercent, false) && sent; // seed nodes answer text after 20–500 ms
            }

            return sent;
        }

        /// <inheritdoc/>
        public bool SendOnOff(int destination, bool on)
        {
            return _mesh.SendOnOff(destination, on, true, OnOffTtl, OnOffTimeoutMilliseconds) == MeshResult.Ok;
        }

        /// <summary>A STATUS arrived from <paramref name="source"/>, in binary or in text: remember how it speaks.</summary>
        public void HeardFrom(int source, bool binary)
        {
            if (binary)
            {
                _textOnly.Remove(source);
            }
            else
            {
                _textOnly.Add(source);
            }
        }

        /// <summary>A request to <paramref name="destination"/> timed out: if it was binary, use text next time.</summary>
        public void TimedOut(int destination, int opcode)
        {
            if (opcode == MeshProtocol.BinarySendOpcode && destination < 0xC000)
            {
                _textOnly.Add(destination);
            }
        }

        /// <summary>The seed's text SEND of the command (<see cref="NodeCommandText"/>), written into a reused buffer.</summary>
        private bool SendText(int destination, NodeCommandKind command, int dutyPercent, bool acknowledged)
        {
            _text.Clear();
            if (!NodeCommandText.Write(command, dutyPercent, _text))
            {
                return false; // not a command the gateway sends: refused like a send the stack refuses
            }

            return _mesh.SendVendor(destination, MeshProtocol.VendorSendOpcode, _text.Buffer, _text.Length, VendorTtl, acknowledged, MeshNode.VendorResponseTimeoutMilliseconds) == MeshResult.Ok;
        }
    }
}
